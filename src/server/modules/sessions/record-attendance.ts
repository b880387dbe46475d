import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../domain/access/policy';
import { attendanceWindow, type AttendanceStatus } from '../../../domain/sessions/attendance';
import type { RecordAttendanceRequest, RecordAttendanceResponse } from '../../../contracts/sessions';
import type { Locale } from '../../../i18n/translate';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { attendanceChanges, attendanceMarks } from '../../db/schema';
import { AppError, type ErrorCode } from '../../errors/app-error';
import type { LoadedSession } from './repository';

export type RecordAttendanceOptions = { services: Services; actor: Actor; session: LoadedSession; marks: RecordAttendanceRequest['marks']; locale: Locale };

/**
 * The coach marks a whole group at once; each mark succeeds or fails on its own (someone not in
 * the session is rejected for that mark only). Every change is kept in the history.
 */
export async function recordAttendance({ services, actor, session, marks, locale }: RecordAttendanceOptions): Promise<RecordAttendanceResponse> {
  const { row, resource } = session;
  if (row.status === 'cancelled') throw new AppError('session_cancelled');
  if (attendanceWindow(row.startsAt, services.now()) !== 'open') throw new AppError('attendance_closed');
  const failed = (personId: string, code: ErrorCode) => ({ personId, ok: false as const, error: { code, message: translate(locale, `errors.${code}`) } });
  // The last mark for a person wins when the same person appears twice.
  const wanted = new Map<string, AttendanceStatus>();
  const results: RecordAttendanceResponse['results'] = [];
  for (const mark of marks) {
    if (resource.participantIds.includes(mark.personId)) wanted.set(mark.personId, mark.status);
  }
  const ids = [...wanted.keys()];
  if (ids.length > 0) {
    await services.db.transaction(async (tx) => {
      const before = await tx
        .select({ personId: attendanceMarks.personId, status: attendanceMarks.status })
        .from(attendanceMarks)
        .where(and(eq(attendanceMarks.sessionId, row.id), inArray(attendanceMarks.personId, ids)));
      const previous = new Map(before.map((b) => [b.personId, b.status as AttendanceStatus]));
      const changed = ids.filter((id) => previous.get(id) !== wanted.get(id));
      if (changed.length === 0) return;
      const now = services.now();
      await tx
        .insert(attendanceMarks)
        .values(changed.map((personId) => ({ sessionId: row.id, personId, status: wanted.get(personId)!, markedBy: actor.personId, markedAt: now })))
        .onConflictDoUpdate({
          target: [attendanceMarks.sessionId, attendanceMarks.personId],
          set: { status: sql`excluded.status`, markedBy: sql`excluded.marked_by`, markedAt: sql`excluded.marked_at` },
        });
      await tx.insert(attendanceChanges).values(
        changed.map((personId) => ({ sessionId: row.id, personId, fromStatus: previous.get(personId) ?? null, toStatus: wanted.get(personId)!, changedBy: actor.personId, changedAt: now })),
      );
    });
  }
  for (const mark of marks) {
    results.push(resource.participantIds.includes(mark.personId) ? { personId: mark.personId, ok: true, status: wanted.get(mark.personId)! } : failed(mark.personId, 'not_a_participant'));
  }
  return { results };
}
