import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RoadmapFactor, RoadmapFile, RoadmapIntervention } from '../../../contracts/content/roadmap';
import type { FactorState, Figure, PlanItem, PlanItemStatus, RoadmapResponse, RoadmapStatus } from '../../../contracts/roadmap';
import { PLAN_ITEM_STATUSES, ROADMAP_STATUSES } from '../../../domain/roadmap/roadmap';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorsOf, SelectField, TableHead, TableWrap, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, todayInAmsterdam } from '../../format';
import { ownerInput, roadmapApi } from './api';
import './roadmap.css';

type Lang = 'nl' | 'en';
const useLang = (): Lang => (useTranslation().i18n.language === 'en' ? 'en' : 'nl');

/** One roadmap: principles and factors, views and the agreed status, figures, stakeholders, the plan and progress. */
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
        {r.content.factors.map((f) => (
          <FactorCard key={f.id} roadmap={r} factor={f} state={r.factors.find((s) => s.factorId === f.id)!} />
        ))}
      </section>
      {r.canManage && <Stakeholders roadmap={r} />}
      {r.canManage && <Plan roadmap={r} />}
      {r.canManage && <Progress roadmapId={r.id} />}
    </div>
  );
}

function Interventions({ content, interventions }: { content: RoadmapFile; interventions: RoadmapIntervention[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = new Map(content.stakeholders.map((s) => [s.id, s.name[lang]]));
  return (
    <>
      <h3 className="roadmap-small-heading">{t('roadmap.interventions')}</h3>
      <ul className="roadmap-interventions">
        {interventions.map((i) => (
          <li key={i.id}>
            <p>{i.title[lang]}</p>
            <p className="help">{t('roadmap.stakeholdersOf', { names: i.stakeholders.map((s) => names.get(s) ?? s).join(', ') })}</p>
            <p className="help">{i.horizon ? t('roadmap.horizonOf', { horizon: i.horizon.map((h) => t(`roadmap.horizon.${h}`)).join('–') }) : t('roadmap.noHorizon')}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function Evidence({ figures }: { figures: Figure[] }) {
  const { t } = useTranslation();
  if (figures.length === 0) return null;
  return (
    <div className="roadmap-evidence">
      <h3 className="roadmap-small-heading">{t('roadmap.evidence.title')}</h3>
      <dl>
        {figures.map((f) => (
          <div key={f.key}>
            <dt>{t(`roadmap.evidence.${f.key}`)}</dt>
            <dd>
              {f.state === 'shown' && f.value !== null ? (
                <>
                  <strong>{f.unit === 'percent' ? `${f.value}%` : f.value}</strong>
                  {f.people !== null && <span className="help"> ({t('roadmap.evidence.people', { count: f.people })})</span>}
                </>
              ) : (
                t(`roadmap.evidence.${f.state}`)
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function FactorCard({ roadmap, factor, state }: { roadmap: RoadmapResponse; factor: RoadmapFactor; state: FactorState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const stakeholderName = new Map(roadmap.content.stakeholders.map((s) => [s.id, s.name[lang]]));
  const headingId = `factor-${factor.id}`;
  return (
    <article className="card roadmap-factor" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {factor.number}. {factor.title[lang]}
      </h3>
      <p>
        <strong>{t('roadmap.factor.agreed')}:</strong> {state.agreed ? <span className={`roadmap-status roadmap-status-${state.agreed.status}`}>{t(`roadmap.status.${state.agreed.status}`)}</span> : t('roadmap.factor.noAgreed')}
        {state.previous && <span className="help"> · {t('roadmap.factor.previous', { status: t(`roadmap.status.${state.previous}`) })}</span>}
      </p>
      {state.agreed?.evidenceNote && <p className="roadmap-note">{state.agreed.evidenceNote}</p>}
      {state.agreed?.owner && (
        <p className="help">
          {t('roadmap.factor.owner')}: {state.agreed.owner.kind === 'person' ? state.agreed.owner.name : stakeholderName.get(state.agreed.owner.stakeholderId)}
        </p>
      )}
      <Evidence figures={state.evidence} />
      <h4 className="roadmap-small-heading">{t('roadmap.factor.views')}</h4>
      {state.views.length === 0 ? (
        <p>{t('roadmap.factor.noViews')}</p>
      ) : (
        <>
          {roadmap.canManage && state.views.length > 1 && <p className={state.differ ? 'roadmap-differ' : 'help'}>{state.differ ? t('roadmap.factor.differ') : t('roadmap.factor.same')}</p>}
          <ul className="roadmap-views">
            {state.views.map((v) => (
              <li key={v.personId}>
                <span>
                  {v.mine ? t('roadmap.factor.you') : v.name}
                  {v.stakeholderId ? ` (${stakeholderName.get(v.stakeholderId) ?? v.stakeholderId})` : ''}
                </span>{' '}
                <span className={`roadmap-status roadmap-status-${v.status}`}>{t(`roadmap.status.${v.status}`)}</span>
                {v.note && <p className="roadmap-note">{v.note}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      <ViewForm roadmapId={roadmap.id} factor={factor} mine={state.views.find((v) => v.mine) ?? null} />
      {roadmap.canManage && <AgreedForm roadmap={roadmap} factor={factor} state={state} />}
      <details className="roadmap-factor-interventions">
        <summary>{t('roadmap.interventions')}</summary>
        <Interventions content={roadmap.content} interventions={factor.interventions} />
      </details>
    </article>
  );
}

function StatusSelect({ value, onChange, label }: { value: RoadmapStatus; onChange: (s: RoadmapStatus) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value as RoadmapStatus)}>
      {ROADMAP_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`roadmap.status.${s}`)}
        </option>
      ))}
    </SelectField>
  );
}

function ViewForm({ roadmapId, factor, mine }: { roadmapId: string; factor: RoadmapFactor; mine: { status: RoadmapStatus; note: string } | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const [status, setStatus] = useState<RoadmapStatus>(mine?.status ?? 'notStarted');
  const [note, setNote] = useState(mine?.note ?? '');
  const save = useMutation({ mutationFn: () => roadmapApi.view(roadmapId, factor.id, { status, note }), onSuccess: () => client.invalidateQueries({ queryKey: ['roadmap', roadmapId] }) });
  const errors = errorsOf(save.error);
  return (
    <form
      className="roadmap-form"
      aria-label={`${t('roadmap.factor.myView')}: ${factor.title[lang]}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h4 className="roadmap-small-heading">{t('roadmap.factor.myView')}</h4>
      {errors.form && <Alert kind="error">{errors.form}</Alert>}
      <StatusSelect label={t('roadmap.plan.status')} value={status} onChange={setStatus} />
      <TextAreaField label={t('roadmap.factor.note')} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} error={errors.fields.note} />
      <button type="submit" disabled={save.isPending}>
        {t('roadmap.factor.saveView')}
      </button>
      {save.isSuccess && <p role="status">{t('roadmap.factor.viewSaved')}</p>}
    </form>
  );
}

function OwnerFields({ roadmap, kind, setKind, email, setEmail, error, allowNone }: { roadmap: RoadmapResponse; kind: string; setKind: (k: string) => void; email: string; setEmail: (e: string) => void; error?: string | undefined; allowNone: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <SelectField label={t('roadmap.factor.owner')} value={kind} onChange={(e) => setKind(e.target.value)} error={kind === 'person' ? undefined : error}>
        {allowNone && <option value="">{t('roadmap.factor.ownerNone')}</option>}
        <option value="person">{t('roadmap.factor.ownerPerson')}</option>
        {roadmap.content.stakeholders.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name[lang]}
          </option>
        ))}
      </SelectField>
      {kind === 'person' && <Field label={t('roadmap.factor.ownerEmail')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={error} autoComplete="off" />}
    </>
  );
}

function AgreedForm({ roadmap, factor, state }: { roadmap: RoadmapResponse; factor: RoadmapFactor; state: FactorState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const [status, setStatus] = useState<RoadmapStatus>(state.agreed?.status ?? state.views[0]?.status ?? 'notStarted');
  const [note, setNote] = useState(state.agreed?.evidenceNote ?? '');
  const owner = state.agreed?.owner;
  const [kind, setKind] = useState(owner ? (owner.kind === 'stakeholder' ? owner.stakeholderId : 'person') : '');
  const [email, setEmail] = useState('');
  const save = useMutation({
    mutationFn: () => roadmapApi.record(roadmap.id, factor.id, { status, evidenceNote: note, owner: owner?.kind === 'person' && kind === 'person' && email === '' ? { personId: owner.personId } : ownerInput(kind, email), version: state.agreed?.version ?? 0 }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['roadmap', roadmap.id] }),
  });
  const errors = errorsOf(save.error);
  return (
    <form
      className="roadmap-form roadmap-agreed-form"
      aria-label={`${t('roadmap.factor.record')}: ${factor.title[lang]}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h4 className="roadmap-small-heading">{t('roadmap.factor.agreed')}</h4>
      {errors.form && <Alert kind="error">{errors.form}</Alert>}
      <StatusSelect label={t('roadmap.factor.agreed')} value={status} onChange={setStatus} />
      <TextAreaField label={t('roadmap.factor.evidenceNote')} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={4000} error={errors.fields.evidenceNote} />
      <OwnerFields roadmap={roadmap} kind={kind} setKind={setKind} email={email} setEmail={setEmail} error={errors.fields.owner} allowNone />
      <button type="submit" disabled={save.isPending}>
        {t('roadmap.factor.record')}
      </button>
      {save.isSuccess && <p role="status">{t('roadmap.factor.recorded')}</p>}
    </form>
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
