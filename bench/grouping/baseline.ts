import { MatrixDeltaModel } from '../../src/domain/grouping/matrix-model.js';
import type { MdgpInstance } from '../../src/domain/grouping/mdgp-instance.js';
import { randomAssignment } from '../../src/domain/grouping/initial-assignment.js';
import { createRng } from '../../src/domain/grouping/prng.js';

/**
 * The yardstick the solver is compared with: a random start, then the best improving swap or
 * move until none is left (a local optimum), restarted until the time limit. It shares the O(1)
 * delta table, so the ratio measures the search strategy, not the bookkeeping.
 */
export function baselineLocalSearch(instance: MdgpInstance, timeLimitMs: number, seed: number): number {
  const { n, bounds } = instance;
  const m = bounds.lower.length;
  const model = new MatrixDeltaModel(instance);
  const rng = createRng(seed);
  const deadline = performance.now() + timeLimitMs;
  const size = new Int32Array(m);
  let best = -Infinity;
  do {
    const group = randomAssignment(n, bounds, null, rng);
    model.load(group);
    size.fill(0);
    for (let i = 0; i < n; i++) size[group[i]!]!++;
    for (;;) {
      let bestDelta = 1e-9;
      let bi = -1;
      let bj = -1;
      let bh = -1;
      for (let i = 0; i < n; i++) {
        const gi = group[i]!;
        const own = model.gain(i, gi);
        if (size[gi]! > bounds.lower[gi]!) {
          for (let h = 0; h < m; h++) {
            if (h === gi || size[h]! >= bounds.upper[h]!) continue;
            const delta = model.gain(i, h) - own;
            if (delta > bestDelta) [bestDelta, bi, bj, bh] = [delta, i, -1, h];
          }
        }
        for (let j = i + 1; j < n; j++) {
          const gj = group[j]!;
          if (gj === gi) continue;
          const delta = model.gain(i, gj) - own + model.gain(j, gi) - model.gain(j, gj) - 2 * model.distance(i, j);
          if (delta > bestDelta) [bestDelta, bi, bj, bh] = [delta, i, j, gj];
        }
      }
      if (bi < 0 || performance.now() >= deadline) break;
      const gi = group[bi]!;
      model.move(bi, gi, bh);
      group[bi] = bh;
      if (bj >= 0) {
        model.move(bj, bh, gi);
        group[bj] = gi;
      } else {
        size[gi]!--;
        size[bh]!++;
      }
    }
    best = Math.max(best, model.objectiveOf(group));
  } while (performance.now() < deadline);
  return best;
}
