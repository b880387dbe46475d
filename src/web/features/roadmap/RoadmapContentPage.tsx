import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HORIZONS, ROADMAP_FIGURE_KEYS, type Horizon, type RoadmapFigureKey, type RoadmapFile, type RoadmapIntervention } from '../../../contracts/content/roadmap';
import type { RoadmapContentResponse } from '../../../contracts/roadmap';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { CheckField, errorsOf } from '../../components/form-fields';
import { PageState } from '../../components/PageState';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { roadmapApi } from './api';
import './roadmap.css';

type Lang = 'nl' | 'en';
type Text = { nl: string; en: string };
type Change = NonNullable<RoadmapContentResponse['offered']>['changes'][number];

/**
 * The beheerder's page: the institution's own version of the roadmap content, edited as forms —
 * the stakeholders, and per principle and factor the texts, interventions (with stakeholders and
 * horizon) and the programme's figures — and a newer shipped version on offer, with what it
 * would change per factor, to take over or to decline.
 */
export function RoadmapContentPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('roadmap.content.title'));
  const query = useQuery({ queryKey: ['roadmap-content'], queryFn: roadmapApi.content, retry: false });
  // The confirmation lives here: a saved version re-creates the editor below.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <div className="stack">
      <h1>{t('roadmap.content.title')}</h1>
      <p>{t('roadmap.content.intro')}</p>
      <p role="status" className="roadmap-saved">
        {savedVersion !== null ? t('roadmap.content.saved', { version: savedVersion }) : ''}
      </p>
      <PageState query={query}>{(data) => <Editor key={data.version} data={data} onSaved={setSavedVersion} />}</PageState>
    </div>
  );
}

const lang = (l: string): Lang => (l.startsWith('en') ? 'en' : 'nl');

function Editor({ data, onSaved }: { data: RoadmapContentResponse; onSaved: (version: number | null) => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<RoadmapFile>(() => structuredClone(data.content));
  const [open, setOpen] = useState<string | null>(null);
  const refresh = async (saved: { version: number }) => {
    onSaved(saved.version);
    await client.invalidateQueries({ queryKey: ['roadmap-content'] });
  };
  const save = useMutation({ mutationFn: () => roadmapApi.saveContent({ content: draft, baseVersion: data.version }), onSuccess: refresh });
  const adopt = useMutation({ mutationFn: () => roadmapApi.adopt(data.version), onSuccess: refresh });
  const keep = useMutation({ mutationFn: () => roadmapApi.keepOwn(data.version), onSuccess: refresh });
  const errors = errorsOf(save.error ?? adopt.error ?? keep.error);
  const err = (path: string) => errors.fields[`content.${path}`];
  const l = lang(i18n.language);
  const update = (change: (d: RoadmapFile) => void) =>
    setDraft((d) => {
      const next = structuredClone(d);
      change(next);
      return next;
    });
  const usage = (stakeholderId: string) => [...draft.principles, ...draft.factors].flatMap((x) => x.interventions).filter((i) => i.stakeholders.includes(stakeholderId)).length;

  return (
    <>
      <p>{data.version === 0 ? t('roadmap.content.shipped', { shipped: data.shippedVersion }) : t('roadmap.content.version', { version: data.version, shipped: data.basedOnShipped })}</p>
      {data.offered && (
        <section className="card" aria-labelledby="roadmap-offered">
          <h2 id="roadmap-offered">{t('roadmap.content.offered', { version: data.offered.shippedVersion })}</h2>
          <p>{t('roadmap.content.offeredHelp')}</p>
          <OfferedChanges changes={data.offered.changes} />
          <div className="actions">
            <button type="button" onClick={() => adopt.mutate()} disabled={adopt.isPending || keep.isPending}>
              {t('roadmap.content.adopt')}
            </button>
            <button type="button" className="secondary" onClick={() => keep.mutate()} disabled={adopt.isPending || keep.isPending}>
              {t('roadmap.content.keepOwn')}
            </button>
          </div>
        </section>
      )}
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSaved(null);
          save.mutate();
        }}
      >
        {(errors.fields.content ?? errors.form) && <Alert kind="error">{errors.fields.content ?? errors.form}</Alert>}

        <section className="card" aria-labelledby="roadmap-content-stakeholders">
          <h2 id="roadmap-content-stakeholders">{t('roadmap.content.stakeholders')}</h2>
          <p>{t('roadmap.content.stakeholdersHelp')}</p>
          <ul className="roadmap-edit-list">
            {draft.stakeholders.map((s, i) => {
              const used = usage(s.id);
              return (
                <li key={s.id}>
                  <fieldset>
                    <legend>{s.name[l] || t('roadmap.content.newStakeholder')}</legend>
                    <TextPair label={t('roadmap.content.name')} value={s.name} errorOf={(x) => err(`stakeholders.${i}.name.${x}`)} onChange={(x, v) => update((d) => void (d.stakeholders[i]!.name[x] = v))} />
                    {used > 0 ? (
                      <p className="help">{t('roadmap.content.stakeholderUsed', { count: used })}</p>
                    ) : (
                      <button type="button" className="secondary" onClick={() => update((d) => void d.stakeholders.splice(i, 1))}>
                        {t('roadmap.content.removeStakeholder', { name: s.name[l] })}
                      </button>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </ul>
          <button type="button" className="secondary" onClick={() => update((d) => void d.stakeholders.push({ id: freshId('betrokkene', d.stakeholders.map((s) => s.id)), name: { nl: '', en: '' } }))}>
            {t('roadmap.content.addStakeholder')}
          </button>
        </section>

        {(['principles', 'factors'] as const).map((list) => (
          <section key={list} className="card" aria-labelledby={`roadmap-content-${list}`}>
            <h2 id={`roadmap-content-${list}`}>{t(`roadmap.${list}`)}</h2>
            {draft[list].map((p, pi) => {
              const key = `${list}.${pi}`;
              const hasError = Object.keys(errors.fields).some((f) => f.startsWith(`content.${key}.`));
              return (
                <details key={p.id} className="roadmap-edit-item" open={open === key || hasError} onToggle={(e) => e.currentTarget.open && setOpen(key)}>
                  <summary>
                    {p.number}. {p.title[l]}
                    {hasError && <span className="field-error"> — {t('roadmap.content.hasErrors')}</span>}
                  </summary>
                  {(open === key || hasError) && (
                    <div className="stack">
                      <TextPair label={t('roadmap.content.titleField')} value={p.title} errorOf={(x) => err(`${key}.title.${x}`)} onChange={(x, v) => update((d) => void (d[list][pi]!.title[x] = v))} />
                      {list === 'factors' && (
                        <TextPair
                          label={t('roadmap.content.note')}
                          optional
                          value={(p as RoadmapFile['factors'][number]).note ?? { nl: '', en: '' }}
                          errorOf={(x) => err(`${key}.note.${x}`)}
                          onChange={(x, v) =>
                            update((d) => {
                              const f = d.factors[pi]!;
                              const note = { ...(f.note ?? { nl: '', en: '' }), [x]: v };
                              if (note.nl === '' && note.en === '') delete f.note;
                              else f.note = note;
                            })
                          }
                        />
                      )}
                      <fieldset>
                        <legend>{t('roadmap.content.figures')}</legend>
                        <p className="help">{t('roadmap.content.figuresHelp')}</p>
                        {ROADMAP_FIGURE_KEYS.map((k) => (
                          <CheckField
                            key={k}
                            label={t(`roadmap.evidence.${k}`)}
                            checked={(p.evidence ?? []).includes(k)}
                            onChange={(on) =>
                              update((d) => {
                                const item = d[list][pi]!;
                                const next: RoadmapFigureKey[] = ROADMAP_FIGURE_KEYS.filter((x) => (x === k ? on : (item.evidence ?? []).includes(x)));
                                if (next.length === 0) delete item.evidence;
                                else item.evidence = next;
                              })
                            }
                          />
                        ))}
                      </fieldset>
                      <h3 className="roadmap-small-heading">{t('roadmap.interventions')}</h3>
                      {err(`${key}.interventions`) && <p className="field-error">{err(`${key}.interventions`)}</p>}
                      <ol className="roadmap-edit-list">
                        {p.interventions.map((iv, ii) => (
                          <li key={iv.id}>
                            <InterventionForm
                              iv={iv}
                              index={ii + 1}
                              stakeholders={draft.stakeholders}
                              errorOf={(path) => err(`${key}.interventions.${ii}.${path}`)}
                              onChange={(change) => update((d) => change(d[list][pi]!.interventions[ii]!))}
                              onRemove={p.interventions.length > 1 ? () => update((d) => void d[list][pi]!.interventions.splice(ii, 1)) : null}
                            />
                          </li>
                        ))}
                      </ol>
                      <button
                        type="button"
                        className="secondary"
                        onClick={() =>
                          update((d) => {
                            const all = [...d.principles, ...d.factors].flatMap((x) => x.interventions.map((i) => i.id));
                            d[list][pi]!.interventions.push({ id: freshId(`${p.id}-eigen`, all), title: { nl: '', en: '' }, stakeholders: [], horizon: ['short'] });
                          })
                        }
                      >
                        {t('roadmap.content.addIntervention')}
                      </button>
                    </div>
                  )}
                </details>
              );
            })}
          </section>
        ))}

        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            {t('roadmap.content.save')}
          </button>
          <button type="button" className="secondary" onClick={() => setDraft(structuredClone(data.content))}>
            {t('roadmap.content.undo')}
          </button>
        </div>
      </form>
    </>
  );
}

/** A new kebab-case id that is not taken. */
function freshId(base: string, taken: readonly string[]): string {
  for (let n = 1; ; n += 1) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** A Dutch and an English text field for one text. */
function TextPair({ label, value, optional, errorOf, onChange }: { label: string; value: Text; optional?: boolean; errorOf: (l: Lang) => string | undefined; onChange: (l: Lang, v: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="roadmap-text-pair">
      {(['nl', 'en'] as const).map((x) => (
        <Field
          key={x}
          label={t(`roadmap.content.in.${x}`, { label })}
          help={optional ? t('roadmap.content.optional') : undefined}
          value={value[x]}
          error={errorOf(x)}
          onChange={(e) => onChange(x, e.target.value)}
          lang={x}
        />
      ))}
    </div>
  );
}

function InterventionForm({
  iv,
  index,
  stakeholders,
  errorOf,
  onChange,
  onRemove,
}: {
  iv: RoadmapIntervention;
  index: number;
  stakeholders: RoadmapFile['stakeholders'];
  errorOf: (path: string) => string | undefined;
  onChange: (change: (iv: RoadmapIntervention) => void) => void;
  onRemove: (() => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const description = iv.description ?? { nl: '', en: '' };
  const toggle = <T extends string>(list: readonly T[] | undefined, value: T, on: boolean, order: readonly T[]): T[] => order.filter((x) => (x === value ? on : (list ?? []).includes(x)));
  return (
    <fieldset>
      <legend>{t('roadmap.content.intervention', { number: index })}</legend>
      <TextPair label={t('roadmap.content.titleField')} value={iv.title} errorOf={(x) => errorOf(`title.${x}`)} onChange={(x, v) => onChange((i) => void (i.title[x] = v))} />
      <TextPair
        label={t('roadmap.content.description')}
        optional
        value={description}
        errorOf={(x) => errorOf(`description.${x}`)}
        onChange={(x, v) =>
          onChange((i) => {
            const next = { ...(i.description ?? { nl: '', en: '' }), [x]: v };
            if (next.nl === '' && next.en === '') delete i.description;
            else i.description = next;
          })
        }
      />
      <fieldset>
        <legend>{t('roadmap.content.horizon')}</legend>
        {errorOf('horizon') && <p className="field-error">{errorOf('horizon')}</p>}
        <div className="roadmap-checks">
          {HORIZONS.map((h) => (
            <CheckField
              key={h}
              label={t(`roadmap.horizon.${h}`)}
              checked={(iv.horizon ?? []).includes(h)}
              onChange={(on) =>
                onChange((i) => {
                  const next = toggle<Horizon>(i.horizon, h, on, HORIZONS);
                  if (next.length === 0) delete i.horizon;
                  else i.horizon = next;
                })
              }
            />
          ))}
        </div>
      </fieldset>
      <details className="roadmap-edit-stakeholders" open={errorOf('stakeholders') !== undefined}>
        <summary>{t('roadmap.content.interventionStakeholders', { count: iv.stakeholders.length })}</summary>
        {errorOf('stakeholders') && <p className="field-error">{errorOf('stakeholders')}</p>}
        <fieldset>
          <legend>{t('roadmap.content.stakeholders')}</legend>
          <div className="roadmap-checks">
            {stakeholders.map((s) => (
              <CheckField
                key={s.id}
                label={s.name[l] || s.id}
                checked={iv.stakeholders.includes(s.id)}
                onChange={(on) =>
                  onChange((i) => {
                    i.stakeholders = toggle(i.stakeholders, s.id, on, stakeholders.map((x) => x.id));
                  })
                }
              />
            ))}
          </div>
        </fieldset>
      </details>
      {onRemove && (
        <button type="button" className="secondary" onClick={onRemove}>
          {t('roadmap.content.removeIntervention', { number: index })}
        </button>
      )}
    </fieldset>
  );
}

/** The offered update, grouped per principle or factor: what would be new, gone or different. */
function OfferedChanges({ changes }: { changes: Change[] }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const groups = new Map<string, { group: Change['group']; changes: Change[] }>();
  for (const c of changes) {
    const key = `${c.group.kind}:${c.group.id}`;
    if (!groups.has(key)) groups.set(key, { group: c.group, changes: [] });
    groups.get(key)!.changes.push(c);
  }
  if (changes.length === 0) return <p>{t('roadmap.content.noChanges')}</p>;
  const headingOf = (g: Change['group']): ReactNode =>
    g.kind === 'principle' || g.kind === 'factor' ? t(`roadmap.content.group.${g.kind}`, { number: g.number ?? 0, title: g.title?.[l] ?? '' }) : t(`roadmap.content.group.${g.kind}`);
  return (
    <div className="roadmap-changes">
      {[...groups.values()].map(({ group, changes: list }) => (
        <div key={`${group.kind}:${group.id}`}>
          <h3 className="roadmap-small-heading">{headingOf(group)}</h3>
          <ul>
            {list.map((c) => {
              const title = (c.after ?? c.before)?.[l] ?? c.item;
              return (
                <li key={c.item}>
                  <strong>{t(`roadmap.content.kind.${c.kind}`)}:</strong> {c.kind === 'changed' && c.before && c.after && c.before[l] !== c.after[l] ? `${c.before[l]} → ${c.after[l]}` : title}
                  {c.kind === 'changed' && <span className="roadmap-meta">{t('roadmap.content.changedFields', { fields: c.fields.map((f) => t(`roadmap.content.field.${f}`)).join(', ') })}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
