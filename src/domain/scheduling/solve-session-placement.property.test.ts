import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSolution } from './check-solution.js';
import { solveExactMip } from './exact-mip.js';
import { compileModel } from './model.js';
import { randomInstance } from './random-instance.js';
import { solveSessionPlacementSync } from './solve-session-placement.js';

describe('solver properties on random instances', () => {
  it('every returned plan passes the checker and respects both lower bounds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 0, max: 1_000_000 }),
          communities: fc.integer({ min: 1, max: 12 }),
          coachShare: fc.integer({ min: 1, max: 3 }),
          days: fc.integer({ min: 1, max: 3 }),
          rooms: fc.integer({ min: 1, max: 2 }),
          solverSeed: fc.integer({ min: 0, max: 1000 }),
        }),
        async ({ seed, communities, coachShare, days, rooms, solverSeed }) => {
          const instance = randomInstance({ seed, communities, days, rooms, coaches: Math.ceil(communities / coachShare) });
          let plan;
          try {
            plan = solveSessionPlacementSync({ instance, seed: solverSeed, stallKicks: 20 });
          } catch (error) {
            // Only typed errors, and "no plan found" only when the exact MIP agrees there is none.
            const code = (error as { code?: string }).code;
            expect(['INSUFFICIENT_CAPACITY', 'COACH_NEVER_AVAILABLE', 'NO_FEASIBLE_PLAN_FOUND']).toContain(code);
            if (code === 'NO_FEASIBLE_PLAN_FOUND') expect((await solveExactMip(compileModel(instance))).status).toBe('Infeasible');
            return;
          }
          const check = checkSolution(instance, plan.solution);
          expect(check.errors).toEqual([]);
          let readmeBound = 0;
          for (const v of compileModel(instance).minCost) readmeBound += v;
          expect(plan.solution.objective).toBeGreaterThanOrEqual(readmeBound);
          expect(plan.solution.objective).toBeGreaterThanOrEqual(plan.search.lowerBound);
          expect(plan.quality.adjacentShare).toBeLessThanOrEqual(plan.quality.adjacentShareUpperBound);
        },
      ),
      { numRuns: 100, seed: 20240607 },
    );
  });
});
