/** Teaching periods, locations and rooms of an intake: the coordinator's scheduling setup. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SaveLocationRequest, SaveRoomRequest, SaveTeachingPeriodRequest } from '../../../contracts/scheduling';
import { addDays } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { schedulingLocations, schedulingRooms, teachingPeriods } from '../../db/schema';
import { AppError, fromDatabaseError } from '../../errors/app-error';
import { cancelJob, scheduleJob } from '../jobs/public';

export const TIMETABLE_RETENTION_JOB = 'timetable-retention';
/** Timetables are kept this long after their period ends (personal-data registry). */
export const TIMETABLE_RETENTION_DAYS = 30;

/** A unique name or code taken: a clear message instead of the generic conflict. */
async function unique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (fromDatabaseError(error)?.code === 'conflict') throw new AppError('scheduling_name_taken');
    throw error;
  }
}

/** The retention job of a period's timetables, due 30 days after its last day. */
export async function scheduleRetention(db: Db, period: { id: string; lastDate: string }): Promise<void> {
  const key = `${TIMETABLE_RETENTION_JOB}:${period.id}`;
  await cancelJob(db, key);
  await scheduleJob(db, { kind: TIMETABLE_RETENTION_JOB, payload: { periodId: period.id }, dueAt: new Date(`${addDays(period.lastDate, TIMETABLE_RETENTION_DAYS + 1)}T00:00:00Z`), dedupeKey: key });
}

export async function createTeachingPeriod({ services, intakeId, request }: { services: Services; intakeId: string; request: SaveTeachingPeriodRequest }) {
  return unique(() =>
    services.db.transaction(async (tx) => {
      const [row] = await tx.insert(teachingPeriods).values({ intakeId, ...request }).returning();
      await scheduleRetention(tx, row!);
      return { id: row!.id };
    }),
  );
}

export async function updateTeachingPeriod({ services, periodId, request }: { services: Services; periodId: string; request: SaveTeachingPeriodRequest }) {
  return unique(() =>
    services.db.transaction(async (tx) => {
      const [row] = await tx.update(teachingPeriods).set(request).where(eq(teachingPeriods.id, periodId)).returning();
      if (!row) throw new AppError('not_found');
      await scheduleRetention(tx, row);
      return { id: row.id };
    }),
  );
}

/** Deleting a period deletes its timetables, availability and runs (not published sessions). */
export async function deleteTeachingPeriod({ services, periodId }: { services: Services; periodId: string }) {
  await services.db.transaction(async (tx) => {
    await tx.delete(teachingPeriods).where(eq(teachingPeriods.id, periodId));
    await cancelJob(tx, `${TIMETABLE_RETENTION_JOB}:${periodId}`);
  });
}

export async function createLocation({ services, intakeId, request }: { services: Services; intakeId: string; request: z.output<typeof SaveLocationRequest> }) {
  return unique(async () => {
    const [row] = await services.db.insert(schedulingLocations).values({ intakeId, name: request.name, code: request.code.toUpperCase() }).returning({ id: schedulingLocations.id });
    return { id: row!.id };
  });
}

export async function updateLocation({ services, locationId, request }: { services: Services; locationId: string; request: z.output<typeof SaveLocationRequest> }) {
  return unique(async () => {
    await services.db.update(schedulingLocations).set({ name: request.name, code: request.code.toUpperCase() }).where(eq(schedulingLocations.id, locationId));
    return { id: locationId };
  });
}

export async function deleteLocation({ services, locationId }: { services: Services; locationId: string }) {
  await services.db.delete(schedulingLocations).where(eq(schedulingLocations.id, locationId));
}

export async function createRoom({ services, locationId, request }: { services: Services; locationId: string; request: z.output<typeof SaveRoomRequest> }) {
  const [row] = await services.db.insert(schedulingRooms).values({ locationId, ...request }).returning({ id: schedulingRooms.id });
  return { id: row!.id };
}

export async function deleteRoom({ services, roomId }: { services: Services; roomId: string }) {
  await services.db.delete(schedulingRooms).where(eq(schedulingRooms.id, roomId));
}
