/**
 * Merging two changes to one map (two tabs, or a coachee and their coach editing together): a
 * part only one side changed takes that side's change; resources and challenges merge item by
 * item. When both changed the same part (the same text field, the same resource) differently the
 * merge gives up (null), and the person chooses — an answer is never dropped silently.
 */
import type { ResilienceMap } from '../../../domain/resilience/model';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whose answer wins where both changed the same one: nobody (the merge gives up), or mine (the person chose to keep theirs). */
type Prefer = 'none' | 'mine';

function mergeValue<T>(base: T, mine: T, theirs: T, prefer: Prefer): { value: T } | null {
  if (same(mine, base) || same(mine, theirs)) return { value: theirs };
  if (same(theirs, base)) return { value: mine };
  return prefer === 'mine' ? { value: mine } : null;
}

function mergeItems<T extends { id: string }>(base: readonly T[], mine: readonly T[], theirs: readonly T[], prefer: Prefer): T[] | null {
  const byId = (items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
  const [b, m, t] = [byId(base), byId(mine), byId(theirs)];
  const order = [...theirs.map((i) => i.id), ...mine.map((i) => i.id).filter((id) => !t.has(id))];
  const merged: T[] = [];
  for (const id of order) {
    const one = mergeValue<T | undefined>(b.get(id), m.get(id), t.get(id), prefer);
    if (!one) return null;
    if (one.value) merged.push(one.value);
  }
  return merged;
}

export function mergeMaps(base: ResilienceMap, mine: ResilienceMap, theirs: ResilienceMap, prefer: Prefer = 'none'): ResilienceMap | null {
  const resources = mergeItems(base.resources, mine.resources, theirs.resources, prefer);
  const challenges = mergeItems(base.challenges, mine.challenges, theirs.challenges, prefer);
  if (!resources || !challenges) return null;
  const merged: ResilienceMap = { ...theirs, resources, challenges };
  for (const key of ['goals', 'studyFit', 'wellbeing', 'wellbeingNeeds', 'potential', 'firstStep'] as const) {
    const one = mergeValue(base[key], mine[key], theirs[key], prefer);
    if (!one) return null;
    (merged as Record<typeof key, unknown>)[key] = one.value;
  }
  return merged;
}
