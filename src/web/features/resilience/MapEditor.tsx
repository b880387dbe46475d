/**
 * The map itself: the picture, the same content as a list (for screen readers and small
 * screens), the move controls, and the written parts (challenges, goals, wellbeing, the
 * potential resources, the first step). Read-only when the reader may only view it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyResilienceMapResponse, ResilienceMapResponse } from '../../../contracts/resilience';
import { CHALLENGE_TIMES, LEVELS, LIMITS, PLACES, belowPass, type ChallengeTime, type Level, type Place, type ResilienceMap, type SupportResource } from '../../../domain/resilience/model';
import { addResource, groupResources, moveResource, otherPlace, removeResource, stepLevel, updateResource } from '../../../domain/resilience/operations';
import { ApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { saveMap, saveMyMap } from './api';
import { Select, TextArea } from './fields';
import { MapPicture, numberResources } from './MapPicture';
import { newResource, ResourceForm } from './ResourceForm';

/** A map, or the owner's own map before its first save (no id yet: the first save creates it). */
type Props = { map: ResilienceMapResponse | MyResilienceMapResponse; editable: boolean; queryKey: readonly unknown[] };

export function MapEditor({ map, editable, queryKey }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [content, setContent] = useState<ResilienceMap>(map.content);
  const [version, setVersion] = useState(map.version);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [challenge, setChallenge] = useState({ text: '', when: 'now' as ChallengeTime });

  useEffect(() => {
    if (!dirty) {
      setContent(map.content);
      setVersion(map.version);
    }
  }, [map, dirty]);

  const change = (next: ResilienceMap) => {
    setContent(next);
    setDirty(true);
    setStatus(null);
  };
  const label = (id: string) => content.resources.find((r) => r.id === id)?.label ?? '';
  const move = (id: string, to: { level?: Level; place?: Place }) => {
    const current = content.resources.find((r) => r.id === id);
    if (!current) return;
    const next = moveResource(content, id, to);
    change(next);
    const r = next.resources.find((x) => x.id === id)!;
    setAnnouncement(t('resilience.picture.moved', { label: r.label, level: t(`resilience.levels.${r.level}`), place: t(`resilience.places.${r.place}`) }));
  };
  const select = (id: string) => {
    setSelected(id);
    setAnnouncement(t('resilience.picture.selected', { label: label(id) }));
  };
  const save = async () => {
    setSaving(true);
    try {
      const saved = map.id === null ? await saveMyMap(content, version) : await saveMap(map.id, content, version);
      setVersion(saved.version);
      setDirty(false);
      setStatus({ kind: 'success', text: t('resilience.saved') });
      await client.invalidateQueries({ queryKey });
    } catch (error) {
      const fields = error instanceof ApiError && error.fields.length > 0 ? ` ${error.fields.map((f) => f.message).join(' ')}` : '';
      setStatus({ kind: 'error', text: `${(error as Error).message}${fields}` });
    } finally {
      setSaving(false);
    }
  };

  const numbers = numberResources(content.resources);
  const groups = groupResources(content.resources);
  const selectedResource = content.resources.find((r) => r.id === selected) ?? null;
  const text = (key: keyof ResilienceMap & ('goals' | 'studyFit' | 'wellbeingNeeds' | 'potential' | 'firstStep'), labelKey: string) =>
    editable ? (
      <TextArea label={t(labelKey)} value={content[key]} maxLength={LIMITS.text} onChange={(e) => change({ ...content, [key]: e.target.value })} />
    ) : (
      <p className="rmap-readonly">
        <span className="rmap-readonly-label">{t(labelKey)}:</span> {content[key] || '—'}
      </p>
    );

  return (
    <div className="stack rmap">
      <p aria-live="polite" role="status" className="visually-hidden">
        {announcement}
      </p>
      <section className="card" aria-labelledby="rmap-picture-title">
        <h2 id="rmap-picture-title">{t('resilience.sections.picture')}</h2>
        {editable && <p className="help">{t('resilience.picture.keyboardHelp')}</p>}
        <MapPicture resources={content.resources} editable={editable} selectedId={selected} onSelect={select} onMove={move} />
        {editable && selectedResource && (
          <div role="group" aria-label={t('resilience.picture.moveControls', { label: selectedResource.label })} className="rmap-move">
            <p className="rmap-move-title">{t('resilience.picture.moveControls', { label: selectedResource.label })}</p>
            <div className="rmap-actions">
              <button type="button" className="rmap-button" disabled={selectedResource.level === 'individual'} onClick={() => move(selectedResource.id, { level: stepLevel(selectedResource.level, 'in') })}>
                ↑ {t('resilience.actions.moveIn')}
              </button>
              <button type="button" className="rmap-button" disabled={selectedResource.level === 'contextual'} onClick={() => move(selectedResource.id, { level: stepLevel(selectedResource.level, 'out') })}>
                ↓ {t('resilience.actions.moveOut')}
              </button>
              <button type="button" className="rmap-button" aria-pressed={selectedResource.place === 'inside'} onClick={() => move(selectedResource.id, { place: 'inside' })}>
                ← {t('resilience.actions.toInside')}
              </button>
              <button type="button" className="rmap-button" aria-pressed={selectedResource.place === 'outside'} onClick={() => move(selectedResource.id, { place: otherPlace('inside') })}>
                → {t('resilience.actions.toOutside')}
              </button>
            </div>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="rmap-list-title">
        <h2 id="rmap-list-title">{t('resilience.sections.list')}</h2>
        {content.resources.length === 0 && <p>{t('resilience.list.empty')}</p>}
        {LEVELS.map((level) => (
          <div key={level} className="rmap-level">
            <h3>{t(`resilience.levels.${level}`)}</h3>
            <p className="help">{t(`resilience.levelHelp.${level}`)}</p>
            {PLACES.map((place) => (
              <div key={place}>
                <h4>{t(`resilience.places.${place}`)}</h4>
                {groups[level][place].length === 0 ? (
                  <p className="help">{t('resilience.list.noneHere')}</p>
                ) : (
                  <ul className="rmap-items">
                    {groups[level][place].map((r) => (
                      <li key={r.id} className={selected === r.id ? 'is-selected' : undefined}>
                        {editing === r.id ? (
                          <ResourceForm
                            initial={r}
                            linkable={map.linkable}
                            isNew={false}
                            onDone={(next) => {
                              change(updateResource(content, r.id, next));
                              setEditing(null);
                            }}
                            onCancel={() => setEditing(null)}
                          />
                        ) : (
                          <ResourceItem r={r} number={numbers.get(r.id) ?? 0} map={map} />
                        )}
                        {editable && editing !== r.id && (
                          <div className="rmap-actions">
                            <button type="button" className="rmap-button" aria-pressed={selected === r.id} onClick={() => select(r.id)}>
                              {t('resilience.actions.select', { label: r.label })}
                            </button>
                            <button type="button" className="rmap-button" onClick={() => setEditing(r.id)}>
                              {t('resilience.actions.edit', { label: r.label })}
                            </button>
                            <button
                              type="button"
                              className="rmap-button danger"
                              onClick={() => {
                                change(removeResource(content, r.id));
                                if (selected === r.id) setSelected(null);
                              }}
                            >
                              {t('resilience.actions.remove', { label: r.label })}
                            </button>
                          </div>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </div>
        ))}
        {editable && (
          <>
            <h3>{t('resilience.actions.addResource')}</h3>
            <ResourceForm initial={newResource()} linkable={map.linkable} isNew onDone={(r: SupportResource) => change(addResource(content, r))} />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="rmap-challenges-title">
        <h2 id="rmap-challenges-title">{t('resilience.sections.challenges')}</h2>
        {content.challenges.length === 0 && !editable && <p>—</p>}
        <ul className="rmap-items">
          {content.challenges.map((c) => (
            <li key={c.id}>
              {c.text} <span className="help">({t(`resilience.challengeWhen.${c.when}`)})</span>
              {editable && (
                <button type="button" className="rmap-button danger" onClick={() => change({ ...content, challenges: content.challenges.filter((x) => x.id !== c.id) })}>
                  {t('resilience.actions.removeChallenge')}
                  <span className="visually-hidden">: {c.text}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
        {editable && (
          <form
            className="rmap-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!challenge.text.trim()) return;
              change({ ...content, challenges: [...content.challenges, { id: `c-${crypto.randomUUID()}`, text: challenge.text.trim(), when: challenge.when }] });
              setChallenge({ text: '', when: 'now' });
            }}
          >
            <Field label={t('resilience.fields.challenge')} value={challenge.text} maxLength={LIMITS.shortText} onChange={(e) => setChallenge({ ...challenge, text: e.target.value })} />
            <Select label={t('resilience.fields.challengeWhen')} value={challenge.when} onChange={(e) => setChallenge({ ...challenge, when: e.target.value as ChallengeTime })}>
              {CHALLENGE_TIMES.map((w) => (
                <option key={w} value={w}>
                  {t(`resilience.challengeWhen.${w}`)}
                </option>
              ))}
            </Select>
            <button type="submit" className="rmap-button">
              {t('resilience.actions.addChallenge')}
            </button>
          </form>
        )}
      </section>

      <section className="card" aria-labelledby="rmap-goals-title">
        <h2 id="rmap-goals-title">{t('resilience.sections.goals')}</h2>
        {text('goals', 'resilience.fields.goals')}
        {text('studyFit', 'resilience.fields.studyFit')}
      </section>

      <section className="card" aria-labelledby="rmap-wellbeing-title">
        <h2 id="rmap-wellbeing-title">{t('resilience.sections.wellbeing')}</h2>
        {editable ? (
          <Select
            label={t('resilience.fields.wellbeing')}
            value={content.wellbeing === null ? '' : String(content.wellbeing)}
            onChange={(e) => change({ ...content, wellbeing: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">{t('resilience.fields.wellbeingNotSet')}</option>
            {Array.from({ length: 11 }, (_, i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </Select>
        ) : (
          <p className="lead">{content.wellbeing ?? '—'} / 10</p>
        )}
        {(belowPass(content) || content.wellbeingNeeds) && text('wellbeingNeeds', 'resilience.fields.wellbeingNeeds')}
      </section>

      <section className="card" aria-labelledby="rmap-potential-title">
        <h2 id="rmap-potential-title">{t('resilience.sections.potential')}</h2>
        {text('potential', 'resilience.fields.potential')}
      </section>

      <section className="card" aria-labelledby="rmap-step-title">
        <h2 id="rmap-step-title">{t('resilience.sections.firstStep')}</h2>
        {text('firstStep', 'resilience.fields.firstStep')}
      </section>

      {editable && (
        <div className="rmap-savebar">
          {dirty && <p className="help">{t('resilience.unsaved')}</p>}
          {status && <Alert kind={status.kind}>{status.text}</Alert>}
          <button type="button" className="primary" disabled={saving} onClick={() => void save()}>
            {saving ? t('resilience.saving') : t('resilience.save')}
          </button>
        </div>
      )}
    </div>
  );
}

function ResourceItem({ r, number, map }: { r: SupportResource; number: number; map: Pick<ResilienceMapResponse, 'linkable'> }) {
  const { t } = useTranslation();
  const linked = r.linkedPersonId ? map.linkable.find((p) => p.id === r.linkedPersonId) : undefined;
  return (
    <div>
      <p className="rmap-item-title">
        <span className="rmap-number-badge" aria-hidden="true">
          {number}
        </span>{' '}
        <strong>{r.label}</strong> · {t(`resilience.kinds.${r.kind}`)} · {t(`resilience.usages.${r.usage}`)}
      </p>
      {linked && <p className="help">{t(`resilience.linkedRole.${linked.role}`, { name: `${linked.firstName} ${linked.lastName ?? ''}`.trim() })}</p>}
      {r.easierIf && (
        <p className="help">
          {t('resilience.fields.easierIf')} {r.easierIf}
        </p>
      )}
      {r.note && (
        <p className="help">
          {t('resilience.fields.note')}: {r.note}
        </p>
      )}
    </div>
  );
}
