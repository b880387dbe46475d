import { readIntakeSettings } from '../../../domain/programme/intake-settings';
/** SQL of the scheduling context: resources for the access policy and the data a run needs. */
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Resource } from '../../../domain/access/policy';
import type { BusyBlock } from '../../../domain/scheduling/instance';
import type { AvailabilityWindow } from '../../../domain/scheduling/product-instance';
import type { Db } from '../../db/client';
import { intakeResource } from '../relations/public';
import {
  classes,
  classMembers,
  coachAvailability,
  coachSupervision,
  communities,
  communityMembers,
  intakes,
  people,
  schedulingLocations,
  schedulingRooms,
  schedulingRuns,
  teachingPeriods,
  timetables,
} from '../../db/schema';

export type ProgrammeResource = Extract<Resource, { kind: 'programme' }>;
export type PeriodRow = typeof teachingPeriods.$inferSelect;
export type RunRow = typeof schedulingRuns.$inferSelect;


export async function periodRow(db: Db, periodId: string): Promise<PeriodRow | null> {
  const [row] = await db.select().from(teachingPeriods).where(eq(teachingPeriods.id, periodId));
  return row ?? null;
}

export async function periodResource(db: Db, institutionId: string, periodId: string) {
  const period = await periodRow(db, periodId);
  return period ? intakeResource(db, institutionId, period.intakeId) : null;
}

/**
 * A coach as the subject of their availability in a period: only someone who coaches a community
 * of the period's intake (else null, a 404), with the relations the coach rule reads.
 */
export async function periodCoachResource(db: Db, institutionId: string, periodId: string, personId: string): Promise<Extract<Resource, { kind: 'coach' }> | null> {
  const period = await periodRow(db, periodId);
  const programme = period ? await intakeResource(db, institutionId, period.intakeId) : null;
  if (!period || !programme) return null;
  const led = await db.select({ id: communities.id }).from(communities).where(and(eq(communities.intakeId, period.intakeId), eq(communities.coachId, personId)));
  if (led.length === 0) return null;
  const [supervisors, coachees] = await Promise.all([
    db.select({ id: coachSupervision.seniorId }).from(coachSupervision).where(and(eq(coachSupervision.coachId, personId), eq(coachSupervision.programmeId, programme.programmeId))),
    db.select({ id: communityMembers.personId }).from(communityMembers).where(and(inArray(communityMembers.communityId, led.map((c) => c.id)), isNull(communityMembers.leftOn))),
  ]);
  return { kind: 'coach', institutionId, programmeId: programme.programmeId, coachId: personId, supervisorIds: supervisors.map((s) => s.id), coacheeIds: coachees.map((c) => c.id) };
}

export async function locationResource(db: Db, institutionId: string, locationId: string) {
  const [row] = await db.select({ intakeId: schedulingLocations.intakeId }).from(schedulingLocations).where(eq(schedulingLocations.id, locationId));
  return row ? intakeResource(db, institutionId, row.intakeId) : null;
}

export async function roomResource(db: Db, institutionId: string, roomId: string) {
  const [row] = await db
    .select({ intakeId: schedulingLocations.intakeId })
    .from(schedulingRooms)
    .innerJoin(schedulingLocations, eq(schedulingLocations.id, schedulingRooms.locationId))
    .where(eq(schedulingRooms.id, roomId));
  return row ? intakeResource(db, institutionId, row.intakeId) : null;
}

export async function timetableResource(db: Db, institutionId: string, timetableId: string) {
  const [row] = await db
    .select({ intakeId: teachingPeriods.intakeId })
    .from(timetables)
    .innerJoin(teachingPeriods, eq(teachingPeriods.id, timetables.periodId))
    .where(eq(timetables.id, timetableId));
  return row ? intakeResource(db, institutionId, row.intakeId) : null;
}

export async function runRow(db: Db, runId: string): Promise<RunRow | null> {
  const [row] = await db.select().from(schedulingRuns).where(eq(schedulingRuns.id, runId));
  return row ?? null;
}

/** The period's run published last (what its sessions now follow), or null. */
export async function latestPublishedRun(db: Db, periodId: string): Promise<RunRow | null> {
  const [row] = await db
    .select()
    .from(schedulingRuns)
    .where(and(eq(schedulingRuns.periodId, periodId), isNotNull(schedulingRuns.publishedAt)))
    .orderBy(desc(schedulingRuns.publishedAt))
    .limit(1);
  return row ?? null;
}

export async function runResource(db: Db, institutionId: string, runId: string) {
  const run = await runRow(db, runId);
  return run ? intakeResource(db, institutionId, run.intakeId) : null;
}

/** Locations of an intake with their rooms, by name. */
export async function locationsOf(db: Db, intakeId: string) {
  const locations = await db.select().from(schedulingLocations).where(eq(schedulingLocations.intakeId, intakeId)).orderBy(asc(schedulingLocations.name));
  const rooms = locations.length
    ? await db.select().from(schedulingRooms).where(inArray(schedulingRooms.locationId, locations.map((l) => l.id))).orderBy(asc(schedulingRooms.name))
    : [];
  return locations.map((l) => ({ ...l, rooms: rooms.filter((r) => r.locationId === l.id) }));
}

/** The intake's communities with their coach and current members. */
export async function communitiesOf(db: Db, intakeId: string) {
  const rows = await db
    .select({ id: communities.id, name: communities.name, coachId: communities.coachId, sessionMode: communities.sessionMode, meetingLink: communities.meetingLink })
    .from(communities)
    // Caseloads (individual coaching, #21) have no community sessions: the run leaves them out.
    .where(and(eq(communities.intakeId, intakeId), eq(communities.kind, 'group')))
    .orderBy(asc(communities.name));
  const members = rows.length
    ? await db
        .select({ communityId: communityMembers.communityId, personId: communityMembers.personId })
        .from(communityMembers)
        .where(and(inArray(communityMembers.communityId, rows.map((r) => r.id)), isNull(communityMembers.leftOn)))
    : [];
  return rows.map((r) => ({ ...r, memberIds: members.filter((m) => m.communityId === r.id).map((m) => m.personId) }));
}

/** Class enrolments of the given people within the intake. */
export async function classesOfPeople(db: Db, intakeId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ personId: classMembers.personId, classId: classMembers.classId })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .where(and(eq(classes.intakeId, intakeId), inArray(classMembers.personId, personIds)));
}

export async function timetablesOf(db: Db, periodId: string) {
  return db.select().from(timetables).where(eq(timetables.periodId, periodId));
}

export async function availabilityOf(db: Db, periodId: string): Promise<Map<string, AvailabilityWindow[]>> {
  const rows = await db.select().from(coachAvailability).where(eq(coachAvailability.periodId, periodId));
  return new Map(rows.map((r) => [r.personId, r.windows as AvailabilityWindow[]]));
}

export const blocksOf = (row: { blocks: unknown }): BusyBlock[] => row.blocks as BusyBlock[];

export async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: people.id, firstName: people.firstName, lastName: people.lastName }).from(people).where(inArray(people.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`.trim()]));
}

/** The format of an intake (communities, individual coaching, class-wide), from its settings. */
export async function intakeFormatOf(db: Db, intakeId: string) {
  const [row] = await db.select({ settings: intakes.settings, month: intakes.month }).from(intakes).where(eq(intakes.id, intakeId));
  return row ? readIntakeSettings(row.settings, row.month).settings.format : null;
}
