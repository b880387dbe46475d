import { asc, eq } from 'drizzle-orm';
import type { AttendanceStatus } from '../../../domain/sessions/attendance';
import type { Services } from '../../context';
import { attendanceChanges, people } from '../../db/schema';

/** Who changed which mark when (coach, senior coach and coordinator). */
export async function listAttendanceHistory({ services, sessionId }: { services: Services; sessionId: string }) {
  const rows = await services.db
    .select({ c: attendanceChanges, by: people.firstName })
    .from(attendanceChanges)
    .leftJoin(people, eq(people.id, attendanceChanges.changedBy))
    .where(eq(attendanceChanges.sessionId, sessionId))
    .orderBy(asc(attendanceChanges.changedAt));
  return {
    changes: rows.map(({ c, by }) => ({
      personId: c.personId,
      fromStatus: (c.fromStatus as AttendanceStatus | null) ?? null,
      toStatus: c.toStatus as AttendanceStatus,
      changedBy: by,
      changedAt: c.changedAt.toISOString(),
    })),
  };
}
