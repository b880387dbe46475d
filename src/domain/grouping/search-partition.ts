import type { DeltaModel } from './delta-model.js';
import { assertFeasibleBounds, type GroupBounds } from './group-bounds.js';
import { randomAssignment } from './initial-assignment.js';
import { pairMaximalSizes } from './size-profile.js';
import { BestSolution, defaultSearchParameters, iteratedTabuSearch, type SearchParameters } from './iterated-tabu-search.js';
import { createRng } from './prng.js';
import { SearchBudget, type BudgetOptions, type StopReason } from './search-budget.js';
import { createSearchContext } from './search-context.js';
import { memeticSearch } from './memetic-search.js';
import { sampledSearch } from './sampled-search.js';

export type SearchOptions = BudgetOptions & {
  /** Seed of the PRNG; the same seed and iteration budget give the same result. Default 1. */
  readonly seed?: number;
  /** Pre-placed elements: fixed[i] = group, or −1 when free. */
  readonly fixed?: Int32Array;
  readonly parameters?: Partial<SearchParameters>;
  /** Start from this assignment instead of a random one (it must respect bounds and `fixed`). */
  readonly initial?: Int32Array;
};

export type SearchResult = {
  /** group[i] = 0-based group of element i. */
  readonly group: Int32Array;
  /** Objective recomputed from scratch for the returned assignment. */
  readonly objective: number;
  readonly iterations: number;
  readonly elapsedMs: number;
  readonly stopReason: StopReason;
};

/**
 * Above this many (element, group) pairs a full neighbourhood scan per step is too slow
 * (MDGPLIB n = 960 has 23,040; 5,000 students in 650 communities 3.25 million).
 */
const FULL_SCAN_LIMIT = 60_000;

/** Default when the caller sets neither a time limit nor an iteration budget. */
const DEFAULT_TIME_LIMIT_MS = 1000;

/** Runs the search on any DeltaModel: the shared core of the MDGPLIB solver and community formation. */
export function searchPartition(model: DeltaModel, bounds: GroupBounds, options: SearchOptions): SearchResult {
  assertFeasibleBounds(model.n, bounds);
  const budgetOptions: BudgetOptions =
    options.timeLimitMs === undefined && options.maxIterations === undefined ? { ...options, timeLimitMs: DEFAULT_TIME_LIMIT_MS } : options;
  const budget = new SearchBudget(budgetOptions);
  const rng = createRng(options.seed ?? 1);
  const fixed = options.fixed ?? null;
  const ctx = createSearchContext(model, bounds, fixed, rng);
  const params = { ...defaultSearchParameters(model.n), ...options.parameters };
  const best = new BestSolution(model.n);
  const minimum = fixedCounts(model.m, fixed);
  const start = options.initial ?? randomAssignment(model.n, bounds, fixed, rng, pairMaximalSizes(model.n, bounds, minimum, rng));
  best.offer(model.objectiveOf(start), start);
  if (model.n * model.m > FULL_SCAN_LIMIT) sampledSearch(ctx, budget, start, best, Math.min(model.m - 1, 24));
  // The crossover reads O(m·n²) distances, cheap only with an explicit matrix.
  else if (params.population >= 2 && options.initial === undefined && model.matrix !== null) {
    memeticSearch(ctx, budget, params, best, bounds, fixed, minimum, params.population, params.childRounds);
  } else iteratedTabuSearch(ctx, budget, params, start, best);
  const objective = model.objectiveOf(best.group);
  budget.finish(objective);
  return {
    group: best.group,
    objective,
    iterations: budget.iterations,
    elapsedMs: budget.elapsedMs(),
    stopReason: budget.stopReason ?? 'budget',
  };
}

function fixedCounts(m: number, fixed: Int32Array | null): Int32Array {
  const counts = new Int32Array(m);
  if (fixed !== null) for (const g of fixed) if (g >= 0) counts[g]!++;
  return counts;
}
