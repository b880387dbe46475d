import type { AttributeSpread, PlacementReason, StudentForGrouping } from './student-grouping-types.js';

/** Per-attribute totals, computed once per result rather than once per student. */
export type SpreadSummary = {
  readonly spread: AttributeSpread;
  /** Members per value over all communities. */
  readonly totals: readonly number[];
  /** Disclosing members per community. */
  readonly disclosedIn: readonly number[];
  readonly disclosed: number;
};

export function summarizeSpread(spread: AttributeSpread): SpreadSummary {
  const totals = spread.values.map((_, v) => spread.counts.reduce((s, row) => s + row[v]!, 0));
  const disclosedIn = spread.counts.map((row) => row.reduce((s, x) => s + x, 0));
  return { spread, totals, disclosedIn, disclosed: totals.reduce((s, x) => s + x, 0) };
}

export type ExplainContext = {
  readonly community: number;
  readonly label: string | null;
  readonly classId: string | null;
  readonly partnersTogether: readonly string[];
  readonly partnersApart: readonly string[];
  readonly spread: readonly SpreadSummary[];
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
  for (const { spread, totals, disclosedIn, disclosed } of context.spread) {
    const value = student.attributes[spread.attribute];
    if (value === null || value === undefined || value === '') continue;
    const v = spread.values.indexOf(value);
    const row = spread.counts[context.community];
    if (v < 0 || row === undefined) continue;
    const expected = disclosed === 0 ? 0 : (totals[v]! * disclosedIn[context.community]!) / disclosed;
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
