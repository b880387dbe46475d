import { GroupingError } from './grouping-error.js';

/** Per-group size bounds: group g must end up with lower[g] ≤ size ≤ upper[g] members. */
export type GroupBounds = {
  readonly lower: Int32Array;
  readonly upper: Int32Array;
};

/**
 * Rejects bounds no partition can satisfy, with the numbers a coordinator needs to fix the
 * request (how many people, how many seats at least and at most).
 */
export function assertFeasibleBounds(n: number, bounds: GroupBounds): void {
  const m = bounds.lower.length;
  if (m === 0 || bounds.upper.length !== m) {
    throw new GroupingError('invalid_bounds', 'There must be at least one group and one upper bound per lower bound.', {
      groups: m,
      upperBounds: bounds.upper.length,
    });
  }
  let minTotal = 0;
  let maxTotal = 0;
  for (let g = 0; g < m; g++) {
    const a = bounds.lower[g]!;
    const b = bounds.upper[g]!;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < a || b === 0) {
      throw new GroupingError('invalid_bounds', `Group ${g} has invalid size bounds ${a}–${b}.`, { group: g, lower: a, upper: b });
    }
    minTotal += a;
    maxTotal += b;
  }
  if (n < minTotal || n > maxTotal) {
    throw new GroupingError(
      'infeasible_bounds',
      `Cannot split ${n} people into ${m} groups: the bounds need between ${minTotal} and ${maxTotal} people.`,
      { n, m, minTotal, maxTotal },
    );
  }
}

/** Bounds where every one of the m groups has the same range. */
export function uniformBounds(m: number, lower: number, upper: number): GroupBounds {
  return { lower: new Int32Array(m).fill(lower), upper: new Int32Array(m).fill(upper) };
}
