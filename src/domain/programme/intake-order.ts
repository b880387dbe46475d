/**
 * The order in which a coordinator sees a programme's intakes: this year's on top. Newest academic
 * year first; within a year September before February — the year's main intake, and the current
 * one for the whole first half of the year, when most group and schedule work happens.
 */
export type OrderedIntake = { academicYear: string; month: 'september' | 'february' };

const MONTH_RANK: Record<OrderedIntake['month'], number> = { september: 0, february: 1 };

/** Sort comparator: newest academic year first, then September before February. */
export function newestIntakeFirst(a: OrderedIntake, b: OrderedIntake): number {
  if (a.academicYear !== b.academicYear) return a.academicYear < b.academicYear ? 1 : -1;
  return MONTH_RANK[a.month] - MONTH_RANK[b.month];
}
