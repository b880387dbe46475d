import type { AttributeSpread, PlacementReason, StudentForGrouping } from './student-grouping-types.js';

export type ExplainContext = {
  readonly community: number;
  readonly label: string | null;
  readonly classId: string | null;
  readonly partnersTogether: readonly string[];
  readonly partnersApart: readonly string[];
  readonly spread: readonly AttributeSpread[];
};

/**
 * Why a student is in their community, as reason codes with parameters (the UI translates them;
 * the domain never builds sentences). A value counts as "otherwise under-represented" when,
 * without this student, the community would hold fewer of it than its proportional share.
 */
export function explainPlacement(student: StudentForGrouping, context: ExplainContext): PlacementReason[] {
  const reasons: PlacementReason[] = [];
  if (context.label !== null) reasons.push({ code: 'pre_placed', params: { label: context.label } });
  if (context.classId !== null) reasons.push({ code: 'same_class', params: { classId: context.classId } });
  if (context.partnersTogether.length > 0) reasons.push({ code: 'kept_with', params: { studentIds: context.partnersTogether } });
  if (context.partnersApart.length > 0) reasons.push({ code: 'kept_apart_from', params: { studentIds: context.partnersApart } });
  for (const spread of context.spread) {
    const value = student.attributes[spread.attribute];
    if (value === null || value === undefined || value === '') continue;
    const v = spread.values.indexOf(value);
    const row = spread.counts[context.community];
    if (v < 0 || row === undefined) continue;
    const total = spread.counts.reduce((s, r) => s + r[v]!, 0);
    const disclosed = spread.counts.reduce((s, r) => s + r.reduce((x, y) => x + y, 0), 0);
    const inCommunity = row.reduce((x, y) => x + y, 0);
    const expected = disclosed === 0 ? 0 : (total * inCommunity) / disclosed;
    if (row[v]! - 1 < expected - 1e-9) {
      reasons.push({
        code: 'adds_under_represented_value',
        params: { attribute: spread.attribute, value, countInCommunity: row[v]!, expected: Math.round(expected * 100) / 100 },
      });
    }
  }
  const onlyContext = reasons.every((r): boolean => r.code === 'same_class');
  if (onlyContext) reasons.push({ code: 'balances_group_sizes', params: {} });
  return reasons;
}
