import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capture } from '../../../test/support/capture.js';
import { listMdgpInstances, readBestKnown } from '../../../bench/grouping/shared-benchmarks.js';
import { boundViolations, mdgpObjective } from './evaluate-assignment.js';
import { uniformBounds } from './group-bounds.js';
import { GroupingError } from './grouping-error.js';
import { parseMdgplib } from './parse-mdgplib.js';
import { randomMdgpInstance } from './random-instance.js';
import { solveMdgp } from './solve-mdgp.js';

describe('solveMdgp on MDGPLIB instances with n ≤ 12', () => {
  const bestKnown = readBestKnown();
  const small = listMdgpInstances().filter((f) => f.n <= 12);

  it('covers all 8 small instances', () => {
    expect(small).toHaveLength(8);
  });

  it.each(small.map((f) => [f.name, f.file] as const))('finds the exact optimum of %s', (name, file) => {
    const instance = parseMdgplib(readFileSync(file, 'utf8'));
    const result = solveMdgp(instance, { maxIterations: 4000, seed: 7 });
    expect(boundViolations(instance.bounds, result.group)).toEqual([]);
    expect(result.objective).toBeCloseTo(bestKnown.get(name)!, 3);
    expect(mdgpObjective(instance, result.group)).toBeCloseTo(result.objective, 6);
  });
});

describe('solveMdgp properties', () => {
  const boundsArb = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 5 })
    .chain((pairs) => {
      const lower = Int32Array.from(pairs.map(([a]) => a));
      const upper = Int32Array.from(pairs.map(([a, extra]) => a + extra));
      const minTotal = lower.reduce((s, v) => s + v, 0);
      const maxTotal = upper.reduce((s, v) => s + v, 0);
      return fc.record({ n: fc.integer({ min: minTotal, max: maxTotal }), seed: fc.nat(), bounds: fc.constant({ lower, upper }) });
    });

  it('always returns an assignment within the bounds whose objective matches a full recompute', () => {
    fc.assert(
      fc.property(boundsArb, ({ n, seed, bounds }) => {
        const instance = randomMdgpInstance(n, bounds, seed);
        const result = solveMdgp(instance, { maxIterations: 200, seed });
        expect(boundViolations(bounds, result.group)).toEqual([]);
        expect(result.objective).toBeCloseTo(mdgpObjective(instance, result.group), 6);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic for a seed and an iteration budget', () => {
    const instance = randomMdgpInstance(60, uniformBounds(6, 8, 12), 3);
    const a = solveMdgp(instance, { maxIterations: 1500, seed: 42 });
    const b = solveMdgp(instance, { maxIterations: 1500, seed: 42 });
    expect(Array.from(a.group)).toEqual(Array.from(b.group));
    expect(a.objective).toBe(b.objective);
    expect(a.stopReason).toBe('budget');
  });

  it('keeps pre-placed elements in their group', () => {
    const instance = randomMdgpInstance(30, uniformBounds(3, 10, 10), 5);
    const fixed = new Int32Array(30).fill(-1);
    fixed[0] = 2;
    fixed[1] = 2;
    fixed[2] = 0;
    const result = solveMdgp(instance, { maxIterations: 500, seed: 1, fixed });
    expect([result.group[0], result.group[1], result.group[2]]).toEqual([2, 2, 0]);
  });

  it.each([
    { n: 10, lower: 4, upper: 4, m: 3, minTotal: 12, maxTotal: 12 },
    { n: 30, lower: 2, upper: 3, m: 4, minTotal: 8, maxTotal: 12 },
  ])('rejects infeasible bounds for n = $n with the numbers', ({ n, lower, upper, m, minTotal, maxTotal }) => {
    const instance = randomMdgpInstance(n, uniformBounds(m, lower, upper), 1);
    const error = capture(() => solveMdgp(instance, { maxIterations: 10 }));
    expect(error).toBeInstanceOf(GroupingError);
    expect(error).toMatchObject({ code: 'infeasible_bounds', details: { n, minTotal, maxTotal } });
  });

  it('reports progress and stops on an aborted signal', () => {
    const instance = randomMdgpInstance(40, uniformBounds(4, 10, 10), 2);
    const controller = new AbortController();
    const seen: number[] = [];
    const result = solveMdgp(instance, {
      timeLimitMs: 5000,
      progressIntervalMs: 0,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.fraction);
        if (p.iterations >= 50) controller.abort();
      },
    });
    expect(result.stopReason).toBe('aborted');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(1);
    expect(boundViolations(instance.bounds, result.group)).toEqual([]);
  });
});
