import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundViolations } from './evaluate-assignment.js';
import { groupCrossover } from './group-crossover.js';
import { randomAssignment } from './initial-assignment.js';
import { MatrixDeltaModel } from './matrix-model.js';
import { createRng } from './prng.js';
import { randomMdgpInstance } from './random-instance.js';
import { pairMaximalSizes } from './size-profile.js';

const boundsArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 })), { minLength: 2, maxLength: 4 }).chain((pairs) => {
  const lower = Int32Array.from(pairs.map(([a]) => a));
  const upper = Int32Array.from(pairs.map(([a, extra]) => a + extra));
  const lo = lower.reduce((s, v) => s + v, 0);
  const hi = upper.reduce((s, v) => s + v, 0);
  return fc.record({ n: fc.integer({ min: lo, max: hi }), seed: fc.nat(), bounds: fc.constant({ lower, upper }) });
});

function bestPairsByEnumeration(n: number, lower: Int32Array, upper: Int32Array, g = 0): number {
  if (g === lower.length) return n === 0 ? 0 : -Infinity;
  let best = -Infinity;
  for (let s = lower[g]!; s <= upper[g]! && s <= n; s++) best = Math.max(best, (s * (s - 1)) / 2 + bestPairsByEnumeration(n - s, lower, upper, g + 1));
  return best;
}

describe('pairMaximalSizes', () => {
  it('returns sizes within the bounds that maximise the number of pairs', () => {
    fc.assert(
      fc.property(boundsArb, ({ n, seed, bounds }) => {
        const sizes = pairMaximalSizes(n, bounds, new Int32Array(bounds.lower.length), createRng(seed))!;
        expect(sizes.reduce((s, v) => s + v, 0)).toBe(n);
        sizes.forEach((s, g) => expect(s >= bounds.lower[g]! && s <= bounds.upper[g]!).toBe(true));
        expect(sizes.reduce((t, s) => t + (s * (s - 1)) / 2, 0)).toBe(bestPairsByEnumeration(n, bounds.lower, bounds.upper));
      }),
      { numRuns: 100 },
    );
  });
});

describe('groupCrossover', () => {
  it('always produces a child within the bounds that keeps pre-placed elements', () => {
    fc.assert(
      fc.property(boundsArb, ({ n, seed, bounds }) => {
        const rng = createRng(seed);
        const instance = randomMdgpInstance(n, bounds, seed);
        const fixed = new Int32Array(n).fill(-1);
        const first = randomAssignment(n, bounds, null, rng);
        fixed[0] = first[0]!;
        const second = randomAssignment(n, bounds, fixed, rng);
        const child = new Int32Array(n);
        groupCrossover(new MatrixDeltaModel(instance), bounds, fixed, first, second, rng, child);
        expect(boundViolations(bounds, child)).toEqual([]);
        expect(child[0]).toBe(fixed[0]);
      }),
      { numRuns: 150 },
    );
  });

  it('lifts a group chosen early whose parent could not fill it (a case fast-check found)', () => {
    // Group 2 was taken from a parent with one free member; later picks used up the elements
    // the leftovers needed to bring it to its lower bound of 2.
    const n = 11;
    const seed = 1066939926;
    const bounds = { lower: Int32Array.from([4, 3, 2, 1]), upper: Int32Array.from([7, 3, 4, 2]) };
    const rng = createRng(seed);
    const fixed = new Int32Array(n).fill(-1);
    const first = randomAssignment(n, bounds, null, rng);
    fixed[0] = first[0]!;
    const second = randomAssignment(n, bounds, fixed, rng);
    const child = new Int32Array(n);
    groupCrossover(new MatrixDeltaModel(randomMdgpInstance(n, bounds, seed)), bounds, fixed, first, second, rng, child);
    expect(boundViolations(bounds, child)).toEqual([]);
  });
});
