import { sql } from 'drizzle-orm';
import type { Actor } from '../../../domain/access/policy';
import { attendanceWindow, type AttendanceStatus } from '../../../domain/sessions/attendance';
import type { RecordAttendanceRequest, RecordAttendanceResponse } from '../../../contracts/sessions';
import type { Locale } from '../../../i18n/translate';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { preparedSql } from '../../db/prepared';
import { batcherFor } from '../../db/write-batcher';
import { attendanceChanges, attendanceMarks } from '../../db/schema';
import { AppError, type ErrorCode } from '../../errors/app-error';
import type { LoadedSession } from './repository';

export type RecordAttendanceOptions = { services: Services; actor: Actor; session: LoadedSession; marks: RecordAttendanceRequest['marks']; locale: Locale };

/**
 * One statement, so one round trip and atomic on its own: the marks that differ from what is
 * stored are written, and each of those changes goes into the history. It takes the marks of
 * several requests at once (see `attendanceWrites`), numbered in the order the requests arrived:
 * requests for the same session apply one after another, each change's "from" being the mark
 * before it. Rows are written in a fixed order so that concurrent statements lock them in the
 * same order. Prepared: after RSVPs, marking attendance is the busiest write there is.
 */
const markStatement = preparedSql(
  'sessions_mark_attendance_v3',
  sql`
    with wanted as (
      select w.seq, w.session_id, w.person_id, w.status, w.marked_by, w.marked_at
      from json_to_recordset(${sql.placeholder('wanted')}::json) as w(seq int, session_id uuid, person_id uuid, status text, marked_by uuid, marked_at timestamptz)
    ),
    sequenced as (
      select w.seq, w.session_id, w.person_id, w.status, w.marked_by, w.marked_at,
        case when row_number() over person = 1 then m.status else lag(w.status) over person end as from_status
      from wanted w
      left join ${attendanceMarks} m on m.session_id = w.session_id and m.person_id = w.person_id
      window person as (partition by w.session_id, w.person_id order by w.seq)
    ),
    changed as (
      select * from sequenced where from_status is distinct from status
    ),
    marked as (
      insert into ${attendanceMarks} (session_id, person_id, status, marked_by, marked_at)
      select distinct on (session_id, person_id) session_id, person_id, status, marked_by, marked_at
      from changed order by session_id, person_id, seq desc
      on conflict (session_id, person_id) do update set status = excluded.status, marked_by = excluded.marked_by, marked_at = excluded.marked_at
    )
    insert into ${attendanceChanges} (session_id, person_id, from_status, to_status, changed_by, changed_at)
    select session_id, person_id, from_status, status, marked_by, marked_at from changed order by session_id, person_id, seq`,
);

type AttendanceWrite = { sessionId: string; markedBy: string; at: string; wanted: ReadonlyMap<string, AttendanceStatus> };

/**
 * Attendance writes that arrive while the database is busy share one statement (group commit,
 * ADR 0007). Writes for the same session apply one after another, in the order they arrived.
 */
const attendanceWrites = batcherFor<AttendanceWrite>(
  async (db, writes) => {
    const rows = writes.flatMap((w, seq) => [...w.wanted].map(([personId, status]) => ({ seq, session_id: w.sessionId, person_id: personId, status, marked_by: w.markedBy, marked_at: w.at })));
    await markStatement(db).execute({ wanted: JSON.stringify(rows) });
  },
  { key: (w) => w.sessionId, sameKeyTogether: true, maxBatch: 64 },
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
  if (wanted.size > 0) await attendanceWrites(services.db).submit({ sessionId: row.id, markedBy: actor.personId, at: services.now().toISOString(), wanted });
  for (const mark of marks) {
    results.push(resource.participantIds.includes(mark.personId) ? { personId: mark.personId, ok: true, status: wanted.get(mark.personId)! } : failed(mark.personId, 'not_a_participant'));
  }
  return { results };
}
