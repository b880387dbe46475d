import { EjectionChains } from './ejection-chains.js';
import { EjectionPaths } from './ejection-paths.js';
import { UNPLACED, type PlanState } from './plan-state.js';
import type { Rng } from './rng.js';

/**
 * Iterated local search over feasible plans: descend with ejection chains until no community
 * can get cheaper, then kick (re-place a few related communities at random among their cheaper
 * placements) and descend again; keep the result if it is no worse, else undo it through the
 * journal. Work is counted in kicks so a run is reproducible for a seed regardless of speed.
 */
export class LocalSearch {
  readonly state: PlanState;
  readonly chains: EjectionChains;
  readonly paths: EjectionPaths;
  private readonly rng: Rng;
  private readonly order: Int32Array;
  private readonly kicked: Int32Array;
  private readonly scratch: Int32Array;
  depth = 2;
  /** The descent stops as soon as the objective is at or below this (a proven lower bound). */
  stopAt = -Infinity;

  constructor(state: PlanState, rng: Rng) {
    this.state = state;
    this.rng = rng;
    this.chains = new EjectionChains(state);
    this.paths = new EjectionPaths(state, this.chains);
    const n = state.model.nCommunities;
    this.order = new Int32Array(n);
    for (let c = 0; c < n; c++) this.order[c] = c;
    this.kicked = new Int32Array(n);
    this.scratch = new Int32Array(n);
  }

  /**
   * Variable-depth descent: sweep with cheap one-ejection chains until stuck, and only then pay
   * for deeper chains; any improvement found deep sends the search back to the cheap sweep.
   */
  descend(maxDepth: number = this.depth): void {
    let depth = 1;
    while (depth <= maxDepth && !this.done()) {
      if (this.sweep(depth)) {
        while (!this.done() && this.sweep(1));
        depth = 1;
      } else if (depth === 1 && this.paths.improve()) {
        while (!this.done() && this.paths.improve());
      } else {
        depth++;
      }
    }
  }

  private done(): boolean {
    return this.state.objective <= this.stopAt;
  }

  /** One pass over all communities in random order; true if any got cheaper. */
  private sweep(depth: number): boolean {
    const n = this.state.model.nCommunities;
    let improved = false;
    this.shuffle();
    for (let i = 0; i < n && !this.done(); i++) {
      const c = this.order[i] ?? 0;
      if (this.state.costOf(c, this.state.assign[c] ?? 0) === this.state.model.minCost[c]) continue;
      if (this.chains.improve(c, depth)) improved = true;
    }
    return improved;
  }

  /**
   * One kick + descent. Returns true when the new plan is kept (objective not worse than before);
   * otherwise the state is restored exactly.
   */
  kickAndDescend(strength: number, depth: number = this.depth): boolean {
    const s = this.state;
    const m = s.model;
    const before = s.objective;
    s.commit();
    const n = this.pickRelated(strength);
    for (let i = 0; i < n; i++) s.remove(this.kicked[i] ?? 0);
    for (let i = 0; i < n; i++) {
      const c = this.kicked[i] ?? 0;
      const from = m.sortedStart[c] ?? 0;
      const count = (m.sortedStart[c + 1] ?? 0) - from;
      const window = Math.min(count, 4 + this.rng.int(12));
      let placed = false;
      for (let tries = 0; tries < 6 && !placed; tries++) {
        const p = m.sorted[from + this.rng.int(window)] ?? 0;
        if (s.canPlace(c, p)) {
          s.place(c, p);
          placed = true;
        }
      }
      if (!placed && !this.chains.insert(c, Number.MAX_SAFE_INTEGER, 1)) {
        s.rollback(0);
        return false;
      }
    }
    this.descend(depth);
    if (s.objective <= before) {
      s.commit();
      return true;
    }
    s.rollback(0);
    return false;
  }

  /** A random community plus sessions in the same day and location, where capacity interacts. */
  private pickRelated(strength: number): number {
    const s = this.state;
    const m = s.model;
    const first = this.rng.int(m.nCommunities);
    this.kicked[0] = first;
    let n = 1;
    const p = s.assign[first] ?? UNPLACED;
    if (p !== UNPLACED && strength > 1) {
      const k = this.chains.collectBlockers(first, this.pickNear(p), this.scratch);
      for (let i = 0; i < k && n < strength; i++) {
        const b = this.scratch[this.rng.int(k)] ?? 0;
        if (!this.kickedContains(b, n)) this.kicked[n++] = b;
      }
    }
    while (n < strength && this.rng.next() < 0.5) {
      const b = this.rng.int(m.nCommunities);
      if (!this.kickedContains(b, n)) this.kicked[n++] = b;
    }
    return n;
  }

  /** A placement on the same day and location as p, a little earlier or later. */
  private pickNear(p: number): number {
    const m = this.state.model;
    const s = m.placementStart[p] ?? 0;
    const t = Math.max(0, Math.min(m.nStarts - 1, s + this.rng.int(2 * m.span + 1) - m.span));
    return p - s + t;
  }

  private kickedContains(c: number, n: number): boolean {
    for (let i = 0; i < n; i++) if (this.kicked[i] === c) return true;
    return false;
  }

  private shuffle(): void {
    const o = this.order;
    for (let i = o.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = o[i] ?? 0;
      o[i] = o[j] ?? 0;
      o[j] = t;
    }
  }
}
