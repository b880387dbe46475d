import type { AttributeSpread } from './student-grouping-types.js';

/**
 * Spread of one attribute over the communities. values[i] is the value code of student i (−1 =
 * not disclosed); proportional share of value v in community c = total_v · disclosed_c / disclosed.
 */
export function attributeSpread(
  attribute: string,
  valueNames: readonly string[],
  values: ArrayLike<number>,
  community: ArrayLike<number>,
  communityCount: number,
): AttributeSpread {
  const V = valueNames.length;
  const counts = Array.from({ length: communityCount }, () => new Array<number>(V).fill(0));
  const undisclosed = new Array<number>(communityCount).fill(0);
  const totals = new Array<number>(V).fill(0);
  let disclosed = 0;
  for (let i = 0; i < values.length; i++) {
    const c = community[i]!;
    const v = values[i]!;
    if (c < 0 || c >= communityCount) continue;
    if (v < 0) {
      undisclosed[c]!++;
      continue;
    }
    counts[c]![v]!++;
    totals[v]!++;
    disclosed++;
  }
  let deviation = 0;
  for (let c = 0; c < communityCount; c++) {
    const row = counts[c]!;
    const inC = row.reduce((s, x) => s + x, 0);
    for (let v = 0; v < V; v++) deviation += Math.abs(row[v]! - (totals[v]! * inC) / Math.max(1, disclosed));
  }
  const concentration = totals.reduce((s, t) => s + (t / Math.max(1, disclosed)) ** 2, 0);
  const maxDeviation = 2 * disclosed * (1 - concentration);
  const evenness = maxDeviation <= 1e-12 ? 1 : Math.min(1, Math.max(0, 1 - deviation / maxDeviation));
  return { attribute, values: valueNames, counts, undisclosed, evenness };
}
