import { readFileSync } from 'node:fs';
import highs from 'highs';
import { describe, expect, it } from 'vitest';
import { listMdgpInstances } from '../../../bench/grouping/shared-benchmarks.js';
import { mdgpObjective } from './evaluate-assignment.js';
import { uniformBounds } from './group-bounds.js';
import type { MdgpInstance } from './mdgp-instance.js';
import { mdgpToLp } from './mdgp-lp.js';
import { parseMdgplib } from './parse-mdgplib.js';
import { randomMdgpInstance } from './random-instance.js';
import { solveMdgp } from './solve-mdgp.js';

// The MIP is the independent referee: it proves optimality, the heuristic must reach it.
// Instances are chosen so that HiGHS stays well under a second each.
const solver = await highs();

function mipOptimum(instance: MdgpInstance): number {
  const solution = solver.solve(mdgpToLp(instance));
  expect(solution.Status).toBe('Optimal');
  return solution.ObjectiveValue;
}

describe('heuristic vs exact MIP (HiGHS)', () => {
  const files = listMdgpInstances().filter((f) => ['RanReal_n010_ss_01'].includes(f.name));

  it.each(files.map((f) => [f.name, f.file] as const))('matches the MIP optimum on %s', (_name, file) => {
    const instance = parseMdgplib(readFileSync(file, 'utf8'));
    const heuristic = solveMdgp(instance, { maxIterations: 3000, seed: 3 });
    expect(heuristic.objective).toBeCloseTo(mipOptimum(instance), 4);
  });

  it.each([
    { n: 8, bounds: uniformBounds(2, 3, 5), seed: 11 },
    { n: 8, bounds: { lower: Int32Array.from([2, 3, 1]), upper: Int32Array.from([3, 4, 4]) }, seed: 12 },
    { n: 8, bounds: uniformBounds(4, 2, 2), seed: 13 },
  ])('matches the MIP optimum on a random n = $n instance with mixed bounds', ({ n, bounds, seed }) => {
    const instance = randomMdgpInstance(n, bounds, seed);
    const heuristic = solveMdgp(instance, { maxIterations: 3000, seed });
    expect(heuristic.objective).toBeCloseTo(mipOptimum(instance), 4);
    expect(mdgpObjective(instance, heuristic.group)).toBeCloseTo(heuristic.objective, 6);
  });
});
