import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CoachPhoto } from '../../components/CoachPhoto';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { communityApi } from './api';
import { formatDate, formatDateTime } from '../../format';

/** The coachee's view: my community, my coach and how to reach them, fellow members, the next session. */
export function MyCommunityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('programme.coachee.title'));
  const query = useQuery({ queryKey: ['communities', 'mine'], queryFn: communityApi.mine });
  if (!query.data) return <PageState query={query} />;
  const c = query.data.community;
  const date = (iso: string, time = false) => (time ? formatDateTime(iso, 'full') : formatDate(iso, 'long'));
  const languageNames = (codes: string[]) => codes.map((code) => t(`programme.apply.languageNames.${code}`)).join(', ');
  return (
    <div className="stack">
      <h1>{c ? `${t('programme.coachee.title')}: ${c.name}` : t('programme.coachee.title')}</h1>
      {!c && <p>{t('programme.coachee.none')}</p>}
      {c && (
        <>
          <section className="card" aria-labelledby="coach-title">
            <h2 id="coach-title">{t('programme.coachee.coach')}</h2>
            {!c.coach && <p>{t('programme.coachee.noCoach')}</p>}
            {c.coach && (
              <div className="stack-sm">
                <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
                  <CoachPhoto coachId={c.coach.id} version={c.coach.photoVersion} name={`${c.coach.firstName} ${c.coach.lastName}`} />
                  <p className="lead">
                    {c.coach.firstName} {c.coach.lastName}
                  </p>
                </div>
                {c.coach.intro && <p>{c.coach.intro}</p>}
                {c.coach.languages.length > 0 && <p>{t('programme.coachee.languages', { languages: languageNames(c.coach.languages) })}</p>}
                {c.coachSince && <p>{t('programme.coachee.since', { date: date(c.coachSince) })}</p>}
                {c.introProposedAt && <p>{t('programme.coachee.introProposed', { date: date(c.introProposedAt, true) })}</p>}
                <h3>{t('programme.coachee.reach')}</h3>
                <dl>
                  <dt>{t('programme.coachee.email')}</dt>
                  <dd>
                    <a href={`mailto:${c.coach.email}`}>{c.coach.email}</a>
                  </dd>
                  {c.coach.phone && (
                    <>
                      <dt>{t('programme.coachee.phone')}</dt>
                      <dd>
                        <a href={`tel:${c.coach.phone.replace(/[^+0-9]/g, '')}`}>{c.coach.phone}</a>
                      </dd>
                    </>
                  )}
                </dl>
              </div>
            )}
          </section>
          <p>
            <Link className="button-link" to={`/communities/${c.id}/board`}>
              {t('formats.announcements.open')}
            </Link>
          </p>
          {c.kind !== 'caseload' && (
            <section className="card" aria-labelledby="fellow-title">
              <h2 id="fellow-title">{t('programme.coachee.members')}</h2>
              <ul className="names">
                {c.members.map((m) => (
                  <li key={m.id}>{m.firstName}</li>
                ))}
              </ul>
            </section>
          )}
          <section className="card" aria-labelledby="next-title">
            <h2 id="next-title">{t('programme.coachee.nextSession')}</h2>
            {query.data.nextSession ? (
              <p>
                <Link to={`/sessions/${query.data.nextSession.id}`}>
                  {query.data.nextSession.title || t('programme.coachee.sessionDefault')}: {date(query.data.nextSession.startsAt, true)}
                </Link>
                {query.data.nextSession.location && <> · {query.data.nextSession.location}</>}
              </p>
            ) : (
              <p>{t('programme.coachee.noSessions')}</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
