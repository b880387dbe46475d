import { sql } from 'drizzle-orm';
import type { Actor } from '../../../domain/access/policy';
import { attendanceWindow, type AttendanceStatus } from '../../../domain/sessions/attendance';
import type { RecordAttendanceRequest, RecordAttendanceResponse } from '../../../contracts/sessions';
import type { Locale } from '../../../i18n/translate';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { preparedSql } from '../../db/prepared';
import { attendanceChanges, attendanceMarks } from '../../db/schema';
import { AppError, type ErrorCode } from '../../errors/app-error';
import type { LoadedSession } from './repository';

export type RecordAttendanceOptions = { services: Services; actor: Actor; session: LoadedSession; marks: RecordAttendanceRequest['marks']; locale: Locale };

/**
 * One statement, so one round trip and atomic on its own: the marks that differ from what is
 * stored are written, and each of those changes goes into the history. Prepared: after RSVPs,
 * marking attendance is the busiest write there is.
 */
const markStatement = preparedSql(
  'sessions_mark_attendance',
  sql`
    with wanted as (
      select w.person_id, w.status from json_to_recordset(${sql.placeholder('wanted')}::json) as w(person_id uuid, status text)
    ),
    changed as (
      select w.person_id, w.status, m.status as from_status
      from wanted w
      left join ${attendanceMarks} m on m.session_id = ${sql.placeholder('sessionId')}::uuid and m.person_id = w.person_id
      where m.status is distinct from w.status
    ),
    marked as (
      insert into ${attendanceMarks} (session_id, person_id, status, marked_by, marked_at)
      select ${sql.placeholder('sessionId')}::uuid, person_id, status, ${sql.placeholder('markedBy')}::uuid, ${sql.placeholder('at')}::timestamptz from changed
      on conflict (session_id, person_id) do update set status = excluded.status, marked_by = excluded.marked_by, marked_at = excluded.marked_at
    )
    insert into ${attendanceChanges} (session_id, person_id, from_status, to_status, changed_by, changed_at)
    select ${sql.placeholder('sessionId')}::uuid, person_id, from_status, status, ${sql.placeholder('markedBy')}::uuid, ${sql.placeholder('at')}::timestamptz from changed`,
);

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
    const wantedJson = JSON.stringify(ids.map((personId) => ({ person_id: personId, status: wanted.get(personId) })));
    await markStatement(services.db).execute({ sessionId: row.id, markedBy: actor.personId, at: services.now().toISOString(), wanted: wantedJson });
  }
  for (const mark of marks) {
    results.push(resource.participantIds.includes(mark.personId) ? { personId: mark.personId, ok: true, status: wanted.get(mark.personId)! } : failed(mark.personId, 'not_a_participant'));
  }
  return { results };
}
