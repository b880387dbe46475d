/** Who came: the marks (editable while the window is open) and every change to them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDetailResponse } from '../../../contracts/sessions';
import type { AttendanceStatus } from '../../../domain/sessions/attendance';
import { ATTENDANCE_STATUSES } from '../../../domain/sessions/attendance';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { formatWhen } from './format';

/** From this many people on, the attendance form shows one compact line per person. */
const COMPACT_FROM = 12;

const SHORT: Record<AttendanceStatus, string> = { present: 'present', late: 'late', absentWithNotice: 'absentWithNotice', absent: 'absent' };

/**
 * Before attendance is marked: who said they come. Once it is marked: who was there — the RSVP
 * counts no longer tell what happened.
 */
function AttendanceSummary({ session }: { session: SessionDetailResponse }) {
  const { t } = useTranslation();
  const marked = (session.participants ?? []).flatMap((p) => (p.attendance ? [p.attendance] : []));
  if (marked.length === 0) return session.counts ? <p>{t('sessions.list.counts', session.counts)}</p> : null;
  const count = (status: AttendanceStatus) => marked.filter((m) => m === status).length;
  const parts = ATTENDANCE_STATUSES.filter((status) => count(status) > 0).map((status) => t(`sessions.detail.marked.${status}`, { count: count(status) }));
  return <p>{t('sessions.detail.marked.summary', { parts: parts.join(', '), count: (session.participants ?? []).length })}</p>;
}

export function AttendanceCard({ session }: { session: SessionDetailResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const people = session.participants ?? [];
  const [marks, setMarks] = useState<Record<string, AttendanceStatus>>(() =>
    Object.fromEntries(people.map((p) => [p.id, p.attendance ?? (p.rsvp === 'notComing' ? 'absentWithNotice' : 'present')])),
  );
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api(`/api/sessions/${session.id}/attendance`, { method: 'POST', body: { marks: people.map((p) => ({ personId: p.id, status: marks[p.id] ?? 'present' })) } }),
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries({ queryKey: ['session', session.id] });
      void client.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  const editable = session.can.markAttendance && session.attendanceWindow === 'open' && session.status === 'planned';
  // Large groups (a class-wide session: up to a whole class) get one compact line per person.
  const compact = editable && people.length > COMPACT_FROM;
  return (
    <section className="card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('sessions.detail.attendance')}</h2>
      <AttendanceSummary session={session} />
      {editable && <p>{t('sessions.detail.attendanceHelp')}</p>}
      {session.can.markAttendance && session.attendanceWindow === 'notYet' && <p>{t('sessions.detail.attendanceNotYet')}</p>}
      {session.can.markAttendance && session.attendanceWindow === 'closed' && <p>{t('sessions.detail.attendanceClosed')}</p>}
      <ul className={compact ? 'attendance-list attendance-compact-list' : 'attendance-list'}>
        {people.map((p) =>
          compact ? (
            // A whole class (#21 item 3) on a phone: one line per student, a choice only for the exceptions.
            <li key={p.id} className="attendance-compact">
              <label htmlFor={`att-${p.id}`}>
                {p.firstName} {p.lastName}
                {p.rsvp === 'notComing' && <span className="muted-text"> ({t('sessions.detail.rsvpNotComing')}{p.reason ? `: ${p.reason}` : ''})</span>}
              </label>
              <select
                id={`att-${p.id}`}
                value={marks[p.id] ?? 'present'}
                onChange={(e) => {
                  const status = ATTENDANCE_STATUSES.find((s) => s === e.target.value) ?? 'present';
                  setSaved(false);
                  setMarks({ ...marks, [p.id]: status });
                }}
              >
                {ATTENDANCE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`sessions.status.${SHORT[status]}`)}
                  </option>
                ))}
              </select>
            </li>
          ) : (
          <li key={p.id}>
            <fieldset className="attendance-row">
              <legend>
                {p.firstName} {p.lastName}{' '}
                <span className="muted-text">
                  ({p.rsvp === 'coming' ? t('sessions.detail.rsvpComing') : p.rsvp === 'notComing' ? t('sessions.detail.rsvpNotComing') : t('sessions.detail.rsvpNone')}
                  {p.reason ? `: ${p.reason}` : ''}){p.checkin !== undefined && p.checkin !== null ? ` · ${t('sessions.detail.checkinOf', { score: p.checkin })}` : ''}
                </span>
              </legend>
              {editable ? (
                <div className="segmented">
                  {ATTENDANCE_STATUSES.map((status) => (
                    <label key={status} className={marks[p.id] === status ? 'selected' : undefined}>
                      <input
                        type="radio"
                        name={`att-${p.id}`}
                        value={status}
                        checked={marks[p.id] === status}
                        onChange={() => {
                          setSaved(false);
                          setMarks({ ...marks, [p.id]: status });
                        }}
                      />
                      {t(`sessions.status.${SHORT[status]}`)}
                    </label>
                  ))}
                </div>
              ) : (
                <p>{p.attendance ? t(`sessions.status.${p.attendance}`) : '—'}</p>
              )}
            </fieldset>
          </li>
          ),
        )}
      </ul>
      {save.error && <Alert kind="error">{save.error.message}</Alert>}
      {saved && <p role="status">{t('sessions.detail.attendanceSaved')}</p>}
      {editable && (
        <button type="button" onClick={() => save.mutate()}>
          {t('sessions.detail.saveAttendance')}
        </button>
      )}
      <AttendanceHistory session={session} />
    </section>
  );
}

/** Every change to the marks, who made it and when: loaded when opened. */
function AttendanceHistory({ session }: { session: SessionDetailResponse }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ['attendance-history', session.id],
    queryFn: () => api<{ changes: { personId: string; fromStatus: AttendanceStatus | null; toStatus: AttendanceStatus; changedBy: string | null; changedAt: string }[] }>(`/api/sessions/${session.id}/attendance/history`),
    enabled: open,
  });
  const nameOf = (id: string) => {
    const p = session.participants?.find((x) => x.id === id);
    return p ? `${p.firstName} ${p.lastName}` : t('sessions.detail.historyFormer');
  };
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('sessions.detail.history')}</summary>
      {(open || history.data || history.error) && (
        <PageState query={history} empty={{ when: (data) => data.changes.length === 0, text: t('sessions.detail.historyNone') }}>
          {(data) => (
            <ol className="attendance-history">
              {[...data.changes].reverse().map((c, i) => (
                <li key={`${c.personId}-${c.changedAt}-${i}`}>
                  <span className="attendance-history-what">
                    {nameOf(c.personId)}: {c.fromStatus ? `${t(`sessions.status.${c.fromStatus}`)} → ` : ''}
                    {t(`sessions.status.${c.toStatus}`)}
                  </span>{' '}
                  <span className="muted-text">{t('sessions.detail.historyBy', { name: c.changedBy ?? '—', when: formatWhen(c.changedAt, i18n.language) })}</span>
                </li>
              ))}
            </ol>
          )}
        </PageState>
      )}
    </details>
  );
}
