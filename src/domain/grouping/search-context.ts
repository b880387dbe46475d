import type { DeltaModel } from './delta-model.js';
import type { GroupBounds } from './group-bounds.js';
import type { Rng } from './prng.js';

/**
 * The mutable state every search component works on: the assignment, the group sizes and the
 * model that mirrors them. Flat typed arrays, allocated once per solve — the inner loops allocate
 * nothing.
 */
export type SearchContext = {
  readonly model: DeltaModel;
  readonly n: number;
  readonly m: number;
  readonly lower: Int32Array;
  readonly upper: Int32Array;
  /** 1 when the element may change group (0 = pre-placed). */
  readonly movable: Uint8Array;
  readonly group: Int32Array;
  readonly size: Int32Array;
  objective: number;
  readonly rng: Rng;
  /** Iteration until which the element is tabu. */
  readonly tabuUntil: Float64Array;
  /** gain(i, group[i]) cache, refreshed per scan. */
  readonly own: Float64Array;
};

export function createSearchContext(
  model: DeltaModel,
  bounds: GroupBounds,
  fixed: Int32Array | null,
  rng: Rng,
): SearchContext {
  const { n, m } = model;
  const movable = new Uint8Array(n).fill(1);
  if (fixed !== null) for (let i = 0; i < n; i++) if (fixed[i]! >= 0) movable[i] = 0;
  return {
    model,
    n,
    m,
    lower: bounds.lower,
    upper: bounds.upper,
    movable,
    group: new Int32Array(n),
    size: new Int32Array(m),
    objective: 0,
    rng,
    tabuUntil: new Float64Array(n),
    own: new Float64Array(n),
  };
}

/** Installs a complete assignment (and recomputes the objective from scratch). */
export function loadAssignment(ctx: SearchContext, assignment: Int32Array): void {
  ctx.group.set(assignment);
  ctx.size.fill(0);
  for (let i = 0; i < ctx.n; i++) ctx.size[assignment[i]!]!++;
  ctx.model.load(ctx.group);
  ctx.objective = ctx.model.objectiveOf(ctx.group);
}

/** Moves one element; the caller supplies the delta it already computed. */
export function applyMove(ctx: SearchContext, i: number, to: number, delta: number): void {
  const from = ctx.group[i]!;
  ctx.model.move(i, from, to);
  ctx.group[i] = to;
  ctx.size[from]!--;
  ctx.size[to]!++;
  ctx.objective += delta;
}

/** Swaps the groups of two elements in different groups. */
export function applySwap(ctx: SearchContext, i: number, j: number, delta: number): void {
  const gi = ctx.group[i]!;
  const gj = ctx.group[j]!;
  ctx.model.move(i, gi, gj);
  ctx.model.move(j, gj, gi);
  ctx.group[i] = gj;
  ctx.group[j] = gi;
  ctx.objective += delta;
}
