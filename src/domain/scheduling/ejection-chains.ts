import type { SchedulingModel } from './model.js';
import { UNPLACED, type PlanState } from './plan-state.js';

const MAX_DEPTH = 4;

/**
 * Moves that keep the plan feasible: put one community somewhere cheaper, and when the rooms or
 * its coach are taken there, eject the one or two sessions in the way and re-insert them the same
 * way (an ejection chain, depth-limited). A move is kept only if the total cost strictly drops,
 * checked against an absolute `target` objective so that every level of the chain shares one
 * budget; failed attempts are undone through the state's journal.
 */
export class EjectionChains {
  private readonly state: PlanState;
  private readonly model: SchedulingModel;
  private readonly blockers: Int32Array[];
  private readonly coachStart: Int32Array;
  private readonly coachList: Int32Array;
  /** Communities on the current chain: never ejected again, which cuts cycles and most of the tree. */
  private readonly inChain: Uint8Array;
  /** Evaluations performed, as a deterministic measure of work. */
  work = 0;
  /** Two sessions are ejected at once only at chain levels with at least this remaining depth. */
  pairDepth = 2;

  constructor(state: PlanState) {
    this.state = state;
    this.model = state.model;
    const m = this.model;
    let maxRooms = 0;
    for (const r of m.rooms) maxRooms = Math.max(maxRooms, r);
    const coachCount = new Int32Array(m.nCoaches);
    for (const k of m.communityCoach) coachCount[k] = (coachCount[k] ?? 0) + 1;
    let maxCoach = 0;
    for (const n of coachCount) maxCoach = Math.max(maxCoach, n);
    const size = (2 * m.span - 1) * maxRooms + maxCoach + 1;
    this.blockers = Array.from({ length: MAX_DEPTH + 1 }, () => new Int32Array(size));
    this.inChain = new Uint8Array(m.nCommunities);
    this.coachStart = new Int32Array(m.nCoaches + 1);
    for (let k = 0; k < m.nCoaches; k++) this.coachStart[k + 1] = (this.coachStart[k] ?? 0) + (coachCount[k] ?? 0);
    this.coachList = new Int32Array(m.nCommunities);
    const fill = this.coachStart.slice(0, m.nCoaches);
    m.communityCoach.forEach((k, c) => {
      this.coachList[fill[k] ?? 0] = c;
      fill[k] = (fill[k] ?? 0) + 1;
    });
  }

  /** Tries to lower the cost of community c's placement with chains up to `depth`; true if improved. */
  improve(c: number, depth: number): boolean {
    const s = this.state;
    const mark = s.mark();
    const target = s.objective;
    s.remove(c);
    if (this.insert(c, target, depth)) return true;
    s.rollback(mark);
    return false;
  }

  /**
   * Places the unplaced community c so that the objective ends strictly below `target`, possibly
   * ejecting and re-inserting others; on failure the state is unchanged.
   */
  insert(c: number, target: number, depth: number): boolean {
    this.inChain[c] = 1;
    const placed = this.insertMarked(c, target, depth);
    this.inChain[c] = 0;
    return placed;
  }

  private insertMarked(c: number, target: number, depth: number): boolean {
    const s = this.state;
    const m = this.model;
    const base = c * m.nPlacements;
    const from = m.sortedStart[c] ?? 0;
    const to = m.sortedStart[c + 1] ?? 0;
    for (let i = from; i < to; i++) {
      const p = m.sorted[i] ?? 0;
      this.work++;
      if (s.objective + (m.cost[base + p] ?? 0) >= target) break;
      if (s.canPlace(c, p)) {
        s.place(c, p);
        return true;
      }
    }
    if (depth === 0) return false;
    const list = this.blockers[depth] ?? new Int32Array(0);
    for (let i = from; i < to; i++) {
      const p = m.sorted[i] ?? 0;
      const cp = m.cost[base + p] ?? 0;
      if (s.objective + cp >= target) break;
      const n = this.collectBlockers(c, p, list);
      for (let j = 0; j < n; j++) {
        const b = list[j] ?? 0;
        const pb = s.assign[b] ?? UNPLACED;
        if (pb === UNPLACED || this.inChain[b]) continue;
        const cb = m.cost[b * m.nPlacements + pb] ?? 0;
        this.work++;
        if (s.objective - cb + cp + (m.minCost[b] ?? 0) >= target) continue;
        const mark = s.mark();
        s.remove(b);
        if (s.canPlace(c, p)) {
          s.place(c, p);
          if (this.insert(b, target, depth - 1)) return true;
          s.rollback(mark);
          continue;
        }
        for (let k = depth >= this.pairDepth ? j + 1 : n; k < n; k++) {
          const b2 = list[k] ?? 0;
          const pb2 = s.assign[b2] ?? UNPLACED;
          if (pb2 === UNPLACED || this.inChain[b2]) continue;
          const cb2 = m.cost[b2 * m.nPlacements + pb2] ?? 0;
          const minBoth = (m.minCost[b] ?? 0) + (m.minCost[b2] ?? 0);
          this.work++;
          if (s.objective - cb2 + cp + minBoth >= target) continue;
          const mark2 = s.mark();
          s.remove(b2);
          if (s.canPlace(c, p)) {
            s.place(c, p);
            if (
              this.insert(b, target - (m.minCost[b2] ?? 0), depth - 1) &&
              this.insert(b2, target, depth - 1)
            ) {
              return true;
            }
          }
          s.rollback(mark2);
        }
        s.rollback(mark);
      }
    }
    return false;
  }

  /**
   * Communities whose sessions overlap placement p where it matters: at the same location on a
   * grid point that is full, or of the same coach on that day. Written into `out`; returns count.
   */
  collectBlockers(c: number, p: number, out: Int32Array): number {
    const s = this.state;
    const m = this.model;
    const start = m.placementStart[p] ?? 0;
    const rowBase = p - start;
    const cap = m.rooms[m.placementLocation[p] ?? 0] ?? 0;
    let n = 0;
    const lo = Math.max(0, start - m.span + 1);
    const hi = Math.min(m.nStarts - 1, start + m.span - 1);
    // An online community takes no room, and ejecting one frees none: rooms block only room-takers.
    const room = m.needsRoom[c] === 1;
    for (let t0 = lo; room && t0 <= hi; t0++) {
      let b = s.headAt[rowBase + t0] ?? UNPLACED;
      if (b === UNPLACED) continue;
      const from = Math.max(start, t0);
      const to = Math.min(Math.min(start, t0) + m.span, m.nStarts);
      let full = false;
      for (let t = from; t < to; t++) if ((s.roomOcc[rowBase + t] ?? 0) >= cap) full = true;
      if (!full) continue;
      while (b !== UNPLACED) {
        if (b !== c && m.needsRoom[b] === 1) out[n++] = b;
        b = s.nextAt[b] ?? UNPLACED;
      }
    }
    const k = m.communityCoach[c] ?? 0;
    const day = m.placementDay[p] ?? 0;
    for (let i = this.coachStart[k] ?? 0; i < (this.coachStart[k + 1] ?? 0); i++) {
      const other = this.coachList[i] ?? 0;
      const q = s.assign[other] ?? UNPLACED;
      if (other === c || q === UNPLACED || m.placementDay[q] !== day) continue;
      if (Math.abs((m.placementStart[q] ?? 0) - start) < m.span && !this.contains(out, n, other)) out[n++] = other;
    }
    return n;
  }

  private contains(list: Int32Array, n: number, x: number): boolean {
    for (let i = 0; i < n; i++) if (list[i] === x) return true;
    return false;
  }
}
