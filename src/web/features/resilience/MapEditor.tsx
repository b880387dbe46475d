/**
 * The map itself, in three parts that the coachee's page shows one step at a time and a coach's page
 * (shared map, guided conversation) shows one after another: the picture (with the move
 * controls and a numbered key of every resource), the people and places (the list, to add,
 * change or remove), and the goals (challenges, goals, wellbeing, potential, the first step).
 * Every change saves by itself (useMapDraft); read-only when the reader may only view it.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyResilienceMapResponse, ResilienceMapResponse } from '../../../contracts/resilience';
import { CHALLENGE_TIMES, LEVELS, LIMITS, belowPass, type ChallengeTime, type Level, type Place, type ResilienceMap, type SupportResource } from '../../../domain/resilience/model';
import { addResource, groupResources, moveResource, removeResource, stepLevel, updateResource } from '../../../domain/resilience/operations';
import { api } from '../../api';
import { Field } from '../../components/Field';
import { saveMap, saveMyMap } from './api';
import { Select, TextArea } from './fields';
import { MapPicture, numberResources } from './MapPicture';
import { newResource, ResourceForm } from './ResourceForm';
import { SaveStatus } from './SaveStatus';
import { useMapDraft, type MapDraft } from './useMapDraft';

type AnyMap = ResilienceMapResponse | MyResilienceMapResponse;
type PartProps = { draft: MapDraft; map: AnyMap; editable: boolean };

/** The draft of my own map: saved through "my map", so the first save creates it. */
export const useMyMapDraft = (map: MyResilienceMapResponse, queryKey: readonly unknown[]) =>
  useMapDraft({ map, queryKey, save: saveMyMap, load: () => api<MyResilienceMapResponse>('/api/resilience/my-map') });

/** The draft of a map someone shared with me to edit together. */
const useSharedDraft = (map: AnyMap, queryKey: readonly unknown[]) =>
  useMapDraft({
    map,
    queryKey,
    save: (content, version) => saveMap(map.id ?? '', content, version),
    load: () => api<ResilienceMapResponse>(`/api/resilience/maps/${map.id ?? ''}`),
  });

/** All three parts one after another (a coach's view of a shared map). */
export function MapEditor({ map, editable, queryKey }: { map: AnyMap; editable: boolean; queryKey: readonly unknown[] }) {
  const draft = useSharedDraft(map, queryKey);
  return (
    <div className="stack rmap">
      {editable && <SaveStatus draft={draft} />}
      <PicturePart draft={draft} map={map} editable={editable} />
      <PeoplePart draft={draft} map={map} editable={editable} />
      <GoalsPart draft={draft} map={map} editable={editable} />
    </div>
  );
}

/** The picture, the move controls and a numbered key with every resource's full name. */
export function PicturePart({ draft, editable }: PartProps) {
  const { t } = useTranslation();
  const { content } = draft;
  const [selected, setSelected] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const label = (id: string) => content.resources.find((r) => r.id === id)?.label ?? '';
  const move = (id: string, to: { level?: Level; place?: Place }) => {
    if (!content.resources.some((r) => r.id === id)) return;
    const next = moveResource(content, id, to);
    draft.change(next, 'soon');
    const r = next.resources.find((x) => x.id === id)!;
    setAnnouncement(t('resilience.picture.moved', { label: r.label, level: t(`resilience.levels.${r.level}`), place: t(`resilience.places.${r.place}`) }));
  };
  const select = (id: string) => {
    setSelected(id);
    setAnnouncement(t('resilience.picture.selected', { label: label(id) }));
  };
  const numbers = numberResources(content.resources);
  const ordered = [...content.resources].sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0));
  const selectedResource = content.resources.find((r) => r.id === selected) ?? null;
  return (
    <section className="card" aria-labelledby="rmap-picture-title">
      <p aria-live="polite" role="status" className="visually-hidden">
        {announcement}
      </p>
      <h2 id="rmap-picture-title">{t('resilience.sections.picture')}</h2>
      {editable && content.resources.length > 0 && <p className="help">{t('resilience.picture.keyboardHelp')}</p>}
      <MapPicture resources={content.resources} editable={editable} selectedId={selected} onSelect={select} onMove={move} />
      {editable && selectedResource && (
        <div role="group" aria-label={t('resilience.picture.moveControls', { label: selectedResource.label })} className="rmap-move">
          <p className="rmap-move-title">{t('resilience.picture.moveControls', { label: selectedResource.label })}</p>
          <div className="rmap-actions">
            <button type="button" disabled={selectedResource.level === 'individual'} onClick={() => move(selectedResource.id, { level: stepLevel(selectedResource.level, 'in') })}>
              ↑ {t('resilience.actions.moveIn')}
            </button>
            <button type="button" disabled={selectedResource.level === 'contextual'} onClick={() => move(selectedResource.id, { level: stepLevel(selectedResource.level, 'out') })}>
              ↓ {t('resilience.actions.moveOut')}
            </button>
            <button type="button" aria-pressed={selectedResource.place === 'inside'} onClick={() => move(selectedResource.id, { place: 'inside' })}>
              ← {t('resilience.actions.toInside')}
            </button>
            <button type="button" aria-pressed={selectedResource.place === 'outside'} onClick={() => move(selectedResource.id, { place: 'outside' })}>
              → {t('resilience.actions.toOutside')}
            </button>
          </div>
        </div>
      )}
      {ordered.length > 0 && (
        <>
          <h3 className="rmap-key-title">{t('resilience.picture.keyTitle')}</h3>
          <ol className="rmap-key-list">
            {ordered.map((r) => (
              <li key={r.id} className={selected === r.id ? 'is-selected' : undefined}>
                <span className="rmap-number-badge" aria-hidden="true">
                  {numbers.get(r.id)}
                </span>
                {editable ? (
                  <button type="button" className="rmap-key-choose" aria-pressed={selected === r.id} aria-label={t('resilience.actions.select', { label: r.label })} onClick={() => select(r.id)}>
                    {r.label}
                  </button>
                ) : (
                  <span>{r.label}</span>
                )}
                <span className="help">
                  {t(`resilience.levels.${r.level}`)}, {t(`resilience.places.${r.place}`)}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** People and places: every resource by ring, with adding, changing and removing. */
export function PeoplePart({ draft, map, editable }: PartProps) {
  const { t } = useTranslation();
  const { content } = draft;
  const [editing, setEditing] = useState<string | null>(null);
  // The form to add one is open on an empty map; on a full one it waits behind a button, so the
  // list stays short on a phone. Once opened it stays open for the next addition.
  const [adding, setAdding] = useState(content.resources.length === 0);
  const addFormId = useId();
  const numbers = numberResources(content.resources);
  const groups = groupResources(content.resources);
  return (
    <section className="card" aria-labelledby="rmap-list-title">
      <h2 id="rmap-list-title">{t('resilience.sections.list')}</h2>
      {content.resources.length === 0 && <p>{t('resilience.list.empty')}</p>}
      {LEVELS.map((level) => {
        const items = [...groups[level].inside, ...groups[level].outside];
        if (items.length === 0) return null;
        return (
          <div key={level} className="rmap-level">
            <h3>{t(`resilience.levels.${level}`)}</h3>
            <ul className="rmap-items">
              {items.map((r) => (
                <li key={r.id}>
                  {editing === r.id ? (
                    <ResourceForm
                      initial={r}
                      linkable={map.linkable}
                      isNew={false}
                      onDone={(next) => {
                        draft.change(updateResource(content, r.id, next), 'now');
                        setEditing(null);
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  ) : (
                    <ResourceItem r={r} number={numbers.get(r.id) ?? 0} map={map} />
                  )}
                  {editable && editing !== r.id && (
                    <div className="rmap-actions">
                      <button type="button" aria-label={t('resilience.actions.edit', { label: r.label })} onClick={() => setEditing(r.id)}>
                        {t('resilience.actions.editShort')}
                      </button>
                      <button type="button" className="danger" aria-label={t('resilience.actions.remove', { label: r.label })} onClick={() => draft.change(removeResource(content, r.id), 'now')}>
                        {t('resilience.actions.removeShort')}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {editable && !adding && (
        <button type="button" className="secondary" aria-expanded={false} aria-controls={addFormId} onClick={() => setAdding(true)}>
          {t('resilience.actions.openAddResource')}
        </button>
      )}
      {editable && adding && (
        <div id={addFormId}>
          <h3>{t('resilience.actions.addResource')}</h3>
          <p className="help">{t('resilience.list.addHelp')}</p>
          <ResourceForm initial={newResource()} linkable={map.linkable} isNew onDone={(r: SupportResource) => draft.change(addResource(content, r), 'now')} />
        </div>
      )}
    </section>
  );
}

type TextKey = keyof ResilienceMap & ('goals' | 'studyFit' | 'wellbeingNeeds' | 'potential' | 'firstStep');

/** Challenges, goals, wellbeing, who or what could still help, and the first step. */
export function GoalsPart({ draft, editable }: PartProps) {
  const { t } = useTranslation();
  const { content } = draft;
  const [challenge, setChallenge] = useState({ text: '', when: 'now' as ChallengeTime });
  // As with resources: open on an empty list, behind a button once there are challenges.
  const [adding, setAdding] = useState(content.challenges.length === 0);
  const addFormId = useId();
  const text = (key: TextKey, labelKey: string) =>
    editable ? (
      <TextArea label={t(labelKey)} value={content[key]} maxLength={LIMITS.text} onChange={(e) => draft.change({ ...content, [key]: e.target.value }, 'typing')} onBlur={draft.flush} />
    ) : (
      <p className="rmap-readonly">
        <span className="rmap-readonly-label">{t(labelKey)}:</span> {content[key] || '—'}
      </p>
    );
  return (
    <>
      <section className="card" aria-labelledby="rmap-challenges-title">
        <h2 id="rmap-challenges-title">{t('resilience.sections.challenges')}</h2>
        {content.challenges.length === 0 && !editable && <p>—</p>}
        <ul className="rmap-items">
          {content.challenges.map((c) => (
            <li key={c.id} className="rmap-challenge">
              <span>
                {c.text} <span className="help">({t(`resilience.challengeWhen.${c.when}`)})</span>
              </span>
              {editable && (
                <button type="button" className="danger" aria-label={`${t('resilience.actions.removeChallenge')}: ${c.text}`} onClick={() => draft.change({ ...content, challenges: content.challenges.filter((x) => x.id !== c.id) }, 'now')}>
                  {t('resilience.actions.removeShort')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {editable && !adding && (
          <button type="button" className="secondary" aria-expanded={false} aria-controls={addFormId} onClick={() => setAdding(true)}>
            {t('resilience.actions.openAddChallenge')}
          </button>
        )}
        {editable && adding && (
          <form
            id={addFormId}
            className="rmap-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!challenge.text.trim()) return;
              draft.change({ ...content, challenges: [...content.challenges, { id: `c-${crypto.randomUUID()}`, text: challenge.text.trim(), when: challenge.when }] }, 'now');
              setChallenge({ text: '', when: 'now' });
            }}
          >
            <div className="rmap-form-grid">
              <Field label={t('resilience.fields.challenge')} value={challenge.text} maxLength={LIMITS.shortText} onChange={(e) => setChallenge({ ...challenge, text: e.target.value })} />
              <Select label={t('resilience.fields.challengeWhen')} value={challenge.when} onChange={(e) => setChallenge({ ...challenge, when: e.target.value as ChallengeTime })}>
                {CHALLENGE_TIMES.map((w) => (
                  <option key={w} value={w}>
                    {t(`resilience.challengeWhen.${w}`)}
                  </option>
                ))}
              </Select>
            </div>
            <button type="submit">{t('resilience.actions.addChallenge')}</button>
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
            onChange={(e) => draft.change({ ...content, wellbeing: e.target.value === '' ? null : Number(e.target.value) }, 'soon')}
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
        <h2 id="rmap-potential-title">{t('resilience.sections.potentialAndStep')}</h2>
        {text('potential', 'resilience.fields.potential')}
        {text('firstStep', 'resilience.fields.firstStep')}
      </section>
    </>
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
        <strong>{r.label}</strong> · {t(`resilience.places.${r.place}`)} · {t(`resilience.kinds.${r.kind}`)} · {t(`resilience.usages.${r.usage}`)}
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
