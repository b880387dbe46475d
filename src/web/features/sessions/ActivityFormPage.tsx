import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ActivityView, CreateActivityRequest } from '../../../contracts/activities';
import type { ActivityTheme } from '../../../contracts/content/activities';
import { api } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { CheckField, SelectField, TextAreaField } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { fieldErrorsOf, useLibrary, useRequiredCheck, YEAR_PHASES, type YearPhase } from './library';
import './sessions.css';

type Form = { title: string; goal: string; theme: string; phases: YearPhase[]; durationMinutes: string; min: string; max: string; materials: string; steps: string; shared: boolean; programmeId: string };
const EMPTY: Form = { title: '', goal: '', theme: 'kennismaken', phases: [], durationMinutes: '30', min: '2', max: '10', materials: '', steps: '', shared: false, programmeId: '' };
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const fromActivity = (a: ActivityView): Form => ({
  title: a.title,
  goal: a.goal,
  theme: a.theme,
  phases: a.phases,
  durationMinutes: String(a.durationMinutes),
  min: String(a.groupSize.min),
  max: String(a.groupSize.max),
  materials: a.materials.join('\n'),
  steps: a.steps.join('\n'),
  shared: a.shared,
  programmeId: a.programme?.id ?? '',
});

/** Add an own activity or change one: shared with the other coaches, or private. */
export function ActivityFormPage() {
  const { activityId } = useParams();
  const { t } = useTranslation();
  const existing = useQuery({ queryKey: ['activity', activityId], queryFn: () => api<ActivityView>(`/api/activities/${activityId}`), enabled: Boolean(activityId) });
  useDocumentTitle(activityId ? t('library.editTitle') : t('library.add'));
  if (activityId && !existing.data) return <PageState query={existing} />;
  return <ActivityForm key={activityId ?? 'new'} activityId={activityId} initial={existing.data ? fromActivity(existing.data) : EMPTY} initialProgrammeName={existing.data?.programme?.name ?? ''} />;
}

function ActivityForm({ activityId, initial, initialProgrammeName }: { activityId: string | undefined; initial: Form; initialProgrammeName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const library = useLibrary().data;
  const themes = library?.themes ?? [];
  // Programmes the person may share an activity with only (they run sessions there); the one it is in now stays choosable.
  const programmes = library?.programmes ?? [];
  const [form, setForm] = useState<Form>(initial);
  const save = useMutation({
    mutationFn: () => {
      const body: CreateActivityRequest = {
        title: form.title,
        goal: form.goal,
        theme: form.theme as ActivityTheme,
        phases: form.phases,
        durationMinutes: Number(form.durationMinutes),
        groupSize: { min: Number(form.min), max: Number(form.max) },
        materials: lines(form.materials),
        steps: lines(form.steps),
        shared: form.shared,
        programmeId: form.programmeId || null,
      };
      return activityId ? api(`/api/activities/${activityId}`, { method: 'PUT', body }).then(() => ({ id: activityId })) : api<{ id: string }>('/api/activities', { method: 'POST', body });
    },
    onSuccess: async ({ id }) => {
      await client.invalidateQueries({ queryKey: ['activities'] });
      await client.invalidateQueries({ queryKey: ['activity', id] });
      await navigate(`/activities/${id}`);
    },
  });
  const { missing, anyMissing, check: checkRequired } = useRequiredCheck();
  const errors = { ...fieldErrorsOf(save.error, t), ...missing };
  const field = (key: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <div className="stack">
      <p>
        <Link to={activityId ? `/activities/${activityId}` : '/activities'}>{t('library.back')}</Link>
      </p>
      <h1>{activityId ? t('library.editTitle') : t('library.add')}</h1>
      <form
        className="card stack-sm"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (checkRequired({ title: !form.title.trim(), goal: !form.goal.trim(), phases: form.phases.length === 0, steps: lines(form.steps).length === 0 })) save.mutate();
        }}
      >
        {anyMissing && <Alert kind="error">{t('library.form.missing')}</Alert>}
        <Field label={t('library.form.title')} value={form.title} onChange={field('title')} maxLength={120} required error={errors.title} />
        <TextAreaField label={t('library.form.goal')} value={form.goal} onChange={field('goal')} maxLength={500} rows={2} required error={errors.goal} />
        <SelectField label={t('library.theme')} value={form.theme} onChange={field('theme')} error={errors.theme}>
          {themes.map((th) => (
            <option key={th.id} value={th.id}>
              {th.label}
            </option>
          ))}
        </SelectField>
        <fieldset className="field" aria-describedby={errors.phases ? 'phases-error' : undefined}>
          <legend>{t('library.phase')}</legend>
          <div className="checks">
            {YEAR_PHASES.map((p) => (
              <label key={p}>
                <input
                  type="checkbox"
                  checked={form.phases.includes(p)}
                  onChange={(e) => setForm({ ...form, phases: e.target.checked ? [...form.phases, p] : form.phases.filter((x) => x !== p) })}
                />
                {t(`library.phases.${p}`)}
              </label>
            ))}
          </div>
          {errors.phases && (
            <p className="field-error" id="phases-error">
              {errors.phases}
            </p>
          )}
        </fieldset>
        <Field label={t('library.form.duration')} type="number" inputMode="numeric" min={5} max={480} value={form.durationMinutes} onChange={field('durationMinutes')} error={errors.durationMinutes} />
        <div className="filter-grid">
          <Field label={t('library.form.groupMin')} type="number" inputMode="numeric" min={1} max={60} value={form.min} onChange={field('min')} error={errors['groupSize.min']} />
          <Field label={t('library.form.groupMax')} type="number" inputMode="numeric" min={1} max={60} value={form.max} onChange={field('max')} error={errors['groupSize.max']} />
        </div>
        <TextAreaField label={t('library.form.materials')} help={t('library.form.onePerLine')} value={form.materials} onChange={field('materials')} rows={3} error={errors.materials} />
        <TextAreaField label={t('library.form.steps')} help={t('library.form.onePerLine')} value={form.steps} onChange={field('steps')} rows={6} required error={errors.steps} />
        <CheckField label={t('library.form.shared')} help={t('library.form.sharedHelp')} checked={form.shared} onChange={(shared) => setForm({ ...form, shared })} />
        {(programmes.length > 0 || form.programmeId) && (
          <SelectField label={t('progcontent.activityScope.label')} help={t('progcontent.activityScope.help')} value={form.programmeId} onChange={field('programmeId')} error={errors.programmeId}>
            <option value="">{t('progcontent.activityScope.institution')}</option>
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {t('progcontent.activityScope.programme', { name: p.name })}
              </option>
            ))}
            {form.programmeId && !programmes.some((p) => p.id === form.programmeId) && <option value={form.programmeId}>{t('progcontent.badge.programme', { name: initialProgrammeName })}</option>}
          </SelectField>
        )}
        {save.error && <Alert kind="error">{save.error.message}</Alert>}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('library.form.save')}
        </button>
      </form>
    </div>
  );
}
