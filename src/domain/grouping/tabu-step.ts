import { applyMove, applySwap, type SearchContext } from './search-context.js';

const EPS = 1e-9;

/** Per-iteration scratch of the tabu step, allocated once per solve. */
export type TabuScratch = {
  /** a[i·m + h] = gain(i, h) − gain(i, group[i]): the delta of moving i to h. */
  readonly a: Float64Array;
  /** amax[g·m + h] = max over movable i ∈ g of a[i·m + h]. */
  readonly amax: Float64Array;
  /** Members of each group, contiguous: members[start[g] … start[g+1]). */
  readonly members: Int32Array;
  readonly start: Int32Array;
  /** Group pairs (g·m + h, g < h) in scan order. */
  readonly pairOrder: Int32Array;
  /** Gather buffers for one group's members: a[j][g] and j. */
  readonly hb: Float64Array;
  readonly hj: Int32Array;
  /** pos[i] = index of i in members. */
  readonly pos: Int32Array;
  /**
   * False when the assignment changed outside tabuStep (load, kick, crossover): the next step
   * rebuilds the tables. tabuStep itself keeps them current after a swap.
   */
  valid: boolean;
};

export function createTabuScratch(n: number, m: number): TabuScratch {
  return {
    a: new Float64Array(n * m),
    amax: new Float64Array(m * m),
    members: new Int32Array(n),
    start: new Int32Array(m + 1),
    pairOrder: new Int32Array((m * (m - 1)) / 2),
    hb: new Float64Array(n),
    hj: new Int32Array(n),
    pos: new Int32Array(n),
    valid: false,
  };
}

/**
 * One tabu-search iteration: the best admissible move or swap over the full neighbourhoods; the
 * moved elements become tabu; aspiration admits tabu moves that beat the round's best.
 * Ties are broken uniformly at random, which matters on integer instances (RanInt) where many
 * deltas are equal and a fixed order makes the search cycle.
 *
 * The swap neighbourhood is O(n²), so it is pruned with a bound: a swap i∈g ↔ j∈h has delta
 * a[i][h] + a[j][g] − 2·d_ij ≤ a[i][h] + amax[h][g] − 2·minDistance. Whole groups h are skipped
 * for i when that bound cannot beat the best delta so far, and d_ij is only read for pairs that
 * survive. The group pair with the most promising bound is scanned first to set a high bar early.
 * Returns false when nothing is admissible.
 */
export function tabuStep(
  ctx: SearchContext,
  scratch: TabuScratch,
  iteration: number,
  tenure: number,
  bestObjective: number,
): boolean {
  const { model, n, m, lower, upper, size, tabuUntil, rng } = ctx;
  const { a, amax, members, start } = scratch;
  const twoMin = 2 * model.minDistance;
  const aspiration = bestObjective - ctx.objective + EPS;

  if (!scratch.valid) fillMoveTable(ctx, scratch);

  let bestDelta = -Infinity;
  let bestI = -1;
  let bestJ = -1; // −1 means a move of bestI to bestH
  let bestH = -1;
  let ties = 0;

  // Swaps, one group pair (g, h) at a time: the a[j][g] of h's members are gathered into a
  // contiguous buffer first, so the inner loop streams through two small arrays and one matrix row.
  // The most promising pair goes first to set a high bar for the bound early.
  const order = scratch.pairOrder;
  let pairs = 0;
  let seed = 0;
  let seedBound = -Infinity;
  for (let g = 0; g < m; g++) {
    for (let h = g + 1; h < m; h++) {
      const bound = amax[g * m + h]! + amax[h * m + g]!;
      if (bound > seedBound) {
        seedBound = bound;
        seed = pairs;
      }
      order[pairs++] = g * m + h;
    }
  }
  if (pairs > 0) {
    const first = order[0]!;
    order[0] = order[seed]!;
    order[seed] = first;
  }
  const D = model.matrix;
  const { hb, hj } = scratch;
  for (let p = 0; p < pairs; p++) {
    const g = Math.floor(order[p]! / m);
    const h = order[p]! - g * m;
    const hStart = start[h]!;
    const hTotal = start[h + 1]! - hStart;
    const amaxHG = amax[h * m + g]!;
    const amaxGH = amax[g * m + h]!;
    if (amaxGH + amaxHG - twoMin < bestDelta) continue;
    // Only members j of h whose a[j][g] can still beat the bar with the best i of g (exact: every
    // skipped pair has a delta below the best so far), kept sorted by a[j][g] descending so the
    // inner loop can stop at the first j whose bound falls below the bar.
    let hCount = 0;
    for (let k = hStart, kEnd = hStart + hTotal; k < kEnd; k++) {
      const j = members[k]!;
      const bj = a[j * m + g]!;
      if (bj + amaxGH - twoMin < bestDelta) continue;
      let at = hCount++;
      while (at > 0 && hb[at - 1]! < bj) {
        hb[at] = hb[at - 1]!;
        hj[at] = hj[at - 1]!;
        at--;
      }
      hb[at] = bj;
      hj[at] = j;
    }
    if (hCount === 0) continue;
    const hbMax = hb[0]!;
    for (let q = start[g]!, qEnd = start[g + 1]!; q < qEnd; q++) {
      const i = members[q]!;
      const ai = a[i * m + h]!;
      if (ai + hbMax - twoMin < bestDelta) continue;
      const tabuI = tabuUntil[i]! > iteration;
      const row = i * n;
      for (let k = 0; k < hCount; k++) {
        const partial = ai + hb[k]!;
        if (partial - twoMin < bestDelta) break;
        const delta = partial - 2 * (D !== null ? D[row + hj[k]!]! : model.distance(i, hj[k]!));
        if (delta < bestDelta) continue;
        const j = hj[k]!;
        if ((tabuI || tabuUntil[j]! > iteration) && delta < aspiration) continue;
        if (delta > bestDelta) {
          bestDelta = delta;
          ties = 1;
        } else if (rng.nextInt(++ties) !== 0) continue;
        bestI = i;
        bestJ = j;
      }
    }
  }

  // Moves, after the swaps so the bar is already high: a whole group pair (g, h) is skipped when
  // even its best member's delta, amax[g][h], cannot reach the bar (exact). On pair-maximal size
  // profiles (MDGPLIB "ds") moves lose a whole group's worth of pairs, so nearly all are skipped.
  for (let g = 0; g < m; g++) {
    if (size[g]! <= lower[g]!) continue;
    const arow = g * m;
    for (let h = 0; h < m; h++) {
      if (h === g || size[h]! >= upper[h]! || amax[arow + h]! < bestDelta) continue;
      for (let q = start[g]!, qEnd = start[g + 1]!; q < qEnd; q++) {
        const i = members[q]!;
        const delta = a[i * m + h]!;
        if (delta < bestDelta || (tabuUntil[i]! > iteration && delta < aspiration)) continue;
        if (delta > bestDelta) {
          bestDelta = delta;
          ties = 1;
        } else if (rng.nextInt(++ties) !== 0) continue;
        bestI = i;
        bestJ = -1;
        bestH = h;
      }
    }
  }

  if (bestI < 0) return false;
  tabuUntil[bestI] = iteration + tenure;
  if (bestJ >= 0) {
    tabuUntil[bestJ] = iteration + tenure;
    applySwap(ctx, bestI, bestJ, bestDelta);
    updateAfterSwap(ctx, scratch, bestI, bestJ);
  } else {
    applyMove(ctx, bestI, bestH, bestDelta);
    // A move changes two group sizes and the member layout: rebuild next time (moves are rare).
    scratch.valid = false;
  }
  return true;
}

/**
 * Brings the tables up to date after i and j swapped groups, in O(n + (|g| + |h|)·m) instead of
 * the O(n·m) rebuild: only columns g and h change for the other elements (their own group's
 * gain is unchanged), the members of g and h get whole new rows, and amax is recomputed for
 * rows g, h and columns g, h. The values are computed by the same expressions as the rebuild, so
 * the tables are identical; only the order of the members within a group differs.
 */
function updateAfterSwap(ctx: SearchContext, scratch: TabuScratch, i: number, j: number): void {
  const { model, n, m, movable, group } = ctx;
  const { a, amax, members, pos, start } = scratch;
  const g = group[j]!; // j moved into i's old group
  const h = group[i]!;
  const pi = pos[i]!;
  const pj = pos[j]!;
  members[pi] = j;
  members[pj] = i;
  pos[j] = pi;
  pos[i] = pj;
  const T = model.table;
  for (let k = 0; k < m; k++) {
    if (k === g || k === h) continue;
    amax[k * m + g] = -Infinity;
    amax[k * m + h] = -Infinity;
  }
  for (let k = 0; k < n; k++) {
    if (movable[k] === 0) continue;
    const gk = group[k]!;
    if (gk === g || gk === h) continue;
    const row = k * m;
    const own = T !== null ? T[row + gk]! : model.gain(k, gk);
    const dg = (T !== null ? T[row + g]! : model.gain(k, g)) - own;
    const dh = (T !== null ? T[row + h]! : model.gain(k, h)) - own;
    a[row + g] = dg;
    a[row + h] = dh;
    const arow = gk * m;
    if (dg > amax[arow + g]!) amax[arow + g] = dg;
    if (dh > amax[arow + h]!) amax[arow + h] = dh;
  }
  for (let side = 0; side < 2; side++) {
    const x = side === 0 ? g : h;
    const arow = x * m;
    for (let k = 0; k < m; k++) amax[arow + k] = -Infinity;
    for (let q = start[x]!, qEnd = start[x + 1]!; q < qEnd; q++) {
      const k = members[q]!;
      const row = k * m;
      if (T !== null) {
        const own = T[row + x]!;
        for (let c = 0; c < m; c++) {
          const delta = T[row + c]! - own;
          a[row + c] = delta;
          if (delta > amax[arow + c]!) amax[arow + c] = delta;
        }
      } else {
        const own = model.gain(k, x);
        for (let c = 0; c < m; c++) {
          const delta = model.gain(k, c) - own;
          a[row + c] = delta;
          if (delta > amax[arow + c]!) amax[arow + c] = delta;
        }
      }
    }
  }
}

/** Builds the move-delta table, its per-group-pair maxima and the member lists (movable only). */
function fillMoveTable(ctx: SearchContext, scratch: TabuScratch): void {
  const { model, n, m, movable, group } = ctx;
  const { a, amax, members, start } = scratch;
  amax.fill(-Infinity);
  start.fill(0);
  const T = model.table;
  for (let i = 0; i < n; i++) {
    if (movable[i] === 0) continue;
    const gi = group[i]!;
    start[gi + 1]!++;
    const row = i * m;
    const arow = gi * m;
    if (T !== null) {
      const own = T[row + gi]!;
      for (let h = 0; h < m; h++) {
        const delta = T[row + h]! - own;
        a[row + h] = delta;
        if (delta > amax[arow + h]!) amax[arow + h] = delta;
      }
      continue;
    }
    const own = model.gain(i, gi);
    for (let h = 0; h < m; h++) {
      const delta = model.gain(i, h) - own;
      a[row + h] = delta;
      if (delta > amax[arow + h]!) amax[arow + h] = delta;
    }
  }
  for (let g = 0; g < m; g++) start[g + 1] = start[g + 1]! + start[g]!;
  // Fill member lists using start as moving cursors, then restore.
  const { pos } = scratch;
  for (let i = 0; i < n; i++) {
    if (movable[i] === 0) continue;
    const gi = group[i]!;
    members[start[gi]!] = i;
    pos[i] = start[gi]!;
    start[gi]!++;
  }
  for (let g = m; g > 0; g--) start[g] = start[g - 1]!;
  start[0] = 0;
  scratch.valid = true;
}
