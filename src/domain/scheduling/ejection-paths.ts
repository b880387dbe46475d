import type { EjectionChains } from './ejection-chains.js';
import { UNPLACED, type PlanState } from './plan-state.js';

const MAX_ROUNDS = 12;

/**
 * Long ejection chains as shortest paths. Node b means "b has left its placement"; its label is
 * the best cost change of a chain that ends with b ejected (initially −cost of b's placement:
 * b leaves on its own). An arc b → b′ moves b into a placement whose only obstacle is b′. A chain
 * ends when a node moves into free space. Labels only go down and a chain can only improve the
 * plan if every prefix is negative, so at most the placements cheaper than −label are scanned:
 * this finds the long plateau chains (many communities each shifting to another free-of-cost
 * slot) that make room for one expensive community, which depth-limited search cannot reach.
 */
export class EjectionPaths {
  private readonly state: PlanState;
  private readonly chains: EjectionChains;
  private readonly label: Float64Array;
  private readonly pred: Int32Array;
  private readonly predPlacement: Int32Array;
  private readonly active: Uint8Array;
  private readonly next: Uint8Array;
  private readonly onPath: Uint8Array;
  private readonly path: Int32Array;
  private readonly moves: Int32Array;
  private readonly blockers: Int32Array;
  /** Best chain end found per node: its total change and the free placement it moves into. */
  private readonly endDelta: Float64Array;
  private readonly endPlacement: Int32Array;
  private readonly ends: Int32Array;

  constructor(state: PlanState, chains: EjectionChains) {
    this.state = state;
    this.chains = chains;
    const n = state.model.nCommunities;
    this.label = new Float64Array(n);
    this.pred = new Int32Array(n);
    this.predPlacement = new Int32Array(n);
    this.active = new Uint8Array(n);
    this.next = new Uint8Array(n);
    this.onPath = new Uint8Array(n);
    this.path = new Int32Array(n + 1);
    this.moves = new Int32Array(n + 1);
    this.blockers = new Int32Array(n);
    this.endDelta = new Float64Array(n);
    this.endPlacement = new Int32Array(n);
    this.ends = new Int32Array(n);
  }

  /** Finds and applies one improving chain; false if none was found (state unchanged). */
  improve(): boolean {
    const s = this.state;
    const m = s.model;
    const n = m.nCommunities;
    for (let c = 0; c < n; c++) {
      this.endDelta[c] = 0;
      this.label[c] = -s.costOf(c, s.assign[c] ?? 0);
      this.pred[c] = UNPLACED;
      this.active[c] = (this.label[c] ?? 0) < 0 ? 1 : 0;
    }
    for (let round = 0; round < MAX_ROUNDS; round++) {
      this.next.fill(0);
      let any = false;
      for (let b = 0; b < n; b++) {
        if (!this.active[b]) continue;
        const lb = this.label[b] ?? 0;
        const mark = s.mark();
        if (!this.materialize(b)) {
          s.rollback(mark);
          continue;
        }
        for (let i = m.sortedStart[b] ?? 0; i < (m.sortedStart[b + 1] ?? 0); i++) {
          const q = m.sorted[i] ?? 0;
          const cq = m.cost[b * m.nPlacements + q] ?? 0;
          if (lb + cq >= 0) break;
          this.chains.work++;
          if (s.canPlace(b, q)) {
            // The cheapest free placement ends the best chain through b: no need to look further.
            if (lb + cq < (this.endDelta[b] ?? 0)) {
              this.endDelta[b] = lb + cq;
              this.endPlacement[b] = q;
            }
            break;
          }
          const k = this.chains.collectBlockers(b, q, this.blockers);
          for (let j = 0; j < k; j++) {
            const b2 = this.blockers[j] ?? 0;
            const p2 = s.assign[b2] ?? UNPLACED;
            if (p2 === UNPLACED) continue;
            const l2 = lb + cq - s.costOf(b2, p2);
            if (l2 >= (this.label[b2] ?? 0) || this.reaches(b, b2)) continue;
            s.remove(b2);
            const frees = s.canPlace(b, q);
            s.place(b2, p2);
            if (!frees) continue;
            this.label[b2] = l2;
            this.pred[b2] = b;
            this.predPlacement[b2] = q;
            this.next[b2] = 1;
            any = true;
          }
        }
        s.rollback(mark);
      }
      if (!any) break;
      this.active.set(this.next);
    }
    // Try chain ends best first: a chain can fail when two of its moves compete for one room.
    let count = 0;
    for (let c = 0; c < n; c++) if ((this.endDelta[c] ?? 0) < 0) this.ends[count++] = c;
    const ends = this.ends.subarray(0, count).sort((a, b) => (this.endDelta[a] ?? 0) - (this.endDelta[b] ?? 0) || a - b);
    for (const end of ends) if (this.apply(end, this.endPlacement[end] ?? 0)) return true;
    return false;
  }

  /**
   * Puts the state in the situation the label of b describes: every community on b's chain
   * removed, and all but b placed at their new placements. Without this, chain ends are checked
   * against the old plan and moves of one chain collide in the same rooms. False if they collide.
   */
  private materialize(b: number): boolean {
    const s = this.state;
    let len = 0;
    for (let v = b; v !== UNPLACED; v = this.pred[v] ?? UNPLACED) {
      if (this.onPath[v] || len >= this.path.length) break;
      this.onPath[v] = 1;
      this.path[len++] = v;
    }
    for (let i = 0; i < len; i++) this.onPath[this.path[i] ?? 0] = 0;
    for (let i = 0; i < len; i++) s.remove(this.path[i] ?? 0);
    for (let i = 1; i < len; i++) {
      const v = this.path[i] ?? 0;
      const q = this.predPlacement[this.path[i - 1] ?? 0] ?? 0;
      if (!s.canPlace(v, q)) return false;
      s.place(v, q);
    }
    return true;
  }

  /** Whether b2 is already on the chain that ends at b (no community moves twice). */
  private reaches(b: number, b2: number): boolean {
    let v = b;
    for (let steps = 0; v !== UNPLACED && steps <= this.path.length; steps++) {
      if (v === b2) return true;
      v = this.pred[v] ?? UNPLACED;
    }
    return false;
  }

  private apply(end: number, endPlacement: number): boolean {
    const s = this.state;
    let len = 0;
    let v = end;
    let q = endPlacement;
    while (v !== UNPLACED) {
      if (this.onPath[v] || len >= this.path.length) {
        for (let i = 0; i < len; i++) this.onPath[this.path[i] ?? 0] = 0;
        return false;
      }
      this.onPath[v] = 1;
      this.path[len] = v;
      this.moves[len] = q;
      len++;
      q = this.predPlacement[v] ?? UNPLACED;
      v = this.pred[v] ?? UNPLACED;
    }
    for (let i = 0; i < len; i++) this.onPath[this.path[i] ?? 0] = 0;
    const before = s.objective;
    const mark = s.mark();
    for (let i = 0; i < len; i++) s.remove(this.path[i] ?? 0);
    for (let i = len - 1; i >= 0; i--) {
      const c = this.path[i] ?? 0;
      const p = this.moves[i] ?? 0;
      if (!s.canPlace(c, p)) {
        s.rollback(mark);
        return false;
      }
      s.place(c, p);
    }
    if (s.objective >= before) {
      s.rollback(mark);
      return false;
    }
    return true;
  }
}
