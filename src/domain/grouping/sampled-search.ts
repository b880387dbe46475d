import type { BestSolution } from './iterated-tabu-search.js';
import { perturb } from './perturb.js';
import type { SearchBudget } from './search-budget.js';
import { applyMove, applySwap, loadAssignment, type SearchContext } from './search-context.js';

const EPS = 1e-9;

/**
 * Search for very large instances (thousands of elements, hundreds of groups), where one full
 * neighbourhood scan (n·m moves, n² swaps) would cost more than the whole time budget. Each step
 * takes one element and tries `sampleGroups` random other groups: the move there and the swap with
 * each member; the best improving one is applied (first-improvement over elements, best over the
 * sample). Sweeps repeat until a sweep improves nothing; then a light kick from the best solution
 * and another descent, until the budget ends. One budget iteration = one element examined.
 */
export function sampledSearch(ctx: SearchContext, budget: SearchBudget, start: Int32Array, best: BestSolution, sampleGroups: number): void {
  const { n, m } = ctx;
  const cap = maxUpper(ctx);
  const members = new Int32Array(m * cap);
  const position = new Int32Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;

  loadAssignment(ctx, start);
  let kicks = 0;
  while (!budget.stopped) {
    buildMembers(ctx, members, position, cap);
    descend(ctx, budget, members, position, cap, order, sampleGroups, best);
    best.offer(ctx.objective, ctx.group);
    if (budget.stopped) break;
    loadAssignment(ctx, best.group);
    kicks++;
    perturb(ctx, Math.max(2, Math.round(n / 100)) + (kicks % 7), budget.iterations, 0);
  }
}

function descend(
  ctx: SearchContext,
  budget: SearchBudget,
  members: Int32Array,
  position: Int32Array,
  cap: number,
  order: Int32Array,
  sampleGroups: number,
  best: BestSolution,
): void {
  const { model, n, m, lower, upper, movable, group, size, rng } = ctx;
  let improved = true;
  while (improved) {
    improved = false;
    for (let k = n - 1; k > 0; k--) {
      const r = rng.nextInt(k + 1);
      const t = order[k]!;
      order[k] = order[r]!;
      order[r] = t;
    }
    for (let k = 0; k < n; k++) {
      if (budget.tick(Math.max(best.objective, ctx.objective))) return;
      const i = order[k]!;
      if (movable[i] === 0) continue;
      const gi = group[i]!;
      const ownI = model.gain(i, gi);
      const canLeave = size[gi]! > lower[gi]!;
      let bestDelta = EPS;
      let bestJ = -1;
      let bestH = -1;
      for (let s = 0; s < sampleGroups; s++) {
        const h = rng.nextInt(m);
        if (h === gi) continue;
        const toH = model.gain(i, h) - ownI;
        if (canLeave && size[h]! < upper[h]! && toH > bestDelta) {
          bestDelta = toH;
          bestJ = -1;
          bestH = h;
        }
        for (let p = h * cap, end = h * cap + size[h]!; p < end; p++) {
          const j = members[p]!;
          if (movable[j] === 0) continue;
          const partial = toH + model.gain(j, gi) - model.gain(j, h);
          if (partial - 2 * model.minDistance <= bestDelta) continue;
          const delta = partial - 2 * model.distance(i, j);
          if (delta > bestDelta) {
            bestDelta = delta;
            bestJ = j;
            bestH = h;
          }
        }
      }
      if (bestH < 0) continue;
      improved = true;
      if (bestJ >= 0) {
        applySwap(ctx, i, bestJ, bestDelta);
        const pi = position[i]!;
        const pj = position[bestJ]!;
        members[pi] = bestJ;
        members[pj] = i;
        position[i] = pj;
        position[bestJ] = pi;
      } else {
        removeMember(members, position, size, cap, i, gi);
        applyMove(ctx, i, bestH, bestDelta);
        const p = bestH * cap + size[bestH]! - 1;
        members[p] = i;
        position[i] = p;
      }
    }
  }
}

function removeMember(members: Int32Array, position: Int32Array, size: Int32Array, cap: number, i: number, g: number): void {
  const last = g * cap + size[g]! - 1;
  const p = position[i]!;
  const moved = members[last]!;
  members[p] = moved;
  position[moved] = p;
}

function buildMembers(ctx: SearchContext, members: Int32Array, position: Int32Array, cap: number): void {
  const fill = new Int32Array(ctx.m);
  for (let i = 0; i < ctx.n; i++) {
    const g = ctx.group[i]!;
    const p = g * cap + fill[g]!++;
    members[p] = i;
    position[i] = p;
  }
}

function maxUpper(ctx: SearchContext): number {
  let cap = 0;
  for (let g = 0; g < ctx.m; g++) cap = Math.max(cap, ctx.upper[g]!);
  return cap;
}
