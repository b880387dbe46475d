import type { DeltaModel } from './delta-model.js';
import { assertFeasibleBounds, type GroupBounds } from './group-bounds.js';
import { randomAssignment } from './initial-assignment.js';
import { BestSolution, defaultSearchParameters, iteratedTabuSearch, type SearchParameters } from './iterated-tabu-search.js';
import { createRng } from './prng.js';
import { SearchBudget, type BudgetOptions, type StopReason } from './search-budget.js';
import { createSearchContext } from './search-context.js';

export type SearchOptions = BudgetOptions & {
  /** Seed of the PRNG; the same seed and iteration budget give the same result. Default 1. */
  readonly seed?: number;
  /** Pre-placed elements: fixed[i] = group, or −1 when free. */
  readonly fixed?: Int32Array;
  readonly parameters?: Partial<SearchParameters>;
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
  const start = randomAssignment(model.n, bounds, fixed, rng);
  best.offer(model.objectiveOf(start), start);
  iteratedTabuSearch(ctx, budget, params, start, best);
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
