import { describe, expect, it } from 'vitest';
import { SchedulingError } from '../../domain/scheduling/errors';
import { randomInstance } from '../../domain/scheduling/random-instance';
import { runScheduling } from './run-scheduling';

describe('runScheduling (worker thread)', () => {
  it('solves in a worker and reports progress', async () => {
    const phases: string[] = [];
    const plan = await runScheduling({ instance: randomInstance({ seed: 3, communities: 6, days: 3, locations: 2, rooms: 2 }), seed: 1, timeLimitMs: 2000 }, { onProgress: (p) => phases.push(p.phase) });
    expect(plan.solution.placements).toHaveLength(6);
    expect(phases).toContain('done');
  }, 30_000);

  it('stops at once when cancelled, with SchedulingError CANCELLED', async () => {
    const controller = new AbortController();
    // Cancelled on the first progress report, so the outcome does not depend on how fast the
    // search is: the messages of one worker arrive in order, and the result comes after it.
    const started = Date.now();
    const running = runScheduling(
      { instance: randomInstance({ seed: 5, communities: 400, days: 5, locations: 3, rooms: 40 }), seed: 1, timeLimitMs: 60_000 },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchedulingError);
    expect((error as SchedulingError).code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 30_000);
});
