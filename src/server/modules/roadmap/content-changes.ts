/**
 * Pure reads of a roadmap content version: its factor ids, its interventions by id, and what
 * differs between an institution's copy and a newer shipped version (the offered update).
 */
import type { RoadmapFile, RoadmapIntervention } from '../../../contracts/content/roadmap';

/** Every factor id of a roadmap content version. */
export const factorIdsOf = (content: RoadmapFile): Set<string> => new Set(content.factors.map((f) => f.id));

/** Every intervention of a content version (principles' and factors'), by id. */
export function interventionsOf(content: RoadmapFile): Map<string, RoadmapIntervention> {
  const all = [...content.principles, ...content.factors].flatMap((x) => x.interventions);
  return new Map(all.map((i) => [i.id, i]));
}

export type ContentChange = {
  /** What changed: a stakeholder, principle, factor or intervention, by id. */
  item: string;
  kind: 'added' | 'removed' | 'changed';
  /** The Dutch title before and after (a changed item). */
  before?: string;
  after?: string;
};

type Item = { id: string; title: string; body: string };

function itemsOf(content: RoadmapFile): Map<string, Item> {
  const items = new Map<string, Item>();
  const put = (id: string, title: string, body: unknown) => items.set(id, { id, title, body: JSON.stringify(body) });
  for (const s of content.stakeholders) put(`stakeholder:${s.id}`, s.name.nl, s);
  for (const c of content.clusters) put(`cluster:${c.id}`, c.title.nl, c);
  for (const p of [...content.principles, ...content.factors]) {
    const { interventions, ...rest } = p;
    put(`${'cluster' in p ? 'factor' : 'principle'}:${p.id}`, p.title.nl, rest);
    for (const i of interventions) put(`intervention:${i.id}`, i.title.nl, i);
  }
  return items;
}

/** What differs between an institution's copy and a (newer) shipped version, item by item. */
export function contentChanges(current: RoadmapFile, offered: RoadmapFile): ContentChange[] {
  const a = itemsOf(current);
  const b = itemsOf(offered);
  const changes: ContentChange[] = [];
  for (const [id, item] of b) {
    const was = a.get(id);
    if (!was) changes.push({ item: id, kind: 'added', after: item.title });
    else if (was.body !== item.body) changes.push({ item: id, kind: 'changed', before: was.title, after: item.title });
  }
  for (const [id, item] of a) if (!b.has(id)) changes.push({ item: id, kind: 'removed', before: item.title });
  return changes;
}
