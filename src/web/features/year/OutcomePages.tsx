import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format';
import { yearApi } from './api';
import { Counts } from './YearHomeCards';

/** The coach's view of their community's 100-day moment: who chose what; a reason only if shared. */
export function CommunityHundredDayPage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  useDocumentTitle(t('year.outcome.communityTitle'));
  const query = useQuery({ queryKey: ['year', 'community', communityId], queryFn: () => yearApi.community(communityId) });
  return (
    <div className="stack">
      <h1>{t('year.outcome.communityTitle')}</h1>
      <PageState query={query} empty={{ when: (d) => d.counts.asked === 0, text: t('year.outcome.notAsked') }}>
        {(d) => (
          <>
            <section className="card" aria-labelledby="hundred-day-counts">
              <h2 id="hundred-day-counts">{t('year.outcome.outcome')}</h2>
              {d.deadline && <p className="help">{t('year.outcome.deadline', { date: formatDate(d.deadline, 'long') })}</p>}
              <Counts counts={d.counts} />
            </section>
            <section className="card" aria-labelledby="hundred-day-answers">
              <h2 id="hundred-day-answers">{t('year.outcome.answersTitle')}</h2>
              <ul className="rows">
                {d.members.map((m) => (
                  <li key={m.id}>
                    <strong>
                      {m.firstName} {m.lastName}
                    </strong>{' '}
                    · {m.choice ? t(`year.choices.${m.choice}`) : t('year.outcome.unanswered')}
                    {m.sharedReason && (
                      <p>
                        {t('year.outcome.sharedReason')}: {m.sharedReason}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </PageState>
    </div>
  );
}

/** The coordinator's view of an intake's 100-day moment: totals, per community, each answer with its reason. */
export function IntakeHundredDayPage() {
  const { t } = useTranslation();
  const { intakeId = '' } = useParams();
  useDocumentTitle(t('year.outcome.intakeTitle'));
  const query = useQuery({ queryKey: ['year', 'intake', intakeId], queryFn: () => yearApi.intake(intakeId) });
  return (
    <div className="stack">
      <h1>{t('year.outcome.intakeTitle')}</h1>
      <PageState query={query}>
        {(d) => (
          <>
            <section className="card" aria-labelledby="hundred-day-totals">
              <h2 id="hundred-day-totals">{d.phaseName ?? t('year.outcome.intakeTitle')}</h2>
              {d.askAt && d.deadline && <p className="help">{t('year.outcome.askAt', { date: formatDate(d.askAt, 'long'), deadline: formatDate(d.deadline, 'long') })}</p>}
              {d.counts.asked === 0 ? <p>{t('year.outcome.notAsked')}</p> : <Counts counts={d.counts} />}
            </section>
            {d.counts.asked > 0 && d.deadline && (
              <section className="card" aria-labelledby="hundred-day-regroup">
                <h2 id="hundred-day-regroup">{t('regroup.action')}</h2>
                {/* The server decides with its own clock; the page only hides the way in before the deadline. */}
                {new Date(d.deadline).getTime() < Date.now() ? (
                  <>
                    <p>{t('regroup.actionHelp')}</p>
                    <Link className="button-link" to={`/programme/intakes/${intakeId}/regrouping`}>
                      {t('regroup.action')}
                    </Link>
                  </>
                ) : (
                  <p>{t('regroup.notYet', { date: formatDate(d.deadline, 'long') })}</p>
                )}
              </section>
            )}
            {d.communities.length > 0 && (
              <section className="card" aria-labelledby="hundred-day-communities">
                <h2 id="hundred-day-communities">{t('year.outcome.perCommunity')}</h2>
                <ul className="rows">
                  {d.communities.map((c) => (
                    <li key={c.id}>
                      <strong>{c.name}</strong> · {t('year.outcome.asked', { count: c.counts.asked })} ·{' '}
                      {(['continue', 'oneOnOnesOnly', 'lessOften', 'stop'] as const).map((k) => `${t(`year.choices.${k}`)}: ${c.counts[k]}`).join(' · ')}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {d.answers.length > 0 && (
              <section className="card" aria-labelledby="hundred-day-all">
                <h2 id="hundred-day-all">{t('year.outcome.answersTitle')}</h2>
                <p className="help">{t('year.outcome.reasonsPrivate')}</p>
                <ul className="rows">
                  {d.answers.map((a) => (
                    <li key={a.person.id}>
                      <strong>
                        {a.person.firstName} {a.person.lastName}
                      </strong>
                      {a.communityName ? ` · ${a.communityName}` : ''} · {a.choice ? t(`year.choices.${a.choice}`) : t('year.outcome.unanswered')}
                      {a.reason && (
                        <p>
                          {t('year.outcome.reason')}: {a.reason}
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </PageState>
    </div>
  );
}

/** The receiving coordinator's page: students who switched in and would like a welcome. */
export function WelcomePage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  useDocumentTitle(t('year.switch.welcomeTitle'));
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['year', 'switch-notices', programmeId], queryFn: () => yearApi.switchNotices(programmeId) });
  const mark = useMutation({ mutationFn: (noticeId: string) => yearApi.markWelcomed(programmeId, noticeId), onSettled: () => client.invalidateQueries({ queryKey: ['year', 'switch-notices', programmeId] }) });
  return (
    <div className="stack">
      <h1>{t('year.switch.welcomeTitle')}</h1>
      <p>{t('year.switch.welcomeIntro')}</p>
      {mark.error && <Alert kind="error">{mark.error.message}</Alert>}
      <PageState query={query} empty={{ when: (d) => d.notices.length === 0, text: t('year.switch.none') }}>
        {(d) => (
          <ul className="rows">
            {d.notices.map((n) => (
              <li key={n.id}>
                <strong>
                  {n.person.firstName} {n.person.lastName}
                </strong>{' '}
                · <a href={`mailto:${n.person.email}`}>{n.person.email}</a>
                <p>
                  {t('year.switch.from', { programme: n.fromProgramme })} · {t('year.switch.since', { date: formatDate(n.createdAt, 'long') })}
                </p>
                {n.welcomedAt ? (
                  <p>{t('year.switch.welcomed', { date: formatDate(n.welcomedAt, 'long') })}</p>
                ) : (
                  <button type="button" className="secondary" disabled={mark.isPending} onClick={() => mark.mutate(n.id)}>
                    {t('year.switch.markWelcomed')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </PageState>
    </div>
  );
}
