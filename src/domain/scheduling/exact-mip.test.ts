import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSolution } from './check-solution.js';
import { solveExactMip } from './exact-mip.js';
import { parseSchedulingInstance } from './instance.js';
import { compileModel } from './model.js';
import { randomInstance } from './random-instance.js';
import { solveSessionPlacementSync, toSolution } from './solve-session-placement.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const sharedDir = process.env['PEERKRACHT_SHARED_DIR'] ?? path.resolve(repoRoot, '../shared');

describe('heuristic equals the exact MIP (HiGHS)', () => {
  // Tight rooms (1 per location) and shared coaches make these small cases genuinely constrained.
  const cases = [
    { seed: 1, communities: 8, coaches: 8 },
    { seed: 4, communities: 14, coaches: 10 },
    { seed: 6, communities: 12, coaches: 3 },
  ];

  it.each(cases)('random instance seed $seed ($communities communities, $coaches coaches)', async (c) => {
    const instance = randomInstance({ ...c, days: 2, rooms: 1 });
    const model = compileModel(instance);
    const exact = await solveExactMip(model);
    expect(exact.status).toBe('Optimal');
    expect(checkSolution(instance, toSolution(model, exact.assign, exact.objective)).valid).toBe(true);
    const plan = solveSessionPlacementSync({ instance, seed: 1 });
    expect(plan.solution.objective).toBe(exact.objective);
    expect(plan.search.lowerBound).toBeLessThanOrEqual(exact.objective);
  });

  it('agrees on the shared small instance (8070), and pruning with an upper bound keeps it exact', async () => {
    const file = path.join(sharedDir, 'benchmarks/scheduling/instances/small-01.json');
    const model = compileModel(parseSchedulingInstance(JSON.parse(readFileSync(file, 'utf8'))));
    const pruned = await solveExactMip(model, { upperBound: 8070 });
    expect(pruned.status).toBe('Optimal');
    expect(pruned.objective).toBe(8070);
  });
});
