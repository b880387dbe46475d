import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttributeDeltaModel, type PairTerm } from './attribute-model.js';
import { uniformBounds } from './group-bounds.js';
import { randomAssignment } from './initial-assignment.js';
import { createRng } from './prng.js';
import { searchPartition } from './search-partition.js';

/** Brute-force d_ij and objective, the definition the model must agree with. */
function bruteObjective(values: Int32Array, A: number, weights: number[], pairs: PairTerm[], group: Int32Array): number {
  const n = group.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (group[i] !== group[j]) continue;
      for (let a = 0; a < A; a++) {
        const vi = values[i * A + a]!;
        const vj = values[j * A + a]!;
        if (vi >= 0 && vj >= 0 && vi !== vj) total += weights[a]!;
      }
    }
  }
  for (const p of pairs) if (group[p.i] === group[p.j]) total += p.value;
  return total;
}

describe('AttributeDeltaModel', () => {
  it('gains, distances and objective agree with the pairwise definition (missing values count nothing)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.nat(), (m, A, seed) => {
        const rng = createRng(seed);
        const n = m * 4;
        const valueCounts = Int32Array.from({ length: A }, () => 1 + rng.nextInt(4));
        const values = Int32Array.from({ length: n * A }, (_, k) => (rng.nextInt(5) === 0 ? -1 : rng.nextInt(valueCounts[k % A]!)));
        const weights = Array.from({ length: A }, () => 0.5 + rng.nextInt(3));
        const pairs: PairTerm[] = [
          { i: 0, j: 1, value: 50 },
          { i: 2, j: 3, value: -50 },
        ];
        const model = new AttributeDeltaModel({ n, attributeCount: A, valueCounts, weights: Float64Array.from(weights), values }, m, pairs);
        const bounds = uniformBounds(m, 2, 6);
        const group = randomAssignment(n, bounds, null, rng);
        model.load(group);
        for (let step = 0; step < 30; step++) {
          const i = rng.nextInt(n);
          const h = rng.nextInt(m);
          const before = bruteObjective(values, A, weights, pairs, group);
          const g = group[i]!;
          const predicted = model.gain(i, h) - model.gain(i, g);
          model.move(i, g, h);
          group[i] = h;
          const after = bruteObjective(values, A, weights, pairs, group);
          expect(after - before).toBeCloseTo(h === g ? 0 : predicted, 9);
          expect(model.objectiveOf(group)).toBeCloseTo(after, 9);
        }
        const j = (1 + rng.nextInt(n - 1)) % n;
        // Only 0 and j share a group, everybody else is alone: the objective is exactly d_0j.
        const pairOnly = Int32Array.from({ length: n }, (_, k) => (k === 0 || k === j ? 0 : k + 1));
        expect(model.distance(0, j)).toBeCloseTo(bruteObjective(values, A, weights, pairs, pairOnly), 9);
      }),
      { numRuns: 60 },
    );
  });

  it('drives the shared search to an even spread', () => {
    const n = 40;
    const values = Int32Array.from({ length: n }, (_, i) => (i < 10 ? 0 : 1));
    const model = new AttributeDeltaModel({ n, attributeCount: 1, valueCounts: Int32Array.of(2), weights: Float64Array.of(1), values }, 5);
    const result = searchPartition(model, uniformBounds(5, 8, 8), { maxIterations: 300, seed: 2 });
    const perGroup = new Array<number>(5).fill(0);
    for (let i = 0; i < 10; i++) perGroup[result.group[i]!]!++;
    expect(perGroup).toEqual([2, 2, 2, 2, 2]);
  });
});
