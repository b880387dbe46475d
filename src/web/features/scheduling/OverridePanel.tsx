import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunCommunity, RunResponse } from '../../../contracts/scheduling';
import { Alert } from '../../components/Alert';
import { PageState } from '../../components/PageState';
import { errorsOf, SelectField } from '../../components/form-fields';
import { schedulingApi } from './api';
import { DayView } from './DayView';
import { dayName } from './format';
import { blockerText, slotText } from './texts';

/**
 * Choosing another slot for a community: pick day, place and time (or one of the best
 * alternatives); its cost and what blocks it are shown before confirming.
 */
export function OverridePanel({ run, community, names, onDone }: { run: RunResponse; community: RunCommunity; names: Map<string, string>; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const headingId = useId();
  const options = useQuery({ queryKey: ['scheduling', 'options', run.id, community.id], queryFn: () => schedulingApi.options(run.id, community.id) });
  const [choice, setChoice] = useState({ day: community.slot.day, start: community.slot.start, locationId: community.slot.locationId });
  const save = useMutation({
    mutationFn: () => schedulingApi.override(run.id, community.id, { ...choice, version: community.version }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['scheduling'] });
      onDone();
    },
  });
  const { form } = errorsOf(save.error);
  const all = options.data?.options ?? [];
  const selected = all.find((o) => o.day === choice.day && o.start === choice.start && o.locationId === choice.locationId);
  const best = all.filter((o) => o.blockers.length === 0).slice(0, 5);
  const starts = [...new Set(all.map((o) => o.start))].sort();
  const unchanged = choice.day === community.slot.day && choice.start === community.slot.start && choice.locationId === community.slot.locationId;
  const delta = selected ? selected.cost - community.cost.cost : 0;
  return (
    <section className="override" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('scheduling.override.title', { name: community.name })}</h4>
      <PageState query={options} loading={t('scheduling.loading')} />
      {options.data && (
        <>
          <div className="grid-3">
            <SelectField label={t('scheduling.override.day')} value={choice.day} onChange={(e) => setChoice({ ...choice, day: e.target.value })}>
              {run.grid!.days.map((d) => (
                <option key={d} value={d}>
                  {dayName(d)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('scheduling.override.start')} value={choice.start} onChange={(e) => setChoice({ ...choice, start: e.target.value })}>
              {starts.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('scheduling.override.location')} value={choice.locationId} onChange={(e) => setChoice({ ...choice, locationId: e.target.value })}>
              {run.locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </SelectField>
          </div>
          {selected && (
            <div className="evaluation" aria-live="polite">
              <p>
                <strong>{slotText(selected, run)}</strong>:{' '}
                {t('scheduling.override.cost', { adjacent: selected.adjacent, total: community.members.length, waiting: selected.waitingMinutes, trips: selected.extraTrips, inClass: selected.inClass })}{' '}
                {!unchanged && (delta > 0 ? t('scheduling.override.worse', { delta }) : delta < 0 ? t('scheduling.override.better', { delta: -delta }) : t('scheduling.override.same'))}
              </p>
              {selected.blockers.length > 0 && (
                <Alert kind="error">
                  {t('scheduling.override.blocked')} {selected.blockers.map((b) => blockerText(b, names, t)).join(' ')}
                </Alert>
              )}
              {selected.inClass > 0 && selected.blockers.length === 0 && <Alert kind="info">{t('scheduling.override.membersInClass', { count: selected.inClass })}</Alert>}
              <DayView community={community} run={run} slot={{ ...selected, members: selected.members }} />
            </div>
          )}
          <h5>{t('scheduling.override.best')}</h5>
          <ul className="best">
            {best.map((o) => (
              <li key={`${o.day}${o.start}${o.locationId}`}>
                <button type="button" className="link-button" onClick={() => setChoice({ day: o.day, start: o.start, locationId: o.locationId })}>
                  {slotText(o, run)}
                </button>{' '}
                · {t('scheduling.override.short', { waiting: o.waitingMinutes, trips: o.extraTrips })}
              </li>
            ))}
          </ul>
          {form && <Alert kind="error">{form}</Alert>}
          <div className="actions">
            <button type="button" className="primary" disabled={!selected || unchanged || selected.blockers.length > 0 || save.isPending} onClick={() => save.mutate()}>
              {t('scheduling.override.confirm')}
            </button>
            <button type="button" className="secondary" onClick={onDone}>
              {t('scheduling.override.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
