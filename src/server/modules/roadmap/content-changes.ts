/**
 * Pure reads of a roadmap content version: its factor ids, its interventions by id, and what
 * differs between an institution's copy and a newer shipped version (the offered update), grouped
 * per principle or factor so the beheerder reads it as "what changes in factor 4".
 */
import type { RoadmapFile, RoadmapIntervention } from '../../../contracts/content/roadmap';

type Text = { nl: string; en: string };

/** Every factor id of a roadmap content version. */
export const factorIdsOf = (content: RoadmapFile): Set<string> => new Set(content.factors.map((f) => f.id));

/** Every intervention of a content version (principles' and factors'), by id. */
export function interventionsOf(content: RoadmapFile): Map<string, RoadmapIntervention> {
  const all = [...content.principles, ...content.factors].flatMap((x) => x.interventions);
  return new Map(all.map((i) => [i.id, i]));
}

/** Where a change is: the list of stakeholders, of clusters, the roadmap's own texts, or a principle or factor. */
export type ChangeGroup = { kind: 'roadmap' | 'stakeholders' | 'clusters' | 'principle' | 'factor'; id: string; number: number | null; title: Text | null };

export type ContentChange = {
  /** What changed: a stakeholder, cluster, principle, factor or intervention, by id. */
  item: string;
  kind: 'added' | 'removed' | 'changed';
  /** The item's title (name) before and after. */
  before?: Text;
  after?: Text;
  /** Which of the item's fields differ (a changed item): title, description, stakeholders, horizon, … */
  fields: string[];
  group: ChangeGroup;
};

/** JSON with object keys sorted: a copy read back from jsonb has its keys in another order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

type Item = { id: string; title: Text; fields: Record<string, string>; group: ChangeGroup };

function itemsOf(content: RoadmapFile): Map<string, Item> {
  const items = new Map<string, Item>();
  const put = (id: string, title: Text, value: object, group: ChangeGroup) =>
    items.set(id, { id, title, group, fields: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)])) });
  const roadmapGroup: ChangeGroup = { kind: 'roadmap', id: 'roadmap', number: null, title: null };
  put('roadmap', content.title, { title: content.title, source: content.source }, roadmapGroup);
  for (const s of content.stakeholders) put(`stakeholder:${s.id}`, s.name, s, { kind: 'stakeholders', id: 'stakeholders', number: null, title: null });
  for (const c of content.clusters) put(`cluster:${c.id}`, c.title, c, { kind: 'clusters', id: 'clusters', number: null, title: null });
  for (const p of [...content.principles, ...content.factors]) {
    const { interventions, ...rest } = p;
    const kind = 'cluster' in p ? 'factor' : 'principle';
    const group: ChangeGroup = { kind, id: p.id, number: p.number, title: p.title };
    put(`${kind}:${p.id}`, p.title, rest, group);
    for (const i of interventions) put(`intervention:${i.id}`, i.title, i, group);
  }
  return items;
}

/** What differs between an institution's copy and a (newer) shipped version, item by item, in the offered version's order. */
export function contentChanges(current: RoadmapFile, offered: RoadmapFile): ContentChange[] {
  const a = itemsOf(current);
  const b = itemsOf(offered);
  const changes: ContentChange[] = [];
  for (const [id, item] of b) {
    const was = a.get(id);
    if (!was) {
      changes.push({ item: id, kind: 'added', after: item.title, fields: [], group: item.group });
      continue;
    }
    const keys = [...new Set([...Object.keys(was.fields), ...Object.keys(item.fields)])].filter((k) => k !== 'id');
    const fields = keys.filter((k) => was.fields[k] !== item.fields[k]);
    if (fields.length > 0) changes.push({ item: id, kind: 'changed', before: was.title, after: item.title, fields, group: item.group });
  }
  for (const [id, item] of a) if (!b.has(id)) changes.push({ item: id, kind: 'removed', before: item.title, fields: [], group: item.group });
  return changes;
}
