/** The parts of one roadmap factor (issue 22): its figures, the stakeholders' views, the forms for a view and the agreed status, its interventions. The roadmap's overview and the factor's own page use them. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoadmapFactor, RoadmapFile, RoadmapIntervention } from '../../../contracts/content/roadmap';
import type { FactorState, Figure, RoadmapResponse, RoadmapStatus } from '../../../contracts/roadmap';
import { ROADMAP_STATUSES } from '../../../domain/roadmap/roadmap';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { errorsOf, SelectField, TextAreaField } from '../../components/form-fields';
import { ownerInput, roadmapApi } from './api';

export type Lang = 'nl' | 'en';
export const useLang = (): Lang => (useTranslation().i18n.language === 'en' ? 'en' : 'nl');

export function Interventions({ content, interventions, headed = true }: { content: RoadmapFile; interventions: RoadmapIntervention[]; headed?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = new Map(content.stakeholders.map((s) => [s.id, s.name[lang]]));
  return (
    <>
      {headed && <h3 className="roadmap-small-heading">{t('roadmap.interventions')}</h3>}
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

export function Evidence({ figures }: { figures: Figure[] }) {
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

/** How a factor stands at a glance: the agreed status (or none yet), the number of views and whether they differ, the plan items for it. */
export function factorSummary(roadmap: RoadmapResponse, factor: RoadmapFactor) {
  const state = roadmap.factors.find((s) => s.factorId === factor.id)!;
  const interventionIds = new Set(factor.interventions.map((i) => i.id));
  const plan = roadmap.plan.filter((p) => interventionIds.has(p.interventionId));
  return { state, plan, mine: state.views.find((v) => v.mine) ?? null };
}

/** One factor in full, on its own page: the agreed status, figures, everyone's view, the forms, the plan items and its interventions. */
export function FactorDetails({ roadmap, factor, state }: { roadmap: RoadmapResponse; factor: RoadmapFactor; state: FactorState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const stakeholderName = new Map(roadmap.content.stakeholders.map((s) => [s.id, s.name[lang]]));
  const { plan } = factorSummary(roadmap, factor);
  const interventionTitle = new Map(factor.interventions.map((i) => [i.id, i.title[lang]]));
  return (
    <article className="stack roadmap-factor" aria-label={`${factor.number}. ${factor.title[lang]}`}>
      <section className="card" aria-labelledby="roadmap-factor-agreed">
        <h2 id="roadmap-factor-agreed" className="roadmap-section-heading">{t('roadmap.overview.standing')}</h2>
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
      </section>
      <section className="card" aria-labelledby="roadmap-factor-views">
        <h2 id="roadmap-factor-views" className="roadmap-section-heading">{t('roadmap.factor.views')}</h2>
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
      </section>
      {roadmap.canManage && (
        <section className="card" aria-labelledby="roadmap-factor-record">
          <h2 id="roadmap-factor-record" className="roadmap-section-heading">{t('roadmap.factor.record')}</h2>
          <AgreedForm roadmap={roadmap} factor={factor} state={state} />
        </section>
      )}
      {roadmap.canManage && (
        <section className="card" aria-labelledby="roadmap-factor-plan">
          <h2 id="roadmap-factor-plan" className="roadmap-section-heading">{t('roadmap.overview.planOfFactor')}</h2>
          {plan.length === 0 ? (
            <p>{t('roadmap.overview.noPlan')}</p>
          ) : (
            <ul className="roadmap-views">
              {plan.map((p) => (
                <li key={p.id}>
                  {interventionTitle.get(p.interventionId) ?? p.interventionId} <span className="help">· {t(`roadmap.planStatus.${p.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="roadmap-factor-interventions">
        <h2 id="roadmap-factor-interventions" className="roadmap-section-heading">{t('roadmap.interventions')}</h2>
        <Interventions content={roadmap.content} interventions={factor.interventions} headed={false} />
      </section>
    </article>
  );
}

export function StatusSelect({ value, onChange, label }: { value: RoadmapStatus; onChange: (s: RoadmapStatus) => void; label: string }) {
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

export function ViewForm({ roadmapId, factor, mine }: { roadmapId: string; factor: RoadmapFactor; mine: { status: RoadmapStatus; note: string } | null }) {
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
      <h3 className="roadmap-small-heading">{t('roadmap.factor.myView')}</h3>
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

export function OwnerFields({ roadmap, kind, setKind, email, setEmail, error, allowNone }: { roadmap: RoadmapResponse; kind: string; setKind: (k: string) => void; email: string; setEmail: (e: string) => void; error?: string | undefined; allowNone: boolean }) {
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

export function AgreedForm({ roadmap, factor, state }: { roadmap: RoadmapResponse; factor: RoadmapFactor; state: FactorState }) {
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

