/** Adding or changing one support resource. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkablePerson } from '../../../contracts/resilience';
import { LEVELS, PLACES, RESOURCE_KINDS, USAGES, LIMITS, type SupportResource } from '../../../domain/resilience/model';
import { Field } from '../../components/Field';
import { Select, TextArea } from './fields';

export const newResource = (): SupportResource => ({
  id: `r-${crypto.randomUUID()}`,
  label: '',
  level: 'relational',
  place: 'outside',
  kind: 'person',
  usage: 'uses',
  easierIf: '',
  note: '',
  linkedPersonId: null,
});

type Props = { initial: SupportResource; linkable: LinkablePerson[]; isNew: boolean; onDone: (r: SupportResource) => void; onCancel?: () => void };

export function ResourceForm({ initial, linkable, isNew, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [r, setR] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const set = (change: Partial<SupportResource>) => setR((old) => ({ ...old, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!r.label.trim()) {
      setError(t('validation.required'));
      return;
    }
    onDone({ ...r, label: r.label.trim(), linkedPersonId: r.kind === 'person' ? r.linkedPersonId : null });
    if (isNew) setR(newResource());
    setError(undefined);
  };
  return (
    <form className="rmap-form" onSubmit={submit} noValidate>
      <Field label={t('resilience.fields.label')} value={r.label} maxLength={LIMITS.label} error={error} onChange={(e) => set({ label: e.target.value })} />
      <div className="rmap-form-grid">
        <Select label={t('resilience.fields.kind')} value={r.kind} onChange={(e) => set({ kind: e.target.value as SupportResource['kind'] })}>
          {RESOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`resilience.kinds.${k}`)}
            </option>
          ))}
        </Select>
        <Select label={t('resilience.fields.level')} value={r.level} onChange={(e) => set({ level: e.target.value as SupportResource['level'] })}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`resilience.levels.${l}`)}
            </option>
          ))}
        </Select>
        <Select label={t('resilience.fields.place')} value={r.place} onChange={(e) => set({ place: e.target.value as SupportResource['place'] })}>
          {PLACES.map((p) => (
            <option key={p} value={p}>
              {t(`resilience.places.${p}`)}
            </option>
          ))}
        </Select>
        <Select label={t('resilience.fields.usage')} value={r.usage} onChange={(e) => set({ usage: e.target.value as SupportResource['usage'] })}>
          {USAGES.map((u) => (
            <option key={u} value={u}>
              {t(`resilience.usages.${u}`)}
            </option>
          ))}
        </Select>
      </div>
      {r.kind === 'person' && linkable.length > 0 && (
        <Select label={t('resilience.fields.linkedPerson')} value={r.linkedPersonId ?? ''} onChange={(e) => set({ linkedPersonId: e.target.value || null })}>
          <option value="">{t('resilience.fields.notLinked')}</option>
          {linkable.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`resilience.linkedRole.${p.role}`, { name: `${p.firstName} ${p.lastName ?? ''}`.trim() })}
            </option>
          ))}
        </Select>
      )}
      {r.usage !== 'uses' && (
        <TextArea label={t('resilience.fields.easierIf')} value={r.easierIf} maxLength={LIMITS.shortText} onChange={(e) => set({ easierIf: e.target.value })} />
      )}
      <TextArea label={t('resilience.fields.note')} value={r.note} maxLength={LIMITS.shortText} onChange={(e) => set({ note: e.target.value })} />
      <div className="rmap-actions">
        <button type="submit" className="rmap-button primary-inline">
          {isNew ? t('resilience.actions.addResource') : t('resilience.actions.done')}
        </button>
        {onCancel && (
          <button type="button" className="rmap-button" onClick={onCancel}>
            {t('resilience.actions.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
