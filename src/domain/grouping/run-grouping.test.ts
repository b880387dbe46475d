import { describe, expect, it } from 'vitest';
import { syntheticCohort } from '../../../bench/grouping/synthetic-cohort.js';
import { GroupingAbortedError, runGrouping } from '../../server/engines/run-grouping.js';
import { uniformBounds } from './group-bounds.js';
import { GroupingError } from './grouping-error.js';
import { randomMdgpInstance } from './random-instance.js';
import type { SolveProgress } from './search-budget.js';
import { solveMdgp } from './solve-mdgp.js';

// Each worker boots its own tsx loader (~1 s), so the three cases run concurrently in one test.
describe('runGrouping (worker thread)', () => {
  it('returns the same result as in-process, forwards progress, aborts and keeps error types', async () => {
    const instance = randomMdgpInstance(40, uniformBounds(4, 10, 10), 5);
    const progress: SolveProgress[] = [];
    const controller = new AbortController();
    const started = performance.now();
    const long = runGrouping(
      { kind: 'mdgp', instance, options: { timeLimitMs: 20_000, progressIntervalMs: 20 } },
      {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      },
    );
    const [solved, aborted, failed] = await Promise.allSettled([
      runGrouping({ kind: 'mdgp', instance, options: { maxIterations: 300, seed: 4, progressIntervalMs: 0 } }, { onProgress: (p) => progress.push(p) }),
      long,
      runGrouping({ kind: 'communities', options: { students: syntheticCohort(25, 1), attributes: [{ key: 'language' }], maxIterations: 10 } }),
    ]);

    if (solved.status === 'rejected') throw solved.reason;
    if (solved.status === 'fulfilled') {
      expect(solved.value.objective).toBe(solveMdgp(instance, { maxIterations: 300, seed: 4 }).objective);
    }
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.fraction).toBe(1);

    expect(aborted.status).toBe('rejected');
    if (aborted.status === 'rejected') expect(aborted.reason).toBeInstanceOf(GroupingAbortedError);
    expect(performance.now() - started).toBeLessThan(15_000);

    expect(failed.status).toBe('rejected');
    if (failed.status === 'rejected') {
      expect(failed.reason).toBeInstanceOf(GroupingError);
      expect(failed.reason).toMatchObject({ code: 'infeasible_bounds', details: { n: 25 } });
    }
  });
});
