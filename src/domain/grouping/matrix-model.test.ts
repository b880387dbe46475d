import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniformBounds } from './group-bounds.js';
import { randomAssignment } from './initial-assignment.js';
import { MatrixDeltaModel } from './matrix-model.js';
import { createRng } from './prng.js';
import { randomMdgpInstance } from './random-instance.js';
import { applyMove, applySwap, createSearchContext, loadAssignment } from './search-context.js';

describe('MatrixDeltaModel incremental deltas', () => {
  it('move and swap deltas equal the full recompute after random steps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 2, max: 6 }),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 40 }),
        (m, perGroup, seed, steps) => {
          const n = m * perGroup;
          const bounds = uniformBounds(m, 1, perGroup + 2);
          const instance = randomMdgpInstance(n, bounds, seed);
          const model = new MatrixDeltaModel(instance);
          const rng = createRng(seed);
          const ctx = createSearchContext(model, bounds, null, rng);
          loadAssignment(ctx, randomAssignment(n, bounds, null, rng));
          for (const [x, y, isSwap] of steps) {
            const i = x % n;
            const j = y % n;
            const gi = ctx.group[i]!;
            const gj = ctx.group[j]!;
            if (isSwap && gi !== gj) {
              const delta = model.gain(i, gj) - model.gain(i, gi) + model.gain(j, gi) - model.gain(j, gj) - 2 * model.distance(i, j);
              applySwap(ctx, i, j, delta);
            } else if (!isSwap) {
              const h = y % m;
              if (h === gi || ctx.size[gi]! <= 1 || ctx.size[h]! >= perGroup + 2) continue;
              applyMove(ctx, i, h, model.gain(i, h) - model.gain(i, gi));
            }
            expect(ctx.objective).toBeCloseTo(model.objectiveOf(ctx.group), 6);
          }
          // The table itself matches a fresh load.
          const fresh = new MatrixDeltaModel(instance);
          fresh.load(ctx.group);
          for (let k = 0; k < n * m; k++) expect(model.table[k]).toBeCloseTo(fresh.table[k]!, 6);
        },
      ),
      { numRuns: 80 },
    );
  });
});
