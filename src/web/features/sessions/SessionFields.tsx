import { useTranslation } from 'react-i18next';
import type { SessionPlanView } from '../../../contracts/activities';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/form-fields';
import { SESSION_MODES } from '../../../domain/sessions/session-mode';

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

/**
 * Where a session happens: on campus, online or hybrid, with the meeting link for the last two.
 * `withDefault` adds "as usual for this community" (the community's default mode and link).
 */
export function SessionModeFields({ form, set, errors, withDefault = false }: { form: { mode: string; meetingLink: string }; set: (key: 'mode' | 'meetingLink') => OnChange; errors: Record<string, string>; withDefault?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField label={t('formats.mode.label')} value={form.mode} onChange={set('mode')} error={errors.mode}>
        {withDefault && <option value="">{t('formats.mode.communityDefault')}</option>}
        {SESSION_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`formats.mode.${m}`)}
          </option>
        ))}
      </SelectField>
      {(form.mode === 'online' || form.mode === 'hybrid') && (
        <Field label={t('formats.mode.meetingLink')} help={t('formats.mode.meetingLinkHelp')} type="url" inputMode="url" value={form.meetingLink} onChange={set('meetingLink')} maxLength={500} error={errors.meetingLink} />
      )}
    </>
  );
}
