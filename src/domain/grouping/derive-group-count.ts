import { GroupingError } from './grouping-error.js';
import type { SizeBounds } from './student-grouping-types.js';

/**
 * The number of communities for n students with sizes in [min, max]: as few as possible (so
 * communities are full, which the programme prefers), i.e. ⌈n / max⌉, provided that many
 * communities can reach the minimum. Otherwise no count works and the error says so with the
 * numbers (e.g. 25 students cannot form communities of 7–8).
 */
export function deriveGroupCount(n: number, bounds: SizeBounds, scope: Record<string, unknown> = {}): number {
  if (!Number.isInteger(bounds.min) || !Number.isInteger(bounds.max) || bounds.min < 1 || bounds.max < bounds.min) {
    throw new GroupingError('invalid_bounds', `Invalid community size bounds ${bounds.min}–${bounds.max}.`, { ...bounds });
  }
  const m = Math.max(1, Math.ceil(n / bounds.max));
  if (n === 0 || m * bounds.min > n) {
    throw new GroupingError('infeasible_bounds', `${n} students cannot be split into communities of ${bounds.min}–${bounds.max}.`, {
      ...scope,
      n,
      min: bounds.min,
      max: bounds.max,
      minTotal: m * bounds.min,
      maxTotal: m * bounds.max,
    });
  }
  return m;
}
