import { useQuery } from '@tanstack/react-query';
import './year.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format';
import { useSession } from '../../session';
import { yearApi } from './api';

/** On a coachee's home: the open 100-day question (or the choice made), with a way to answer. */
export function HundredDayHomeCard() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['year', 'hundred-day', 'mine'], queryFn: yearApi.mine });
  const question = query.data?.question;
  if (!question || (question.closed && !question.answer)) return null;
  return (
    <section className="card" aria-labelledby="hundred-day-card">
      <h2 id="hundred-day-card">{t('year.card.title')}</h2>
      {question.answer ? (
        <p>{t('year.card.done', { choice: t(`year.choices.${question.answer.choice}`) })}</p>
      ) : (
        <>
          <p>{t('year.card.text', { date: formatDate(question.deadline, 'long') })}</p>
          <Link className="button-link" to="/100-dagen">
            {t('year.card.action')}
          </Link>
        </>
      )}
    </section>
  );
}

/** On a coach's home: the 100-day outcome of each community they coach, once the question went out. */
export function HundredDayCoachCard({ communityIds }: { communityIds: readonly { id: string; name: string }[] }) {
  return (
    <>
      {communityIds.map((c) => (
        <CoachCommunityOutcome key={c.id} id={c.id} name={c.name} />
      ))}
    </>
  );
}

function CoachCommunityOutcome({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['year', 'community', id], queryFn: () => yearApi.community(id), retry: false });
  const data = query.data;
  if (!data || data.counts.asked === 0) return null;
  return (
    <section className="card" aria-labelledby={`hundred-day-${id}`}>
      <h2 id={`hundred-day-${id}`}>
        {t('year.outcome.communityTitle')} · {name}
      </h2>
      <Counts counts={data.counts} />
      <Link to={`/communities/${id}/hundred-day`}>{t('year.outcome.answersTitle')}</Link>
    </section>
  );
}

/** On a coordinator's home: students who switched to their programme and would like a welcome. */
export function SwitchNoticesHomeCard() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const programmeIds = [...new Set((session?.person?.roles ?? []).flatMap((r) => (r.role === 'coordinator' && r.programmeId ? [r.programmeId] : [])))];
  return (
    <>
      {programmeIds.map((p) => (
        <SwitchNoticesFor key={p} programmeId={p} title={t('year.switch.welcomeTitle')} />
      ))}
    </>
  );
}

function SwitchNoticesFor({ programmeId, title }: { programmeId: string; title: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['year', 'switch-notices', programmeId], queryFn: () => yearApi.switchNotices(programmeId), retry: false });
  const open = (query.data?.notices ?? []).filter((n) => n.welcomedAt === null);
  if (open.length === 0) return null;
  return (
    <section className="card" aria-labelledby={`switch-${programmeId}`}>
      <h2 id={`switch-${programmeId}`}>{title}</h2>
      <ul>
        {open.map((n) => (
          <li key={n.id}>
            {n.person.firstName} {n.person.lastName} — {t('year.switch.from', { programme: n.fromProgramme })}
          </li>
        ))}
      </ul>
      <Link to={`/programmes/${programmeId}/welcome`}>{t('year.switch.welcomeTitle')}</Link>
    </section>
  );
}

/** Counts per choice, as a definition list. */
export function Counts({ counts }: { counts: { asked: number; unanswered: number; continue: number; oneOnOnesOnly: number; lessOften: number; stop: number } }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('year.outcome.asked', { count: counts.asked })}</p>
      <dl className="year-counts">
        {(['continue', 'oneOnOnesOnly', 'lessOften', 'stop'] as const).map((c) => (
          <div key={c}>
            <dt>{t(`year.choices.${c}`)}</dt>
            <dd>{counts[c]}</dd>
          </div>
        ))}
        <div>
          <dt>{t('year.outcome.unanswered')}</dt>
          <dd>{counts.unanswered}</dd>
        </div>
      </dl>
    </>
  );
}
