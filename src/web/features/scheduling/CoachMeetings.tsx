/** The run's monthly coach training and intervision: weekly slot, dates and who can come (and why not). */
import { useTranslation } from 'react-i18next';
import type { CoachMeeting, RunResponse } from '../../../contracts/scheduling';
import { dayName, formatDayMonth } from './format';

export function CoachMeetings({ run }: { run: RunResponse }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('scheduling.meetings.title')}</h2>
      <p className="help">{t('scheduling.meetings.help')}</p>
      {run.coachMeetings.length === 0 && <p>{t('scheduling.meetings.none')}</p>}
      {run.coachMeetings.map((m) => (
        <Meeting key={m.id} run={run} meeting={m} />
      ))}
    </section>
  );
}

function Meeting({ run, meeting: m }: { run: RunResponse; meeting: CoachMeeting }) {
  const { t } = useTranslation();
  const headingId = `meeting-${m.id.replace(/[^a-z0-9-]/gi, '-')}`;
  const title = m.kind === 'coachTraining' ? t('scheduling.meetings.coachTraining') : m.senior ? t('scheduling.meetings.intervisionGroup', { name: m.senior.name }) : t('scheduling.meetings.intervision');
  const count = (kind: CoachMeeting['coaches'][number]['kind'][]) => m.coaches.filter((c) => kind.includes(c.kind)).length;
  const place = m.slot ? (run.locations.find((l) => l.id === m.slot!.locationId)?.name ?? '—') : '';
  return (
    <article className="scheduling-meeting" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {!m.slot ? (
        <p>{t('scheduling.meetings.none')}</p>
      ) : (
        <>
          <p className="slot">
            <strong>{t('scheduling.meetings.slot', { day: dayName(m.slot.day), start: m.slot.start, end: m.slot.end, place })}</strong>
            {m.lateEvening && <span className="chip warn"> {t('scheduling.meetings.lateEvening')}</span>}
          </p>
          <p>{m.dates.length > 0 ? t('scheduling.meetings.dates', { dates: m.dates.map(formatDayMonth).join(', ') }) : t('scheduling.meetings.noDates')}</p>
          <p className="chips">
            <span className="chip">{t('scheduling.meetings.onCampus', { count: count(['adjacent', 'waiting']) })}</span>
            <span className={count(['trip']) > 0 ? 'chip warn' : 'chip'}>{t('scheduling.meetings.trip', { count: count(['trip']) })}</span>
            <span className={count(['cannot']) > 0 ? 'chip warn' : 'chip'}>{t('scheduling.meetings.cannot', { count: count(['cannot']) })}</span>
          </p>
          <details>
            <summary>{t('scheduling.meetings.who')}</summary>
            <ul>
              {m.coaches.map((c, i) => (
                <li key={i}>
                  {c.kind === 'cannot' && c.reason
                    ? t(`scheduling.meetings.reason.${c.reason}`, { name: c.name })
                    : c.kind === 'waiting'
                      ? t('scheduling.meetings.waiting', { name: c.name, count: c.waitingMinutes })
                      : c.kind === 'trip'
                        ? t(c.noTimetable ? 'scheduling.meetings.noTimetable' : 'scheduling.meetings.trip', { name: c.name })
                        : t('scheduling.meetings.adjacent', { name: c.name })}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </article>
  );
}
