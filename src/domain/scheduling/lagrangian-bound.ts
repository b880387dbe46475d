import type { SchedulingModel } from './model.js';

export type LagrangianOptions = {
  /** Best known objective (for the Polyak step); the bound never exceeds the optimum anyway. */
  upperBound: number;
  iterations: number;
  /** Stop as soon as ⌈bound⌉ reaches this value (optimality proven). */
  stopAt?: number;
};

export type LagrangianBound = {
  /** A valid lower bound on the optimum (integer: costs are integers). */
  bound: number;
  iterations: number;
};

/**
 * Lower bound by relaxing room capacity and coach non-overlap with multipliers μ ≥ 0 per grid
 * point and optimising them by subgradient steps. Each community then picks its cheapest
 * placement under the prices, so every value L(μ) is a valid bound; the best one is reported.
 * It lets the solver stop early once its plan is proven optimal, and it tells the user how far
 * from optimal a plan can at most be when it is not.
 */
export function lagrangianBound(model: SchedulingModel, options: LagrangianOptions): LagrangianBound {
  const m = model;
  const P = m.nPlacements;
  const coachRows = m.nCoaches * m.nDays * m.nStarts;
  const muRoom = new Float64Array(P);
  const muCoach = new Float64Array(coachRows);
  const useRoom = new Float64Array(P);
  const useCoach = new Float64Array(coachRows);
  const price = new Float64Array(P);
  const coachCount = new Int32Array(m.nCoaches);
  for (const k of m.communityCoach) coachCount[k] = (coachCount[k] ?? 0) + 1;

  let best = 0;
  for (let c = 0; c < m.nCommunities; c++) best += m.minCost[c] ?? 0;
  let theta = 1;
  let sinceBetter = 0;
  let iter = 0;
  const stopAt = options.stopAt ?? Infinity;
  for (; iter < options.iterations && Math.ceil(best - 1e-6) < stopAt; iter++) {
    for (let p = 0; p < P; p++) {
      const s = m.placementStart[p] ?? 0;
      const end = Math.min(s + m.span, m.nStarts);
      let sum = 0;
      for (let t = s; t < end; t++) sum += muRoom[p - s + t] ?? 0;
      price[p] = sum;
    }
    useRoom.fill(0);
    useCoach.fill(0);
    let value = 0;
    for (let p = 0; p < P; p++) value -= (muRoom[p] ?? 0) * (m.rooms[m.placementLocation[p] ?? 0] ?? 0);
    for (let i = 0; i < coachRows; i++) value -= muCoach[i] ?? 0;
    for (let c = 0; c < m.nCommunities; c++) {
      const k = m.communityCoach[c] ?? 0;
      const shared = (coachCount[k] ?? 0) > 1;
      let bestP = -1;
      let bestV = Infinity;
      for (let i = m.sortedStart[c] ?? 0; i < (m.sortedStart[c + 1] ?? 0); i++) {
        const p = m.sorted[i] ?? 0;
        const cost = m.cost[c * P + p] ?? 0;
        if (cost >= bestV) break;
        let v = cost + (price[p] ?? 0);
        if (shared) v += coachPrice(m, muCoach, k, p);
        if (v < bestV) {
          bestV = v;
          bestP = p;
        }
      }
      value += bestV;
      const s = m.placementStart[bestP] ?? 0;
      const end = Math.min(s + m.span, m.nStarts);
      const coachBase = (k * m.nDays + (m.placementDay[bestP] ?? 0)) * m.nStarts;
      for (let t = s; t < end; t++) {
        useRoom[bestP - s + t] = (useRoom[bestP - s + t] ?? 0) + 1;
        if (shared) useCoach[coachBase + t] = (useCoach[coachBase + t] ?? 0) + 1;
      }
    }
    if (value > best + 1e-9) {
      best = value;
      sinceBetter = 0;
    } else if (++sinceBetter >= 15) {
      theta /= 2;
      sinceBetter = 0;
      if (theta < 1e-4) break;
    }
    let norm = 0;
    for (let p = 0; p < P; p++) {
      const g = (useRoom[p] ?? 0) - (m.rooms[m.placementLocation[p] ?? 0] ?? 0);
      if (g > 0 || (muRoom[p] ?? 0) > 0) norm += g * g;
    }
    for (let i = 0; i < coachRows; i++) {
      const g = (useCoach[i] ?? 0) - 1;
      if (g > 0 || (muCoach[i] ?? 0) > 0) norm += g * g;
    }
    if (norm === 0) break;
    const step = (theta * Math.max(1, options.upperBound - value)) / norm;
    for (let p = 0; p < P; p++) {
      const g = (useRoom[p] ?? 0) - (m.rooms[m.placementLocation[p] ?? 0] ?? 0);
      muRoom[p] = Math.max(0, (muRoom[p] ?? 0) + step * g);
    }
    for (let i = 0; i < coachRows; i++) {
      if ((useCoach[i] ?? 0) === 0 && (muCoach[i] ?? 0) === 0) continue;
      muCoach[i] = Math.max(0, (muCoach[i] ?? 0) + step * ((useCoach[i] ?? 0) - 1));
    }
  }
  return { bound: Math.ceil(best - 1e-6), iterations: iter };
}

function coachPrice(m: SchedulingModel, muCoach: Float64Array, k: number, p: number): number {
  const s = m.placementStart[p] ?? 0;
  const end = Math.min(s + m.span, m.nStarts);
  const base = (k * m.nDays + (m.placementDay[p] ?? 0)) * m.nStarts;
  let sum = 0;
  for (let t = s; t < end; t++) sum += muCoach[base + t] ?? 0;
  return sum;
}
