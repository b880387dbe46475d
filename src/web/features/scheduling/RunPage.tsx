import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublishRunResponse, RunCommunity, RunResponse } from '../../../contracts/scheduling';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { errorsOf, TableWrap } from '../../components/form-fields';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { schedulingApi } from './api';
import { CoachMeetings } from './CoachMeetings';
import { DayView } from './DayView';
import { formatDate, formatDateTime } from './format';
import { OverridePanel } from './OverridePanel';
import { blockerText, slotText } from './texts';
import './scheduling.css';

/** A scheduling run: progress, then the proposal per community with day views, overrides, explanations and publishing. */
export function RunPage() {
  const { t } = useTranslation();
  const { runId = '' } = useParams();
  const query = useQuery({
    queryKey: ['scheduling', 'run', runId],
    queryFn: () => schedulingApi.run(runId),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
  const run = query.data;
  useDocumentTitle(run ? t('scheduling.run.title', { period: run.period.name }) : t('scheduling.loading'));
  if (!query.data) return <PageState query={query} loading={t('scheduling.loading')} />;
  if (!run) return null;
  return (
    <div className="stack scheduling">
      <p>
        <Link to={`/programme/intakes/${run.intakeId}/scheduling`}>{t('scheduling.backToScheduling')}</Link>
      </p>
      <h1>{t('scheduling.run.title', { period: run.period.name })}</h1>
      <p className="lead">
        {t('scheduling.run.intro', { first: formatDate(run.period.firstDate), last: formatDate(run.period.lastDate), when: formatDateTime(run.createdAt), minutes: run.params.sessionMinutes })}
      </p>
      {run.status === 'running' && <Progress run={run} />}
      {run.status === 'cancelled' && <Alert kind="info">{t('scheduling.run.cancelled')}</Alert>}
      {run.status === 'failed' && <Alert kind="error">{failure(run, t)}</Alert>}
      {run.status === 'done' && <Proposal run={run} />}
    </div>
  );
}

function failure(run: RunResponse, t: (key: string, params?: Record<string, unknown>) => string) {
  const e = run.error;
  if (!e) return t('scheduling.run.failed.internal');
  if (e.code === 'INSUFFICIENT_CAPACITY') return e.name ? t('scheduling.run.failed.coachCapacity', { name: e.name, needed: e.needed, available: e.available }) : t('scheduling.run.failed.rooms', { needed: e.needed, available: e.available });
  if (e.code === 'NO_FEASIBLE_PLAN_FOUND') return t('scheduling.run.failed.noPlan');
  if (e.code === 'interrupted') return t('scheduling.run.failed.interrupted');
  return t('scheduling.run.failed.internal');
}

function Progress({ run }: { run: RunResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const cancel = useMutation({ mutationFn: () => schedulingApi.cancelRun(run.id), onSuccess: () => client.invalidateQueries({ queryKey: ['scheduling', 'run', run.id] }) });
  const p = run.progress;
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('scheduling.run.running')}</h2>
      <progress max={1} value={p?.fraction ?? 0} aria-label={t('scheduling.run.progressLabel')} />
      <p role="status">
        {t(`scheduling.run.phase.${p?.phase ?? 'construct'}`)} · {t('scheduling.run.seconds', { elapsed: Math.round((p?.elapsedMs ?? 0) / 1000), limit: run.params.seconds })}
      </p>
      <button type="button" className="secondary" onClick={() => cancel.mutate()} disabled={cancel.isPending || cancel.isSuccess}>
        {cancel.isSuccess ? t('scheduling.run.cancelling') : t('scheduling.run.cancel')}
      </button>
    </section>
  );
}

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

function Proposal({ run }: { run: RunResponse }) {
  const { t } = useTranslation();
  // Kept here: publishing refetches the run, and the confirmation must outlive that.
  const [published, setPublished] = useState<PublishRunResponse | null>(null);
  const q = run.quality!;
  const names = new Map(run.communities.map((c) => [c.id, c.name]));
  return (
    <>
      <section className="card" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('scheduling.run.summary')}</h2>
        {run.publishedAt && <Alert kind="success">{t('scheduling.run.publishedAt', { when: formatDateTime(run.publishedAt) })}</Alert>}
        {!run.latest && !run.publishedAt && <Alert kind="info">{t('scheduling.run.notLatest')}</Alert>}
        <dl className="figures">
          <div>
            <dt>{t('scheduling.run.adjacent')}</dt>
            <dd>{t('scheduling.run.adjacentValue', { share: pct(q.adjacentShare), bound: pct(q.adjacentShareUpperBound) })}</dd>
          </div>
          <div>
            <dt>{t('scheduling.run.waiting')}</dt>
            <dd>{t('scheduling.run.minutes', { count: q.waitingMinutes })}</dd>
          </div>
          <div>
            <dt>{t('scheduling.run.extraTrips')}</dt>
            <dd>{q.extraTrips}</dd>
          </div>
          <div>
            <dt>{t('scheduling.run.inClass')}</dt>
            <dd>{q.conflicts}</dd>
          </div>
          <div>
            <dt>{t('scheduling.run.cost')}</dt>
            <dd>{t('scheduling.run.costValue', { cost: q.objective, bound: q.lowerBound })}</dd>
          </div>
        </dl>
        <p className="help">{t('scheduling.run.costHelp')}</p>
      </section>
      {run.changes.length > 0 && <Changes run={run} />}
      <Explanations run={run} />
      <section aria-labelledby="communities-title" className="stack">
        <h2 id="communities-title">{t('scheduling.run.communities', { count: run.communities.length })}</h2>
        {run.communities.map((c) => (
          <CommunityCard key={c.id} run={run} community={c} names={names} />
        ))}
      </section>
      <CoachMeetings run={run} />
      {((!run.publishedAt && run.latest) || published) && <Publish run={run} result={published} onPublished={setPublished} />}
    </>
  );
}

function Changes({ run }: { run: RunResponse }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="changes-title">
      <h2 id="changes-title">{t('scheduling.changes.title', { count: run.changes.length })}</h2>
      <p className="help">{t('scheduling.changes.help')}</p>
      <TableWrap label={t('scheduling.changes.table')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('scheduling.changes.community')}</th>
              <th scope="col">{t('scheduling.changes.from')}</th>
              <th scope="col">{t('scheduling.changes.to')}</th>
              <th scope="col">{t('scheduling.changes.sessions')}</th>
              <th scope="col">{t('scheduling.changes.affected')}</th>
            </tr>
          </thead>
          <tbody>
            {run.changes.map((c) => (
              <tr key={c.communityId}>
                <th scope="row">{c.communityName}</th>
                <td>{slotText(c.from, run, c.from.location)}</td>
                <td>{slotText(c.to, run)}</td>
                <td>{c.futureSessions}</td>
                <td>
                  <details>
                    <summary>{t('scheduling.changes.people', { count: c.affected.length })}</summary>
                    {c.affected.join(', ')}
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function Explanations({ run }: { run: RunResponse }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="explain-title">
      <h2 id="explain-title">{t('scheduling.explain.title')}</h2>
      {run.extraTrips.length === 0 && run.excluded.length === 0 && <p>{t('scheduling.explain.none')}</p>}
      {run.online.length > 0 && (
        <ul className="rows">
          {run.online.map((o) => (
            <li key={o.communityId}>{t('progcontent.online.community', { name: o.communityName })}</li>
          ))}
        </ul>
      )}
      {run.extraTrips.length > 0 && (
        <ul className="rows">
          {run.extraTrips.map((e) => (
            <li key={e.communityId}>
              <h3>{t('scheduling.explain.community', { name: e.communityName, count: e.extraTrips })}</h3>
              <p>{t(`scheduling.explain.cause.${e.cause}`, { min: e.minimumExtraTrips })}</p>
              <ul>
                {e.members.map((m, i) => (
                  <li key={i}>
                    {m.reason === 'NO_CLASS_THAT_DAY'
                      ? t('scheduling.explain.noClass', { name: m.name })
                      : t('scheduling.explain.elsewhere', { name: m.name, places: m.classLocations.map((l) => (l === 'off-campus' ? t('scheduling.offCampus') : l)).join(', ') })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {run.excluded.length > 0 && (
        <>
          <h3>{t('scheduling.explain.excluded')}</h3>
          <ul>
            {run.excluded.map((e) => (
              <li key={e.communityId}>{t(`scheduling.explain.reason.${e.reason}`, { name: e.communityName })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CommunityCard({ run, community: c, names }: { run: RunResponse; community: RunCommunity; names: Map<string, string> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const headingId = `community-${c.id}`;
  return (
    <article className="card community-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{c.name}</h3>
      <p className="slot">
        <strong>{slotText(c.slot, run)}</strong> · {t('scheduling.run.coach', { name: c.coach.name })}
        {c.overridden && <span className="tag"> {t('scheduling.run.overridden', { proposed: slotText(c.proposed, run) })}</span>}
      </p>
      {c.current && (c.current.day !== c.slot.day || c.current.start !== c.slot.start) && <p className="help">{t('scheduling.run.currently', { slot: slotText(c.current, run, c.current.location) })}</p>}
      <p className="chips">
        <span className="chip">{t('scheduling.cost.adjacent', { count: c.cost.adjacent, total: c.members.length })}</span>
        <span className="chip">{t('scheduling.cost.waiting', { count: c.cost.waitingMinutes })}</span>
        <span className={c.cost.extraTrips > 0 ? 'chip warn' : 'chip'}>{t('scheduling.cost.extraTrips', { count: c.cost.extraTrips })}</span>
        {c.cost.inClass > 0 && <span className="chip warn">{t('scheduling.cost.inClass', { count: c.cost.inClass })}</span>}
      </p>
      {c.blockers.length > 0 && <Alert kind="error">{c.blockers.map((b) => blockerText(b, names, t)).join(' ')}</Alert>}
      {c.withoutTimetable.length > 0 && <p className="help">{t('scheduling.run.withoutTimetable', { count: c.withoutTimetable.length, names: c.withoutTimetable.join(', ') })}</p>}
      <DayView community={c} run={run} />
      {!run.publishedAt && (
        <div className="actions">
          <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)} aria-label={t('scheduling.override.openFor', { name: c.name })}>
            {open ? t('scheduling.override.close') : t('scheduling.override.open')}
          </button>
        </div>
      )}
      {open && <OverridePanel run={run} community={c} names={names} onDone={() => setOpen(false)} />}
    </article>
  );
}

function Publish({ run, result, onPublished }: { run: RunResponse; result: PublishRunResponse | null; onPublished: (r: PublishRunResponse) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const publish = useMutation({
    mutationFn: () => schedulingApi.publish(run.id),
    onSuccess: async (r) => {
      onPublished(r);
      await client.invalidateQueries({ queryKey: ['scheduling'] });
    },
  });
  const { form } = errorsOf(publish.error);
  const blocked = run.communities.some((c) => c.blockers.length > 0);
  return (
    <section className="card" aria-labelledby="publish-title">
      <h2 id="publish-title">{t('scheduling.publish.title')}</h2>
      <p>{t('scheduling.publish.help', { first: formatDate(run.period.firstDate), last: formatDate(run.period.lastDate) })}</p>
      {run.changes.length > 0 && <p>{t('scheduling.publish.moves', { count: run.changes.length })}</p>}
      {run.coachMeetings.some((m) => m.dates.length > 0) && <p>{t('scheduling.meetings.publish')}</p>}
      {form && <Alert kind="error">{form}</Alert>}
      {result && (
        <Alert kind="success">
          {t('scheduling.publish.done', result)} {t('scheduling.meetings.done', result.coachMeetings)}
        </Alert>
      )}
      {!result && (
        <div className="actions">
          {!confirming ? (
            <button type="button" className="primary" disabled={blocked} onClick={() => setConfirming(true)}>
              {t('scheduling.publish.button')}
            </button>
          ) : (
            <>
              <button type="button" className="primary" disabled={publish.isPending} onClick={() => publish.mutate()}>
                {t('scheduling.publish.confirm', { count: run.communities.length })}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t('scheduling.publish.back')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
