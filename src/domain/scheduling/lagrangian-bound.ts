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
 * Lagrangian relaxation of room capacity and coach non-overlap: multipliers μ ≥ 0 per grid point
 * act as prices, each community then picks its cheapest placement under the prices, and every
 * value L(μ) is a valid lower bound. Subgradient steps (Polyak, halving θ when stuck) improve μ.
 * The prices are also used by the solver to build plans that leave the contested slots to the
 * communities that lose most without them (see solve-session-placement.ts).
 */
export class LagrangianPrices {
  readonly model: SchedulingModel;
  /** Price per (day, location) grid point; index as in PlanState.roomOcc. */
  readonly muRoom: Float64Array;
  readonly muCoach: Float64Array;
  /** Sum of room prices over the grid points each placement covers (updated by {@link step}). */
  readonly price: Float64Array;
  best = 0;
  iterations = 0;
  private theta = 1;
  private sinceBetter = 0;
  private readonly useRoom: Float64Array;
  private readonly useCoach: Float64Array;
  private readonly shared: Uint8Array;
  /** Coaches with more than one community: the only ones whose non-overlap constraints can bind. */
  private readonly sharedCoaches: Int32Array;
  /** Sum of coach prices over the grid points a session starting at each point covers. */
  private readonly coachWindow: Float64Array;

  constructor(model: SchedulingModel) {
    this.model = model;
    const coachRows = model.nCoaches * model.nDays * model.nStarts;
    this.muRoom = new Float64Array(model.nPlacements);
    this.muCoach = new Float64Array(coachRows);
    this.price = new Float64Array(model.nPlacements);
    this.useRoom = new Float64Array(model.nPlacements);
    this.useCoach = new Float64Array(coachRows);
    const count = new Int32Array(model.nCoaches);
    for (const k of model.communityCoach) count[k] = (count[k] ?? 0) + 1;
    this.shared = Uint8Array.from(count, (n) => (n > 1 ? 1 : 0));
    const sharedCoaches: number[] = [];
    this.shared.forEach((flag, k) => {
      if (flag) sharedCoaches.push(k);
    });
    this.sharedCoaches = Int32Array.from(sharedCoaches);
    this.coachWindow = new Float64Array(coachRows);
    for (const v of model.minCost) this.best += v;
  }

  /** True once the step size has become too small to change anything. */
  get converged(): boolean {
    return this.theta < 1e-4;
  }

  /** Priced cost of community c at placement p: cost + room prices + coach prices. */
  pricedCost(c: number, p: number): number {
    const m = this.model;
    const k = m.communityCoach[c] ?? 0;
    let v = (m.cost[c * m.nPlacements + p] ?? 0) + (this.price[p] ?? 0);
    if (this.shared[k]) v += this.coachPrice(k, p);
    return v;
  }

  /**
   * Feasible placements of each community by priced cost (ties by cost, then index), laid out
   * like model.sorted: a preference order that leaves contested slots to whoever needs them most.
   */
  pricedOrder(): Int32Array {
    const m = this.model;
    const order = m.sorted.slice();
    const key = new Float64Array(m.nPlacements);
    for (let c = 0; c < m.nCommunities; c++) {
      const from = m.sortedStart[c] ?? 0;
      const to = m.sortedStart[c + 1] ?? 0;
      for (let i = from; i < to; i++) {
        const p = order[i] ?? 0;
        key[p] = this.pricedCost(c, p);
      }
      order.subarray(from, to).sort((a, b) => (key[a] ?? 0) - (key[b] ?? 0) || a - b);
    }
    return order;
  }

  /** One subgradient iteration; returns L(μ) before the update. */
  step(upperBound: number): number {
    const m = this.model;
    const P = m.nPlacements;
    const S = m.nStarts;
    const span = m.span;
    const muRoom = this.muRoom;
    const muCoach = this.muCoach;
    const price = this.price;
    const coachWindow = this.coachWindow;
    for (let p = 0; p < P; p++) {
      const s = m.placementStart[p] ?? 0;
      const end = Math.min(s + span, S);
      let sum = 0;
      for (let t = s; t < end; t++) sum += muRoom[p - s + t] ?? 0;
      price[p] = sum;
    }
    // Window sums of the coach prices, only for coaches with more than one community.
    const rowsPerCoach = m.nDays * S;
    for (const k of this.sharedCoaches) {
      for (let row = k * rowsPerCoach; row < (k + 1) * rowsPerCoach; row += S) {
        for (let s = 0; s < S; s++) {
          const end = Math.min(s + span, S);
          let sum = 0;
          for (let t = s; t < end; t++) sum += muCoach[row + t] ?? 0;
          coachWindow[row + s] = sum;
        }
      }
    }
    const useRoom = this.useRoom;
    const useCoach = this.useCoach;
    useRoom.fill(0);
    for (const k of this.sharedCoaches) useCoach.fill(0, k * rowsPerCoach, (k + 1) * rowsPerCoach);
    let value = 0;
    for (let p = 0; p < P; p++) value -= (muRoom[p] ?? 0) * (m.rooms[m.placementLocation[p] ?? 0] ?? 0);
    for (const k of this.sharedCoaches) {
      for (let i = k * rowsPerCoach; i < (k + 1) * rowsPerCoach; i++) value -= muCoach[i] ?? 0;
    }
    const cost = m.cost;
    const sorted = m.sorted;
    for (let c = 0; c < m.nCommunities; c++) {
      const k = m.communityCoach[c] ?? 0;
      const shared = this.shared[k] === 1;
      // An online community takes no room: no room price, no room use.
      const room = m.needsRoom[c] === 1;
      const base = c * P;
      const coachBase = k * rowsPerCoach;
      let bestP = -1;
      let bestV = Infinity;
      const to = m.sortedStart[c + 1] ?? 0;
      for (let i = m.sortedStart[c] ?? 0; i < to; i++) {
        const p = sorted[i] ?? 0;
        const raw = cost[base + p] ?? 0;
        if (raw >= bestV) break;
        let v = raw + (room ? (price[p] ?? 0) : 0);
        if (shared) v += coachWindow[coachBase + (m.placementDay[p] ?? 0) * S + (m.placementStart[p] ?? 0)] ?? 0;
        if (v < bestV) {
          bestV = v;
          bestP = p;
        }
      }
      value += bestV;
      const s = m.placementStart[bestP] ?? 0;
      const end = Math.min(s + span, S);
      const dayBase = coachBase + (m.placementDay[bestP] ?? 0) * S;
      for (let t = s; t < end; t++) {
        if (room) useRoom[bestP - s + t] = (useRoom[bestP - s + t] ?? 0) + 1;
        if (shared) useCoach[dayBase + t] = (useCoach[dayBase + t] ?? 0) + 1;
      }
    }
    this.iterations++;
    if (value > this.best + 1e-9) {
      this.best = value;
      this.sinceBetter = 0;
    } else if (++this.sinceBetter >= 15) {
      this.theta /= 2;
      this.sinceBetter = 0;
    }
    let norm = 0;
    for (let p = 0; p < P; p++) {
      const g = (useRoom[p] ?? 0) - (m.rooms[m.placementLocation[p] ?? 0] ?? 0);
      if (g > 0 || (muRoom[p] ?? 0) > 0) norm += g * g;
    }
    for (const k of this.sharedCoaches) {
      for (let i = k * rowsPerCoach; i < (k + 1) * rowsPerCoach; i++) {
        const g = (useCoach[i] ?? 0) - 1;
        if ((useCoach[i] ?? 0) > 0 && (g > 0 || (muCoach[i] ?? 0) > 0)) norm += g * g;
        else if ((muCoach[i] ?? 0) > 0) norm += 1;
      }
    }
    if (norm === 0) {
      this.theta = 0;
      return value;
    }
    const stepSize = (this.theta * Math.max(1, upperBound - value)) / norm;
    for (let p = 0; p < P; p++) {
      const g = (useRoom[p] ?? 0) - (m.rooms[m.placementLocation[p] ?? 0] ?? 0);
      muRoom[p] = Math.max(0, (muRoom[p] ?? 0) + stepSize * g);
    }
    for (const k of this.sharedCoaches) {
      for (let i = k * rowsPerCoach; i < (k + 1) * rowsPerCoach; i++) {
        if ((useCoach[i] ?? 0) === 0 && (muCoach[i] ?? 0) === 0) continue;
        muCoach[i] = Math.max(0, (muCoach[i] ?? 0) + stepSize * ((useCoach[i] ?? 0) - 1));
      }
    }
    return value;
  }

  /** The best bound so far, rounded up (costs are integers). */
  get bound(): number {
    return Math.ceil(this.best - 1e-6);
  }

  private coachPrice(k: number, p: number): number {
    const m = this.model;
    const s = m.placementStart[p] ?? 0;
    const end = Math.min(s + m.span, m.nStarts);
    const base = (k * m.nDays + (m.placementDay[p] ?? 0)) * m.nStarts;
    let sum = 0;
    for (let t = s; t < end; t++) sum += this.muCoach[base + t] ?? 0;
    return sum;
  }
}

/** Runs the subgradient method on its own; see {@link LagrangianPrices}. */
export function lagrangianBound(model: SchedulingModel, options: LagrangianOptions): LagrangianBound {
  const prices = new LagrangianPrices(model);
  const stopAt = options.stopAt ?? Infinity;
  while (prices.iterations < options.iterations && prices.bound < stopAt && !prices.converged) {
    prices.step(options.upperBound);
  }
  return { bound: prices.bound, iterations: prices.iterations };
}
