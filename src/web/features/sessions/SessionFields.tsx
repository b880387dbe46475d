import { useTranslation } from 'react-i18next';
import type { SessionPlanView } from '../../../contracts/activities';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/form-fields';

type OnChange = (e: { target: { value: string } }) => void;

/** When and where a session takes place: date, start time, duration and location. */
export function SessionTimeFields({ form, set, errors }: { form: { date: string; startTime: string; durationMinutes: string; location: string }; set: (key: 'date' | 'startTime' | 'durationMinutes' | 'location') => OnChange; errors: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <div className="filter-grid">
      <Field label={t('sessionInsight.manage.date')} type="date" value={form.date} onChange={set('date')} required error={errors.date} />
      <Field label={t('sessionInsight.manage.startTime')} type="time" value={form.startTime} onChange={set('startTime')} required error={errors.startTime} />
      <Field label={t('sessionInsight.manage.duration')} type="number" inputMode="numeric" min={15} max={600} value={form.durationMinutes} onChange={set('durationMinutes')} error={errors.durationMinutes} />
      <Field label={t('sessionInsight.manage.location')} value={form.location} onChange={set('location')} maxLength={200} error={errors.location} />
    </div>
  );
}

/** The choice of a session plan for a session, "no plan" first. */
export function PlanSelect({ plans, value, onChange, error }: { plans: SessionPlanView[] | undefined; value: string; onChange: OnChange; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <SelectField label={t('library.session.choose')} value={value} onChange={onChange} error={error}>
      <option value="">{t('library.session.noPlan')}</option>
      {plans?.map((p) => (
        <option key={p.id} value={p.id}>
          {p.title} ({t('library.minutes', { count: p.durationMinutes })})
        </option>
      ))}
    </SelectField>
  );
}
