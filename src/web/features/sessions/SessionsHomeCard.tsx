import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgrammeUpdatesResponse, SessionListResponse, SessionSummary } from '../../../contracts/sessions';
import { ATTENDANCE_EDIT_DAYS } from '../../../domain/sessions/attendance';
import { api } from '../../api';
import { formatWhen } from './format';
import { RsvpButtons } from './RsvpButtons';
import './sessions.css';
import { formatDate } from '../../format';

const HOUR = 3_600_000;
const label = (t: (k: string, o?: Record<string, string>) => string, s: SessionSummary) =>
  s.withName ? t('sessions.detail.oneOnOneWith', { name: s.withName }) : `${t(`sessions.types.${s.type}`)}${s.communityName ? ` · ${s.communityName}` : ''}`;

/**
 * The home cards of sessions: for a coachee the next session with one-tap RSVP; for a coach the
 * next session, attendance still to mark, logbooks due, and the programme's updates.
 */
export function SessionsHomeCard({ isCoachee, isCoach }: { isCoachee: boolean; isCoach: boolean }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: ['sessions'], queryFn: () => api<SessionListResponse>('/api/sessions'), enabled: isCoachee || isCoach });
  const updates = useQuery({ queryKey: ['programme-updates'], queryFn: () => api<ProgrammeUpdatesResponse>('/api/programme-updates'), enabled: isCoach });
  if (!isCoachee && !isCoach) return null;
  const now = Date.now();
  const sessions = (list.data?.sessions ?? []).filter((s) => s.status === 'planned');
  const nextOf = (relation: SessionSummary['relation']) => sessions.find((s) => s.relation === relation && new Date(s.endsAt).getTime() > now);
  const led = sessions.filter((s) => s.relation === 'organiser');
  const toMark = led.filter((s) => {
    const start = new Date(s.startsAt).getTime();
    return !s.attendanceMarked && start - HOUR <= now && start + ATTENDANCE_EDIT_DAYS * 24 * HOUR >= now && s.type !== 'oneOnOne';
  });
  const logbooksDue = led.filter((s) => s.logbookDue);
  const next = (s: SessionSummary | undefined) =>
    s ? (
      <p className="lead">
        <Link to={`/sessions/${s.id}`}>
          {formatWhen(s.startsAt, i18n.language)} · {label(t, s)}
        </Link>
        {s.location ? ` · ${s.location}` : ''}
      </p>
    ) : (
      <p>{t('sessions.home.noNext')}</p>
    );
  const nextAsCoachee = nextOf('participant');
  return (
    <>
      {isCoachee && list.data && (
        <section className="card" aria-labelledby="home-next-coachee-title">
          <h2 id="home-next-coachee-title">{t('sessions.home.next')}</h2>
          {next(nextAsCoachee)}
          {nextAsCoachee && <RsvpButtons session={nextAsCoachee} />}
        </section>
      )}
      {isCoach && list.data && (
        <section className="card" aria-labelledby="home-next-coach-title">
          <h2 id="home-next-coach-title">{isCoachee ? t('sessions.nav.sessions') : t('sessions.home.next')}</h2>
          {next(nextOf('organiser'))}
          {nextOf('organiser')?.counts && <p>{t('sessions.list.counts', nextOf('organiser')!.counts)}</p>}
          <h3>{t('sessions.home.toMark')}</h3>
          {toMark.length === 0 ? (
            <p>{t('sessions.home.allDone')}</p>
          ) : (
            <ul className="rows">
              {toMark.map((s) => (
                <li key={s.id}>
                  <Link to={`/sessions/${s.id}`}>
                    {formatWhen(s.startsAt, i18n.language)} · {label(t, s)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('sessions.home.logbooksDue')}</h3>
          {logbooksDue.length === 0 ? (
            <p>{t('sessions.home.allDone')}</p>
          ) : (
            <ul className="rows">
              {logbooksDue.map((s) => (
                <li key={s.id}>
                  <Link to={`/sessions/${s.id}#logbook`}>
                    {formatWhen(s.startsAt, i18n.language)} · {label(t, s)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {isCoach && updates.data && (
        <section className="card" aria-labelledby="home-updates-title">
          <h2 id="home-updates-title">{t('sessions.updates.title')}</h2>
          {updates.data.updates.length === 0 && <p>{t('sessions.updates.none')}</p>}
          <ul className="rows">
            {updates.data.updates.slice(0, 5).map((u) => (
              <li key={u.id}>
                <h3>{u.title}</h3>
                <p>{u.body}</p>
                <p className="muted-text">
                  {u.authorName} · {formatDate(u.createdAt, 'medium')}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
