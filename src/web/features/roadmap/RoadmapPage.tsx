import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RoadmapFactor, RoadmapIntervention } from '../../../contracts/content/roadmap';
import type { PlanItem, PlanItemStatus, RoadmapResponse } from '../../../contracts/roadmap';
import { PLAN_ITEM_STATUSES } from '../../../domain/roadmap/roadmap';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorsOf, SelectField, TableHead, TableWrap } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, todayInAmsterdam } from '../../format';
import { ownerInput, roadmapApi } from './api';
import { Evidence, factorSummary, Interventions, OwnerFields, useLang } from './factor-parts';
import './roadmap.css';

/** One roadmap: principles, the factors per cluster at a glance (each opens on its own page), stakeholders, the plan and progress. */
export function RoadmapPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { roadmapId = '' } = useParams();
  const query = useQuery({ queryKey: ['roadmap', roadmapId], queryFn: () => roadmapApi.get(roadmapId), retry: false });
  const title = query.data ? `${t('roadmap.title')} · ${query.data.programmeName ? query.data.programmeName[lang] : t('roadmap.institution')}` : t('roadmap.title');
  useDocumentTitle(title);
  if (!query.data) return <PageState query={query} />;
  const r = query.data;
  return (
    <div className="stack roadmap-page">
      <h1>
        {t('roadmap.title')}
        <span className="roadmap-subtitle">
          {r.programmeName ? r.programmeName[lang] : t('roadmap.institution')} · {t('roadmap.yearLabel', { from: r.year, to: r.year + 1 })}
        </span>
      </h1>
      <section className="roadmap-noprint stack" aria-labelledby="roadmap-principles">
        <h2 id="roadmap-principles">{t('roadmap.principles')}</h2>
        {r.content.principles.map((p) => (
          <details key={p.id} className="card roadmap-principle">
            <summary>
              {p.number}. {p.title[lang]}
            </summary>
            <Evidence figures={r.principleEvidence.find((e) => e.principleId === p.id)?.evidence ?? []} />
            <Interventions content={r.content} interventions={p.interventions} />
          </details>
        ))}
      </section>
      <section className="roadmap-noprint stack" aria-labelledby="roadmap-factors">
        <h2 id="roadmap-factors">{t('roadmap.factors')}</h2>
        <p className="help">{t('roadmap.overview.intro')}</p>
        {r.content.clusters
          .filter((c) => r.content.factors.some((f) => f.cluster === c.id))
          .map((c) => (
            <FactorList key={c.id} roadmap={r} title={c.title[lang]} factors={r.content.factors.filter((f) => f.cluster === c.id)} />
          ))}
      </section>
      {r.canManage && <Stakeholders roadmap={r} />}
      {r.canManage && <Plan roadmap={r} />}
      {r.canManage && <Progress roadmapId={r.id} />}
    </div>
  );
}

/** One cluster's factors as a compact list: each links to its own page and says how it stands. */
function FactorList({ roadmap, title, factors }: { roadmap: RoadmapResponse; title: string; factors: RoadmapFactor[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  return (
    <section className="card roadmap-cluster" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <ul className="roadmap-factor-list">
        {factors.map((f) => {
          const { state, plan, mine } = factorSummary(roadmap, f);
          return (
            <li key={f.id}>
              <Link to={`/roadmaps/${roadmap.id}/factors/${f.id}`} className="roadmap-factor-link">
                {f.number}. {f.title[lang]}
              </Link>
              <p className="roadmap-factor-facts">
                {state.agreed ? <span className={`roadmap-status roadmap-status-${state.agreed.status}`}>{t(`roadmap.status.${state.agreed.status}`)}</span> : <span className="help">{t('roadmap.overview.noAgreed')}</span>}
                <span>{t('roadmap.overview.views', { count: state.views.length })}</span>
                {roadmap.canManage && state.views.length > 1 && (state.differ ? <span className="roadmap-differ-flag">{t('roadmap.overview.differ')}</span> : <span className="help">{t('roadmap.overview.same')}</span>)}
                {!roadmap.canManage && <span>{mine ? t('roadmap.overview.mine', { status: t(`roadmap.status.${mine.status}`) }) : t('roadmap.overview.notMine')}</span>}
                {roadmap.canManage && <span>{t('roadmap.overview.plan', { count: plan.length })}</span>}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Stakeholders({ roadmap }: { roadmap: RoadmapResponse }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [stakeholderId, setStakeholderId] = useState('student');
  const [factorIds, setFactorIds] = useState<string[]>([]);
  const invite = useMutation({
    mutationFn: () => roadmapApi.invite(roadmap.id, { email, stakeholderId, factorIds }),
    onSuccess: async () => {
      setEmail('');
      setFactorIds([]);
      await client.invalidateQueries({ queryKey: ['roadmap', roadmap.id] });
    },
  });
  const remove = useMutation({ mutationFn: (personId: string) => roadmapApi.uninvite(roadmap.id, personId), onSuccess: () => client.invalidateQueries({ queryKey: ['roadmap', roadmap.id] }) });
  const errors = errorsOf(invite.error);
  const names = new Map(roadmap.content.stakeholders.map((s) => [s.id, s.name[lang]]));
  return (
    <section className="card roadmap-noprint" aria-labelledby="roadmap-stakeholders">
      <h2 id="roadmap-stakeholders">{t('roadmap.stakeholders.title')}</h2>
      <p>{t('roadmap.stakeholders.intro')}</p>
      {roadmap.stakeholders.length === 0 ? (
        <p>{t('roadmap.stakeholders.none')}</p>
      ) : (
        <ul className="rows">
          {roadmap.stakeholders.map((s) => (
            <li key={s.personId}>
              {s.name} ({names.get(s.stakeholderId) ?? s.stakeholderId}) · {s.factorIds.map((f) => roadmap.content.factors.find((x) => x.id === f)?.number ?? f).join(', ')}{' '}
              <button type="button" className="secondary" onClick={() => remove.mutate(s.personId)} aria-label={t('roadmap.stakeholders.remove', { name: s.name })}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        {errors.form && <Alert kind="error">{errors.form}</Alert>}
        <Field label={t('roadmap.stakeholders.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} required autoComplete="off" />
        <SelectField label={t('roadmap.stakeholders.as')} value={stakeholderId} onChange={(e) => setStakeholderId(e.target.value)} error={errors.fields.stakeholderId}>
          {roadmap.content.stakeholders.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name[lang]}
            </option>
          ))}
        </SelectField>
        <fieldset className="roadmap-factor-picks">
          <legend>{t('roadmap.stakeholders.factors')}</legend>
          {roadmap.content.factors.map((f) => (
            <label key={f.id} className="roadmap-pick">
              <input type="checkbox" checked={factorIds.includes(f.id)} onChange={(e) => setFactorIds(e.target.checked ? [...factorIds, f.id] : factorIds.filter((x) => x !== f.id))} />
              {f.number}. {f.title[lang]}
            </label>
          ))}
          {errors.fields.factorIds && <p className="field-error">{errors.fields.factorIds}</p>}
        </fieldset>
        <button type="submit" disabled={invite.isPending}>
          {t('roadmap.stakeholders.invite')}
        </button>
        {invite.isSuccess && <p role="status">{t('roadmap.stakeholders.invited')}</p>}
      </form>
    </section>
  );
}

function Plan({ roadmap }: { roadmap: RoadmapResponse }) {
  const { t } = useTranslation();
  const lang = useLang();
  const all = [...roadmap.content.principles, ...roadmap.content.factors].flatMap((x) => x.interventions.map((i) => ({ ...i, group: `${x.number}. ${x.title[lang]}`, principle: !('cluster' in x) })));
  const title = (id: string) => all.find((i) => i.id === id)?.title[lang] ?? id;
  const stakeholderName = new Map(roadmap.content.stakeholders.map((s) => [s.id, s.name[lang]]));
  const print = () => {
    document.body.classList.add('roadmap-print-plan');
    window.print();
    document.body.classList.remove('roadmap-print-plan');
  };
  return (
    <section className="card roadmap-plan" aria-labelledby="roadmap-plan">
      <h2 id="roadmap-plan">{t('roadmap.plan.title')}</h2>
      <p className="roadmap-print-only">
        {roadmap.programmeName ? roadmap.programmeName[lang] : t('roadmap.institution')} · {t('roadmap.yearLabel', { from: roadmap.year, to: roadmap.year + 1 })}
      </p>
      {roadmap.plan.length === 0 ? (
        <p>{t('roadmap.plan.empty')}</p>
      ) : (
        <TableWrap label={t('roadmap.plan.table')}>
          <table>
            <TableHead columns={[{ label: t('roadmap.plan.intervention') }, { label: t('roadmap.plan.owner') }, { label: t('roadmap.plan.horizon') }, { label: t('roadmap.plan.dueDate') }, { label: t('roadmap.plan.status') }]} />
            <tbody>
              {roadmap.plan.map((p) => (
                <PlanRow key={p.id} roadmapId={roadmap.id} item={p} title={title(p.interventionId)} ownerName={p.owner ? (p.owner.kind === 'person' ? p.owner.name : (stakeholderName.get(p.owner.stakeholderId) ?? '')) : ''} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <div className="roadmap-actions roadmap-noprint">
        <button type="button" onClick={print}>
          {t('roadmap.plan.print')}
        </button>
        <a className="button secondary" href={`/api/roadmaps/${roadmap.id}/plan.pdf`} target="_blank" rel="noreferrer">
          {t('roadmap.plan.pdf')}
        </a>
      </div>
      <AddItem roadmap={roadmap} interventions={all} />
    </section>
  );
}

function PlanRow({ roadmapId, item, title, ownerName }: { roadmapId: string; item: PlanItem; title: string; ownerName: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const update = useMutation({
    mutationFn: (status: PlanItemStatus) =>
      roadmapApi.updateItem(roadmapId, item.id, { owner: item.owner ? (item.owner.kind === 'person' ? { personId: item.owner.personId } : { stakeholderId: item.owner.stakeholderId }) : { stakeholderId: 'directie-opleiding' }, horizon: item.horizon, dueDate: item.dueDate, status, version: item.version }),
    onSettled: () => client.invalidateQueries({ queryKey: ['roadmap', roadmapId] }),
  });
  return (
    <tr>
      <td>{title}</td>
      <td>{ownerName}</td>
      <td>{t(`roadmap.horizon.${item.horizon}`)}</td>
      <td>{formatDate(item.dueDate, 'medium')}</td>
      <td>
        <label className="visually-hidden" htmlFor={`plan-status-${item.id}`}>
          {t('roadmap.plan.status')}: {title}
        </label>
        <select id={`plan-status-${item.id}`} className="roadmap-noprint" value={item.status} onChange={(e) => update.mutate(e.target.value as PlanItemStatus)} disabled={update.isPending}>
          {PLAN_ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`roadmap.planStatus.${s}`)}
            </option>
          ))}
        </select>
        <span className="roadmap-print-only">{t(`roadmap.planStatus.${item.status}`)}</span>
        {update.error && <p role="alert" className="field-error">{errorsOf(update.error).form}</p>}
      </td>
    </tr>
  );
}

function AddItem({ roadmap, interventions }: { roadmap: RoadmapResponse; interventions: (RoadmapIntervention & { group: string })[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const [interventionId, setInterventionId] = useState('');
  const [kind, setKind] = useState('directie-opleiding');
  const [email, setEmail] = useState('');
  const [horizon, setHorizon] = useState<'short' | 'medium' | 'long'>('short');
  const [dueDate, setDueDate] = useState('');
  const add = useMutation({
    mutationFn: () => roadmapApi.addItem(roadmap.id, { interventionId, owner: ownerInput(kind, email) ?? { stakeholderId: 'directie-opleiding' }, horizon, dueDate }),
    onSuccess: async () => {
      setInterventionId('');
      setDueDate('');
      await client.invalidateQueries({ queryKey: ['roadmap', roadmap.id] });
    },
  });
  const errors = errorsOf(add.error);
  const groups = [...new Set(interventions.map((i) => i.group))];
  return (
    <form
      className="roadmap-noprint roadmap-form"
      aria-labelledby="roadmap-add-item"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <h3 id="roadmap-add-item">{t('roadmap.plan.add')}</h3>
      {errors.form && <Alert kind="error">{errors.form}</Alert>}
      <SelectField label={t('roadmap.plan.intervention')} value={interventionId} onChange={(e) => setInterventionId(e.target.value)} error={errors.fields.interventionId} required>
        <option value="">{t('roadmap.plan.chooseIntervention')}</option>
        {groups.map((g) => (
          <optgroup key={g} label={g}>
            {interventions
              .filter((i) => i.group === g)
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title[lang]}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <OwnerFields roadmap={roadmap} kind={kind} setKind={setKind} email={email} setEmail={setEmail} error={errors.fields.owner} allowNone={false} />
      <SelectField label={t('roadmap.plan.horizon')} value={horizon} onChange={(e) => setHorizon(e.target.value as 'short' | 'medium' | 'long')}>
        {(['short', 'medium', 'long'] as const).map((h) => (
          <option key={h} value={h}>
            {t(`roadmap.horizon.${h}`)}
          </option>
        ))}
      </SelectField>
      <Field label={t('roadmap.plan.dueDate')} type="date" value={dueDate} min={todayInAmsterdam()} onChange={(e) => setDueDate(e.target.value)} error={errors.fields.dueDate} required />
      <button type="submit" disabled={add.isPending}>
        {t('roadmap.plan.add')}
      </button>
      {add.isSuccess && <p role="status">{t('roadmap.plan.added')}</p>}
    </form>
  );
}

function Progress({ roadmapId }: { roadmapId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const query = useQuery({ queryKey: ['roadmap', roadmapId, 'progress', lang], queryFn: () => roadmapApi.progress(roadmapId), retry: false });
  return (
    <section className="card roadmap-noprint" aria-labelledby="roadmap-progress">
      <h2 id="roadmap-progress">{t('roadmap.progress.title')}</h2>
      <PageState query={query}>
        {(p) => (
          <>
            <figure className="roadmap-chart" aria-hidden="true" dangerouslySetInnerHTML={{ __html: p.svg }} />
            <TableWrap label={t('roadmap.progress.table')}>
              <table>
                <TableHead columns={[{ label: t('roadmap.progress.factor') }, ...p.years.map((y) => ({ label: t('roadmap.yearLabel', { from: y, to: y + 1 }) }))]} />
                <tbody>
                  {p.rows.map((r) => (
                    <tr key={r.factorId}>
                      <td>
                        {r.number}. {r.title[lang]}
                      </td>
                      {r.statuses.map((s, i) => (
                        <td key={p.years[i]}>{s ? t(`roadmap.status.${s}`) : t('roadmap.progress.none')}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </PageState>
    </section>
  );
}
