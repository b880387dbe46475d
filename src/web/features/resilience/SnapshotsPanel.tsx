/**
 * Saving dated versions and comparing any two side by side (or a version with the map now). An
 * earlier version is only fetched when the reader asks for the comparison: for a coach that read
 * is audited ("bekeek een eerdere versie"), so opening the map must not make it on its own.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResilienceMapResponse } from '../../../contracts/resilience';
import { compareMaps, hasChanges, type MapComparison, type ResourcePair } from '../../../domain/resilience/compare';
import type { ResilienceMap, SupportResource } from '../../../domain/resilience/model';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { createSnapshot, today, useSnapshot } from './api';
import { Select } from './fields';
import { MapPicture } from './MapPicture';
import { formatDate } from '../../format';

const NOW = 'now';

/** `folded`: starts closed (the coachee's sharing step); the coach's view of a shared map opens on it. */
export function SnapshotsPanel({ map, canSave, queryKey, folded = false }: { map: ResilienceMapResponse; canSave: boolean; queryKey: readonly unknown[]; folded?: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [date, setDate] = useState(today());
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>(NOW);
  const fromId = from || map.snapshots[0]?.id || '';
  const [compared, setCompared] = useState<{ from: string; to: string } | null>(null);
  // Folded by default: versions are for now and then, and the sharing step stays short on a phone.
  const [open, setOpen] = useState(!folded);
  const a = useSnapshot(map.id, compared?.from || null);
  const b = useSnapshot(map.id, compared && compared.to !== NOW ? compared.to : null);
  const formatDay = (d: string) => formatDate(d, 'long');
  const label = (id: string) => (id === NOW ? t('resilience.snapshots.now') : formatDay(map.snapshots.find((s) => s.id === id)?.takenOn ?? ''));

  const save = async () => {
    try {
      const saved = await createSnapshot(map.id, date);
      setStatus({ kind: 'success', text: t('resilience.snapshots.saved', { date: formatDate(saved.takenOn) }) });
      await client.invalidateQueries({ queryKey });
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    }
  };

  const before: ResilienceMap | undefined = a.data?.content;
  const after: ResilienceMap | undefined = compared?.to === NOW ? map.content : b.data?.content;
  const roles = {
    coachIds: new Set(map.linkable.filter((p) => p.role === 'coach').map((p) => p.id)),
    fellowIds: new Set(map.linkable.filter((p) => p.role === 'fellow').map((p) => p.id)),
  };
  const comparison = before && after ? compareMaps(before, after, roles) : null;

  return (
    <details className="card rmap-fold" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2 id="rmap-snapshots-title">{t('resilience.sections.snapshots')}</h2>
      </summary>
      <p>{t('resilience.snapshots.intro')}</p>
      {canSave && (
        <form
          className="rmap-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label={t('resilience.snapshots.date')} type="date" value={date} max={today()} onChange={(e) => setDate(e.target.value)} />
          <button type="submit" className="rmap-button">
            {t('resilience.snapshots.save')}
          </button>
        </form>
      )}
      {status && <Alert kind={status.kind}>{status.text}</Alert>}
      <h3>{t('resilience.snapshots.list')}</h3>
      {map.snapshots.length === 0 ? (
        <p>{t('resilience.snapshots.none')}</p>
      ) : (
        <ul className="names">
          {map.snapshots.map((s) => (
            <li key={s.id}>{formatDate(s.takenOn)}</li>
          ))}
        </ul>
      )}
      {map.snapshots.length === 0 ? (
        <p className="help">{t('resilience.snapshots.needTwo')}</p>
      ) : (
        <>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              setCompared({ from: fromId, to });
            }}
          >
            <div className="rmap-form-grid">
              <Select label={t('resilience.snapshots.from')} value={fromId} onChange={(e) => setFrom(e.target.value)}>
                {map.snapshots.map((s) => (
                  <option key={s.id} value={s.id}>
                    {formatDate(s.takenOn)}
                  </option>
                ))}
              </Select>
              <Select label={t('resilience.snapshots.to')} value={to} onChange={(e) => setTo(e.target.value)}>
                <option value={NOW}>{t('resilience.snapshots.now')}</option>
                {map.snapshots.map((s) => (
                  <option key={s.id} value={s.id}>
                    {formatDate(s.takenOn)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="rmap-actions">
              <button type="submit" className="rmap-button">
                {t('resilience.snapshots.show')}
              </button>
            </div>
          </form>
          {compared && (a.error || b.error) && <Alert kind="error">{(a.error ?? b.error)?.message}</Alert>}
          {compared && comparison && before && after && (
            <Comparison comparison={comparison} before={before} after={after} fromLabel={label(compared.from)} toLabel={label(compared.to)} linkable={map.linkable} />
          )}
        </>
      )}
    </details>
  );
}

function Comparison({
  comparison: c,
  before,
  after,
  fromLabel,
  toLabel,
  linkable,
}: {
  comparison: MapComparison;
  before: ResilienceMap;
  after: ResilienceMap;
  fromLabel: string;
  toLabel: string;
  linkable: ResilienceMapResponse['linkable'];
}) {
  const { t } = useTranslation();
  const where = (r: SupportResource) => `${t(`resilience.levels.${r.level}`)}, ${t(`resilience.places.${r.place}`)}`;
  const nameOf = (id: string) => linkable.find((p) => p.id === id)?.firstName ?? '';
  const list = (title: string, items: string[]) =>
    items.length > 0 && (
      <>
        <h4>{title}</h4>
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      </>
    );
  const pairs = (ps: ResourcePair[], show: (r: SupportResource) => string) =>
    ps.map((p) => t('resilience.snapshots.movedItem', { label: p.after.label, before: show(p.before), after: show(p.after) }));
  const changedIds = new Set([...c.added.map((r) => r.id), ...c.moved.map((p) => p.after.id), ...c.usageChanged.map((p) => p.after.id)]);
  return (
    <div className="rmap-compare">
      <h3>{t('resilience.snapshots.result', { from: fromLabel, to: toLabel })}</h3>
      {c.becameResources.length > 0 && (
        <div className="rmap-became" role="note">
          <h4>{t('resilience.snapshots.became')}</h4>
          <ul>
            {c.becameResources.map((p) => (
              <li key={p.personId}>
                <strong>{t(p.role === 'coach' ? 'resilience.snapshots.becameCoach' : 'resilience.snapshots.becameFellow', { name: nameOf(p.personId) })}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!hasChanges(c) && <p>{t('resilience.snapshots.noChanges')}</p>}
      {c.wellbeing && <p>{t('resilience.snapshots.wellbeing', { before: c.wellbeing.before ?? '—', after: c.wellbeing.after ?? '—' })}</p>}
      {list(t('resilience.snapshots.added'), c.added.map((r) => `${r.label} (${where(r)})`))}
      {list(t('resilience.snapshots.removed'), c.removed.map((r) => `${r.label} (${where(r)})`))}
      {list(t('resilience.snapshots.moved'), pairs(c.moved, where))}
      {list(t('resilience.snapshots.usageChanged'), pairs(c.usageChanged, (r) => t(`resilience.usages.${r.usage}`)))}
      {list(t('resilience.snapshots.edited'), c.edited.map((p) => p.after.label))}
      {c.noLongerResources.map((p) => (
        <p key={p.personId}>{t('resilience.snapshots.noLonger', { name: nameOf(p.personId) })}</p>
      ))}
      <div className="rmap-side-by-side">
        <MapPicture resources={before.resources} caption={`${t('resilience.snapshots.before')}: ${fromLabel}`} />
        <MapPicture resources={after.resources} caption={`${t('resilience.snapshots.after')}: ${toLabel}`} highlightIds={changedIds} />
      </div>
    </div>
  );
}
