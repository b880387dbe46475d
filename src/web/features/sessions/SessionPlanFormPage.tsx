import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ActivityView, CreateSessionPlanRequest, SessionPlanView } from '../../../contracts/activities';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { CheckField, SelectField, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { fieldErrorsOf, minutesLabel, useLibrary } from './library';
import './sessions.css';

type Form = { title: string; activityIds: string[]; notes: string; shared: boolean };

/** Build a plan from activities: add, put in order, remove; the minutes add up as you go. */
export function SessionPlanFormPage() {
  const { planId } = useParams();
  const { t, i18n } = useTranslation();
  const existing = useQuery({ queryKey: ['session-plan', planId, i18n.language], queryFn: () => api<SessionPlanView>(`/api/session-plans/${planId}`), enabled: Boolean(planId) });
  const library = useLibrary();
  useDocumentTitle(planId ? t('library.plans.editTitle') : t('library.plans.new'));
  const error = existing.error ?? library.error;
  if (error || (planId && !existing.data) || !library.data) return <PageState query={{ data: undefined, error }} />;
  const initial: Form = existing.data ? { title: existing.data.title, activityIds: existing.data.activityIds, notes: existing.data.notes, shared: existing.data.shared } : { title: '', activityIds: [], notes: '', shared: false };
  return <PlanForm key={planId ?? 'new'} planId={planId} initial={initial} activities={library.data.activities} />;
}

function PlanForm({ planId, initial, activities }: { planId: string | undefined; initial: Form; activities: ActivityView[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState<Form>(initial);
  const [pick, setPick] = useState(activities[0]?.id ?? '');
  const [announcement, setAnnouncement] = useState('');
  const byId = new Map(activities.map((a) => [a.id, a]));
  const total = form.activityIds.reduce((n, id) => n + (byId.get(id)?.durationMinutes ?? 0), 0);
  const save = useMutation({
    mutationFn: () => {
      const body: CreateSessionPlanRequest = form;
      return planId ? api(`/api/session-plans/${planId}`, { method: 'PUT', body }).then(() => ({ id: planId })) : api<{ id: string }>('/api/session-plans', { method: 'POST', body });
    },
    onSuccess: async ({ id }) => {
      await client.invalidateQueries({ queryKey: ['session-plans'] });
      await client.invalidateQueries({ queryKey: ['session-plan', id] });
      await navigate(`/session-plans/${id}`);
    },
  });
  const errors = fieldErrorsOf(save.error, t);
  const titleOf = (id: string) => byId.get(id)?.title ?? t('library.plans.removedActivity');
  const change = (activityIds: string[], message: string) => {
    setForm({ ...form, activityIds });
    setAnnouncement(message);
  };
  const move = (i: number, by: -1 | 1) => {
    const ids = [...form.activityIds];
    const [item] = ids.splice(i, 1);
    ids.splice(i + by, 0, item!);
    change(ids, t('library.plans.moved', { title: titleOf(item!), position: i + by + 1 }));
  };
  return (
    <div className="stack">
      <p>
        <Link to={planId ? `/session-plans/${planId}` : '/session-plans'}>{t('library.plans.back')}</Link>
      </p>
      <h1>{planId ? t('library.plans.editTitle') : t('library.plans.new')}</h1>
      <form
        className="card stack-sm"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('library.plans.name')} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} maxLength={120} required error={errors.title} />
        <fieldset className="field">
          <legend>{t('library.plans.activities')}</legend>
          {form.activityIds.length === 0 && <p>{t('library.plans.empty')}</p>}
          <ol className="plan-builder">
            {form.activityIds.map((id, i) => (
              <li key={`${id}-${i}`}>
                <span className="plan-item-title">
                  {titleOf(id)} <span className="minutes">{minutesLabel(t, byId.get(id)?.durationMinutes ?? 0)}</span>
                </span>
                {errors[`activityIds.${i}`] && <span className="field-error">{errors[`activityIds.${i}`]}</span>}
                <span className="button-row">
                  <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('library.plans.up', { title: titleOf(id) })}>
                    ↑
                  </button>
                  <button type="button" disabled={i === form.activityIds.length - 1} onClick={() => move(i, 1)} aria-label={t('library.plans.down', { title: titleOf(id) })}>
                    ↓
                  </button>
                  <button
                    type="button"
                    onClick={() => change(form.activityIds.filter((_, j) => j !== i), t('library.plans.removed', { title: titleOf(id) }))}
                    aria-label={t('library.plans.removeItem', { title: titleOf(id) })}
                  >
                    {t('library.plans.removeShort')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
          {errors.activityIds && <p className="field-error">{errors.activityIds}</p>}
          <p className="lead" aria-live="polite">
            {t('library.plans.total', { minutes: total })}
          </p>
          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>
          <div className="add-row">
            <SelectField label={t('library.plans.pick')} value={pick} onChange={(e) => setPick(e.target.value)}>
              {activities.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title} ({minutesLabel(t, a.durationMinutes)})
                </option>
              ))}
            </SelectField>
            <button type="button" disabled={!pick || form.activityIds.length >= 12} onClick={() => change([...form.activityIds, pick], t('library.plans.added', { title: titleOf(pick) }))}>
              {t('library.plans.addActivity')}
            </button>
          </div>
        </fieldset>
        <TextAreaField label={t('library.plans.notes')} help={t('library.plans.notesHelp')} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} maxLength={2000} rows={3} error={errors.notes} />
        <CheckField label={t('library.plans.share')} help={t('library.form.sharedHelp')} checked={form.shared} onChange={(shared) => setForm({ ...form, shared })} />
        {save.error && <Alert kind="error">{save.error.message}</Alert>}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('library.plans.save')}
        </button>
      </form>
    </div>
  );
}
