/**
 * The coach pool at a glance (report problem P11: do the coaches reflect the students?), for the
 * coordinator. Aggregates only: no person is named, and the role-model self-descriptions (which
 * may touch special categories) are counted — only those of coaches who chose to disclose one —
 * never shown. Cells of 1–4 people are suppressed, and where a dimension's cells add up to a
 * shown total, one more cell is suppressed so the hidden one cannot be worked out.
 */
import { COACH_STATUSES, type CoachStatus } from './coach-lifecycle';

export const MIN_CELL = 5;

export type PoolCoach = { status: CoachStatus; studyYear: number | null; languages: readonly string[]; roleModelDisclosed: boolean };
/** A count, or null: "fewer than MIN_CELL" (and more than zero). */
export type Cell<K extends string | number> = { key: K; count: number | null };
export type CoachPool = {
  /** Coaches not (yet) gone: onboarding, active, paused, leaving. */
  total: number;
  byStatus: Cell<CoachStatus>[];
  byYear: Cell<number | 'unknown'>[];
  /** Multi-valued (a coach speaks several), so these do not add up to the total. */
  byLanguage: Cell<string>[];
  roleModels: number | null;
};

const hide = (n: number) => (n > 0 && n < MIN_CELL ? null : n);

/** Suppresses small cells; if exactly one cell is hidden in a dimension that sums to a shown total, hides the next smallest too. */
function suppress<K extends string | number>(counts: [K, number][], additive: boolean): Cell<K>[] {
  const cells = counts.map(([key, n]) => ({ key, count: hide(n), n }));
  if (additive && cells.filter((c) => c.count === null).length === 1) {
    const next = cells.filter((c) => c.count !== null && c.n > 0).sort((a, b) => a.n - b.n)[0];
    if (next) next.count = null;
  }
  return cells.map(({ key, count }) => ({ key, count }));
}

export function coachPool(coaches: readonly PoolCoach[]): CoachPool {
  const current = coaches.filter((c) => c.status !== 'left');
  const tally = <K extends string | number>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const statuses = tally(coaches.map((c) => c.status));
  const years = tally(current.map((c) => c.studyYear ?? ('unknown' as const)));
  const languages = tally(current.flatMap((c) => [...new Set(c.languages)]));
  return {
    total: current.length,
    byStatus: suppress(COACH_STATUSES.map((s) => [s, statuses.get(s) ?? 0] as [CoachStatus, number]), true),
    byYear: suppress(
      [...years.entries()].sort(([a], [b]) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a - b)),
      true,
    ),
    byLanguage: suppress([...languages.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)), false),
    roleModels: hide(current.filter((c) => c.roleModelDisclosed).length),
  };
}
