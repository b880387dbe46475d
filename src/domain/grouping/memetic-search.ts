import type { GroupBounds } from './group-bounds.js';
import { groupCrossover } from './group-crossover.js';
import { randomAssignment } from './initial-assignment.js';
import { iteratedTabuSearch, type BestSolution, type SearchParameters } from './iterated-tabu-search.js';
import type { SearchBudget } from './search-budget.js';
import type { SearchContext } from './search-context.js';
import { pairMaximalSizes } from './size-profile.js';

const EPS = 1e-9;

/**
 * Population-based search on top of the iterated tabu search (the memetic scheme of the strongest
 * MDGP methods, e.g. Yang et al.'s TPSDP): a small pool of improved random solutions, then
 * repeatedly a group crossover of two random members, improved by a few ITS rounds, replacing the
 * pool's worst when better and not a duplicate. Crossover carries good groups between basins
 * that kicks alone rarely connect.
 */
export function memeticSearch(
  ctx: SearchContext,
  budget: SearchBudget,
  params: SearchParameters,
  best: BestSolution,
  bounds: GroupBounds,
  fixed: Int32Array | null,
  minimum: Int32Array,
  populationSize: number,
  childRounds: number,
): void {
  const { n, rng } = ctx;
  const pool: Int32Array[] = [];
  const scores: number[] = [];
  for (let k = 0; k < populationSize && !budget.stopped; k++) {
    const start = randomAssignment(n, bounds, fixed, rng, pairMaximalSizes(n, bounds, minimum, rng));
    const member = new Int32Array(n);
    scores.push(iteratedTabuSearch(ctx, budget, params, start, best, childRounds, member));
    pool.push(member);
  }
  const child = new Int32Array(n);
  const improved = new Int32Array(n);
  while (!budget.stopped && pool.length >= 2) {
    const a = rng.nextInt(pool.length);
    let b = rng.nextInt(pool.length - 1);
    if (b >= a) b++;
    groupCrossover(ctx.model, bounds, fixed, pool[a]!, pool[b]!, rng, child);
    const score = iteratedTabuSearch(ctx, budget, params, child, best, childRounds, improved);
    let worst = 0;
    for (let k = 1; k < pool.length; k++) if (scores[k]! < scores[worst]!) worst = k;
    const duplicate = scores.some((s) => Math.abs(s - score) <= EPS * Math.max(1, Math.abs(s)));
    if (score > scores[worst]! + EPS && !duplicate) {
      pool[worst]!.set(improved);
      scores[worst] = score;
    }
  }
}
