import { constructPlan } from './construct-plan.js';
import { SchedulingError } from './errors.js';
import { explainExtraTrips, type ExtraTripExplanation } from './explain-extra-trips.js';
import type { SchedulingInstance } from './instance.js';
import { LagrangianPrices } from './lagrangian-bound.js';
import { LocalSearch } from './local-search.js';
import { compileModel, type SchedulingModel } from './model.js';
import { PlanState } from './plan-state.js';
import { measurePlan, type PlanQuality } from './plan-quality.js';
import { createRng } from './rng.js';
import type { SessionSolution } from './solution.js';
import { minutesToClock } from './time.js';

export type SolveProgress = {
  phase: 'construct' | 'bound' | 'search' | 'done';
  elapsedMs: number;
  kicks: number;
  bestObjective: number;
  lowerBound: number;
};

export type SolveSessionPlacementOptions = {
  instance: SchedulingInstance;
  /** Same seed, same plan (unless the time limit cuts the search short). Default 1. */
  seed?: number;
  /** Wall-clock budget for the whole solve. Default 10 s. */
  timeLimitMs?: number;
  /** Kicks in a row without improvement after which the search stops. Default scales with size. */
  stallKicks?: number;
  signal?: AbortSignal;
  onProgress?: (progress: SolveProgress) => void;
  /** Injectable clock for tests. */
  now?: () => number;
};

export type SolveStopReason = 'proven-optimal' | 'stalled' | 'time-limit' | 'cancelled';

export type SessionPlan = {
  solution: SessionSolution;
  quality: PlanQuality;
  /** Communities whose session makes members travel in just for it, and why. */
  extraTrips: ExtraTripExplanation[];
  search: {
    stopReason: SolveStopReason;
    elapsedMs: number;
    kicks: number;
    /** Best proven lower bound (Lagrangian, at least the README bound). */
    lowerBound: number;
    seed: number;
  };
};

/** How often (in ms) the async variant yields to the event loop to notice aborts and report progress. */
const YIELD_EVERY_MS = 25;

/**
 * Places every community's weekly session (FORMAT.md): regret-greedy start, variable-depth
 * descent (short ejection chains, long chains as shortest paths), then iterated kicks until the plan is proven optimal by the Lagrangian
 * bound, stalls, runs out of time or is cancelled. Yields to the event loop now and then so an
 * AbortSignal from a UI or server request can stop it.
 */
export async function solveSessionPlacement(options: SolveSessionPlacementOptions): Promise<SessionPlan> {
  const steps = runSearch(options);
  let step = steps.next();
  while (!step.done) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    step = steps.next();
  }
  return step.value;
}

/** The same search without yielding: for the CLI, benchmarks and tests. Honours an already-aborted signal. */
export function solveSessionPlacementSync(options: SolveSessionPlacementOptions): SessionPlan {
  const steps = runSearch(options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

function* runSearch(options: SolveSessionPlacementOptions): Generator<void, SessionPlan, void> {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const seed = options.seed ?? 1;
  const deadline = t0 + (options.timeLimitMs ?? 10_000);
  const model = compileModel(options.instance);
  const state = new PlanState(model);
  const best = new PlanState(model);
  const search = new LocalSearch(state, createRng(seed));
  let lowerBound = 0;
  for (let c = 0; c < model.nCommunities; c++) lowerBound += model.minCost[c] ?? 0;
  let kicks = 0;
  const report = (phase: SolveProgress['phase']): void =>
    options.onProgress?.({ phase, elapsedMs: now() - t0, kicks, bestObjective: best.objective, lowerBound });

  if (options.signal?.aborted) throw new SchedulingError('CANCELLED', 'cancelled before a plan was found');
  constructPlan(state, search.chains);
  best.copyFrom(state);
  report('construct');
  let stopReason: SolveStopReason = 'stalled';
  search.stopAt = lowerBound;
  if (best.objective > lowerBound) {
    // Cheap moves and long chains first; the deeper chains wait until the bound is known.
    search.descend(1);
    best.copyFrom(state);
  }
  let prices: LagrangianPrices | undefined;
  if (best.objective > lowerBound) {
    // Lagrangian phase: a lower bound that proves optimality early when the relaxation is tight.
    prices = new LagrangianPrices(model);
    const iterations = boundIterations(model);
    let lastYield = now();
    while (prices.iterations < iterations && !prices.converged && prices.bound < best.objective) {
      if (options.signal?.aborted || now() >= deadline) break;
      prices.step(best.objective);
      if (now() - lastYield >= YIELD_EVERY_MS) {
        report('bound');
        yield;
        lastYield = now();
      }
    }
    lowerBound = Math.max(lowerBound, prices.bound);
    report('bound');
  }
  search.stopAt = lowerBound;
  if (best.objective > lowerBound) {
    search.descend(descentDepth(model));
    best.copyFrom(state);
  }
  const stallKicks = options.stallKicks ?? defaultStallKicks(model);
  let sinceBest = 0;
  let restarted = false;
  let lastYield = now();
  while (best.objective > lowerBound) {
    const t = now();
    if (options.signal?.aborted) {
      stopReason = 'cancelled';
      break;
    }
    if (t >= deadline) {
      stopReason = 'time-limit';
      break;
    }
    if (sinceBest >= stallKicks) {
      if (restarted || !prices) {
        stopReason = 'stalled';
        break;
      }
      // Second walk from a different basin: a regret-greedy start under the Lagrangian prices,
      // which leaves the contested slots to the communities that lose most without them.
      restarted = true;
      sinceBest = 0;
      for (let c = 0; c < model.nCommunities; c++) state.remove(c);
      const priced = prices;
      try {
        constructPlan(state, search.chains, { sorted: priced.pricedOrder(), cost: (c, p) => priced.pricedCost(c, p) });
      } catch (error) {
        if (!(error instanceof SchedulingError)) throw error;
        state.copyFrom(best);
        continue;
      }
      search.descend(descentDepth(model));
      state.commit();
      if (state.objective === best.objective) {
        // Both walks, from different basins, end at the same value: kicks from here repeat the
        // first walk's fruitless search (medium-01: 63 kicks that never improve), so stop.
        stopReason = 'stalled';
        break;
      }
      if (state.objective < best.objective) best.copyFrom(state);
      continue;
    }
    if (t - lastYield >= YIELD_EVERY_MS) {
      report('search');
      yield;
      lastYield = now();
    }
    kicks++;
    sinceBest++;
    search.kickAndDescend(1 + (kicks % 4), kickDepth(model));
    if (state.objective < best.objective) {
      best.copyFrom(state);
      sinceBest = 0;
    }
  }
  if (best.objective <= lowerBound) stopReason = 'proven-optimal';
  report('done');
  return {
    solution: toSolution(model, best.assign, best.objective),
    quality: measurePlan(model, best.assign),
    extraTrips: explainExtraTrips(model, best.assign),
    search: { stopReason, elapsedMs: now() - t0, kicks, lowerBound, seed },
  };
}

/** Enough subgradient steps to close small gaps, capped so the bound costs ~10⁷ operations. */
function boundIterations(model: SchedulingModel): number {
  return Math.max(50, Math.min(1500, Math.floor(4e6 / (model.nCommunities * model.nPlacements))));
}

/** Depth-3 chains with pair ejections find the last steps on small instances; elsewhere a full sweep costs more than kicks. */
function descentDepth(model: SchedulingModel): number {
  return model.nCommunities <= 60 ? 3 : 2;
}

function defaultStallKicks(model: SchedulingModel): number {
  return Math.max(30, Math.min(500, Math.floor(model.nCommunities / 2)));
}

/** Deeper chains after each kick pay off on small instances; on big ones they cost too much. */
function kickDepth(model: SchedulingModel): number {
  return model.nCommunities <= 60 ? 2 : 1;
}

export function toSolution(model: SchedulingModel, assign: Int32Array, objective: number): SessionSolution {
  const inst = model.instance;
  return {
    objective,
    placements: inst.communities.map((community, c) => {
      const p = assign[c] ?? 0;
      return {
        community: community.id,
        day: inst.days[model.placementDay[p] ?? 0] ?? '',
        start: minutesToClock(model.dayStart + (model.placementStart[p] ?? 0) * inst.slotMinutes),
        location: inst.locations[model.placementLocation[p] ?? 0]?.id ?? '',
      };
    }),
  };
}
