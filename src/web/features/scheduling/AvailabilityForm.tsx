/** Weekly availability windows of a coach in a teaching period: the coordinator's and the coach's own screen share it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useServerState } from '../../components/useServerState';
import { errorsOf, SelectField } from '../../components/form-fields';
import { schedulingApi, type Window } from './api';
import { dayName } from './format';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

export function AvailabilityForm({ periodId, personId, windows, label }: { periodId: string; personId: string; windows: Window[] | null; label?: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [rows, setRows] = useServerState<Window[]>(windows ?? []);
  const save = useMutation({
    mutationFn: (value: Window[] | null) => schedulingApi.setAvailability(periodId, personId, value),
    onSuccess: () => client.invalidateQueries({ queryKey: ['scheduling'] }),
  });
  const { form, fields } = errorsOf(save.error);
  const set = (i: number, patch: Partial<Window>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const suffix = label ? ` · ${label}` : '';
  return (
    <>
      {rows.map((r, i) => (
        <fieldset key={i} className="window">
          <legend>{t('scheduling.availability.window', { n: i + 1 }) + suffix}</legend>
          <SelectField label={t('scheduling.availability.day')} value={r.day} onChange={(e) => set(i, { day: e.target.value as Window['day'] })}>
            {DAYS.map((d) => (
              <option key={d} value={d}>
                {dayName(d)}
              </option>
            ))}
          </SelectField>
          <Field type="time" label={t('scheduling.availability.from')} value={r.start} onChange={(e) => set(i, { start: e.target.value })} />
          <Field type="time" label={t('scheduling.availability.to')} value={r.end} error={fields[`windows.${i}.end`]} onChange={(e) => set(i, { end: e.target.value })} />
          <button type="button" className="link-button" onClick={() => setRows(rows.filter((_, k) => k !== i))} aria-label={t('scheduling.availability.removeWindow', { n: i + 1 }) + suffix}>
            {t('scheduling.locations.remove')}
          </button>
        </fieldset>
      ))}
      {form && <Alert kind="error">{form}</Alert>}
      {save.isSuccess && <Alert kind="success">{t('scheduling.availability.saved')}</Alert>}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setRows([...rows, { day: 'mon', start: '09:00', end: '17:00' }])} aria-label={label ? `${t('scheduling.availability.add')}${suffix}` : undefined}>
          {t('scheduling.availability.add')}
        </button>
        <button type="button" className="primary" disabled={save.isPending || rows.length === 0} onClick={() => save.mutate(rows)} aria-label={label ? `${t('scheduling.availability.save')}${suffix}` : undefined}>
          {t('scheduling.availability.save')}
        </button>
        {windows && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setRows([]);
              save.mutate(null);
            }}
          >
            {t('scheduling.availability.clear')}
          </button>
        )}
      </div>
    </>
  );
}
