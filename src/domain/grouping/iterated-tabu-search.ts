import { perturb } from './perturb.js';
import type { SearchBudget } from './search-budget.js';
import { loadAssignment, type SearchContext } from './search-context.js';
import { createTabuScratch, tabuStep, type TabuScratch } from './tabu-step.js';

const EPS = 1e-9;

/** Tuning knobs of the iterated tabu search; defaults come from `defaultSearchParameters`. */
export type SearchParameters = {
  /** Non-improving tabu iterations before a tabu-search round ends. */
  readonly depth: number;
  readonly tenureBase: number;
  readonly tenureRandom: number;
  readonly perturbMin: number;
  readonly perturbMax: number;
  /** A new local optimum becomes the current one when within this fraction of the best. */
  readonly acceptance: number;
  /** 1 when kicks may also move single elements (changing group sizes), 0 for swaps only. */
  readonly moveKicks: number;
  /** Pool size of the memetic layer; below 2 the search is a single iterated tabu search. */
  readonly population: number;
  /** Kick rounds of ITS that improve each crossover child. */
  readonly childRounds: number;
};

export function defaultSearchParameters(n: number): SearchParameters {
  return {
    depth: Math.max(50, Math.round(n * 10)),
    // Short tenures win on MDGPLIB (measured: n = 120 best at 3–8, n = 240 at 8–20).
    tenureBase: Math.max(2, Math.round(n / 30)),
    tenureRandom: Math.max(3, Math.round(n / 20)),
    perturbMin: Math.max(2, Math.round(n / 40)),
    perturbMax: Math.max(4, Math.round(n / 8)),
    acceptance: 0.0005,
    moveKicks: 1,
    // A small pool, children improved by one ITS round: measured with iteration budgets (load-
    // independent) against the former pool of 10 with 2 rounds — n = 120 ds (RanReal, RanInt,
    // 100 k iterations, 8 seeds each): 0.060 % vs 0.141 % mean gap; n = 480 ds (400 k iterations,
    // 2 seeds each): 0.17–0.39 % vs 0.39–0.73 %; n = 240 (120 k): 0.26 % vs 0.30 %. A pool of 10
    // spent most of a standard run initialising. Tiny instances need no pool.
    population: n >= 30 ? 3 : 0,
    childRounds: 1,
  };
}

/** Best assignment found so far, shared by all phases of a solve. */
export class BestSolution {
  objective = -Infinity;
  readonly group: Int32Array;
  constructor(n: number) {
    this.group = new Int32Array(n);
  }
  offer(objective: number, group: Int32Array): boolean {
    if (objective <= this.objective + EPS) return false;
    this.objective = objective;
    this.group.set(group);
    return true;
  }
}

/**
 * One tabu-search round from the context's current assignment until `depth` iterations bring no
 * improvement. The round's best assignment is written to `out`; its objective is returned.
 */
export function tabuRound(
  ctx: SearchContext,
  budget: SearchBudget,
  params: SearchParameters,
  best: BestSolution,
  out: Int32Array,
  scratch: TabuScratch,
): number {
  let roundBest = ctx.objective;
  out.set(ctx.group);
  // The assignment may have changed since the last step (load, kick): rebuild the move tables.
  scratch.valid = false;
  let idle = 0;
  while (idle < params.depth) {
    if (budget.tick(best.objective)) break;
    const tenure = params.tenureBase + ctx.rng.nextInt(params.tenureRandom + 1);
    if (!tabuStep(ctx, scratch, budget.iterations, tenure, roundBest)) break;
    if (ctx.objective > roundBest + EPS) {
      roundBest = ctx.objective;
      out.set(ctx.group);
      idle = 0;
    } else idle++;
  }
  best.offer(roundBest, out);
  return roundBest;
}

/**
 * Iterated tabu search (in the spirit of Lai & Hao's iterated maxima search and the local phase
 * of Yang et al.'s TPSDP): tabu rounds separated by random kicks whose strength grows while the
 * search keeps falling back into the same optimum and resets after progress. Runs `maxRounds`
 * kick rounds (or until the budget ends); the run's best assignment goes to `out` and its
 * objective is returned.
 */
export function iteratedTabuSearch(
  ctx: SearchContext,
  budget: SearchBudget,
  params: SearchParameters,
  start: Int32Array,
  best: BestSolution,
  maxRounds = Infinity,
  out: Int32Array = new Int32Array(ctx.n),
): number {
  const current = new Int32Array(ctx.n);
  const candidate = new Int32Array(ctx.n);
  const scratch = createTabuScratch(ctx.n, ctx.m);
  loadAssignment(ctx, start);
  let currentObjective = tabuRound(ctx, budget, params, best, current, scratch);
  let runBest = currentObjective;
  out.set(current);
  let strength = params.perturbMin;
  for (let round = 0; round < maxRounds && !budget.stopped; round++) {
    loadAssignment(ctx, current);
    const tenure = params.tenureBase + ctx.rng.nextInt(params.tenureRandom + 1);
    perturb(ctx, strength, budget.iterations, tenure, params.moveKicks === 1);
    const found = tabuRound(ctx, budget, params, best, candidate, scratch);
    strength = found > currentObjective + EPS ? params.perturbMin : Math.min(params.perturbMax, strength + 1);
    if (found > runBest + EPS) {
      runBest = found;
      out.set(candidate);
    }
    if (found >= runBest - Math.abs(runBest) * params.acceptance || found > currentObjective + EPS) {
      current.set(candidate);
      currentObjective = found;
    } else {
      current.set(out);
      currentObjective = runBest;
    }
  }
  return runBest;
}
