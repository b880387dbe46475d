import type { SchedulingModel } from './model.js';

const NONE = -1;

/**
 * A (partial) assignment of placements to communities with incremental bookkeeping: room and
 * coach occupancy per grid point, and per placement a linked list of the communities starting
 * there, so "who is in the way of placement p?" is a walk over 2·span−1 list heads.
 * All storage is allocated once; moves only update typed arrays.
 */
export class PlanState {
  readonly model: SchedulingModel;
  /** Placement per community, -1 while unplaced. */
  readonly assign: Int32Array;
  /** Sessions covering grid point t of (day, location): index (day × L + loc) × S + t. */
  readonly roomOcc: Int16Array;
  /** Sessions of coach k covering grid point t of a day: index (k × D + day) × S + t. */
  readonly coachOcc: Int16Array;
  readonly headAt: Int32Array;
  readonly nextAt: Int32Array;
  readonly prevAt: Int32Array;
  objective = 0;
  unplaced: number;
  /** Undo log of place/remove operations since the last {@link commit}: op = c·2 + (1 if place). */
  private journalOp: Int32Array;
  private journalP: Int32Array;
  private journalLength = 0;

  constructor(model: SchedulingModel) {
    this.model = model;
    this.assign = new Int32Array(model.nCommunities).fill(NONE);
    this.roomOcc = new Int16Array(model.nPlacements);
    this.coachOcc = new Int16Array(model.nCoaches * model.nDays * model.nStarts);
    this.headAt = new Int32Array(model.nPlacements).fill(NONE);
    this.nextAt = new Int32Array(model.nCommunities).fill(NONE);
    this.prevAt = new Int32Array(model.nCommunities).fill(NONE);
    this.unplaced = model.nCommunities;
    this.journalOp = new Int32Array(1024);
    this.journalP = new Int32Array(1024);
  }

  /** A point to {@link rollback} to. */
  mark(): number {
    return this.journalLength;
  }

  /** Forgets the undo log: the current assignment becomes the base for the next moves. */
  commit(): void {
    this.journalLength = 0;
  }

  /** Undoes every place/remove since `mark`, newest first, restoring the exact earlier state. */
  rollback(mark: number): void {
    while (this.journalLength > mark) {
      this.journalLength--;
      const op = this.journalOp[this.journalLength] ?? 0;
      const c = op >> 1;
      if (op & 1) this.removeRaw(c);
      else this.placeRaw(c, this.journalP[this.journalLength] ?? 0);
    }
  }

  costOf(c: number, p: number): number {
    return this.model.cost[c * this.model.nPlacements + p] ?? 0;
  }

  /** Whether community c (currently unplaced) fits at p without exceeding rooms or its coach. */
  canPlace(c: number, p: number): boolean {
    const m = this.model;
    const s = m.placementStart[p] ?? 0;
    const rowBase = p - s;
    const cap = m.rooms[m.placementLocation[p] ?? 0] ?? 0;
    const coachBase = ((m.communityCoach[c] ?? 0) * m.nDays + (m.placementDay[p] ?? 0)) * m.nStarts;
    const end = Math.min(s + m.span, m.nStarts);
    // An online community takes no room: only its coach must be free.
    const room = m.needsRoom[c] === 1;
    for (let t = s; t < end; t++) {
      if ((room && (this.roomOcc[rowBase + t] ?? 0) >= cap) || (this.coachOcc[coachBase + t] ?? 0) > 0) return false;
    }
    return true;
  }

  place(c: number, p: number): void {
    this.log(c * 2 + 1, p);
    this.placeRaw(c, p);
  }

  remove(c: number): void {
    const p = this.assign[c] ?? NONE;
    if (p === NONE) return;
    this.log(c * 2, p);
    this.removeRaw(c);
  }

  private log(op: number, p: number): void {
    if (this.journalLength === this.journalOp.length) {
      const op2 = new Int32Array(this.journalOp.length * 2);
      op2.set(this.journalOp);
      this.journalOp = op2;
      const p2 = new Int32Array(this.journalP.length * 2);
      p2.set(this.journalP);
      this.journalP = p2;
    }
    this.journalOp[this.journalLength] = op;
    this.journalP[this.journalLength] = p;
    this.journalLength++;
  }

  private placeRaw(c: number, p: number): void {
    this.assign[c] = p;
    this.touch(c, p, 1);
    const head = this.headAt[p] ?? NONE;
    this.nextAt[c] = head;
    this.prevAt[c] = NONE;
    if (head !== NONE) this.prevAt[head] = c;
    this.headAt[p] = c;
    this.objective += this.costOf(c, p);
    this.unplaced--;
  }

  private removeRaw(c: number): void {
    const p = this.assign[c] ?? NONE;
    if (p === NONE) return;
    this.touch(c, p, -1);
    const next = this.nextAt[c] ?? NONE;
    const prev = this.prevAt[c] ?? NONE;
    if (prev === NONE) this.headAt[p] = next;
    else this.nextAt[prev] = next;
    if (next !== NONE) this.prevAt[next] = prev;
    this.assign[c] = NONE;
    this.objective -= this.costOf(c, p);
    this.unplaced++;
  }

  /** Copies another state's assignment into this one (same model), rebuilding the bookkeeping. */
  copyFrom(other: PlanState): void {
    for (let c = 0; c < this.model.nCommunities; c++) this.remove(c);
    for (let c = 0; c < this.model.nCommunities; c++) {
      const p = other.assign[c] ?? NONE;
      if (p !== NONE) this.place(c, p);
    }
    this.commit();
  }

  private touch(c: number, p: number, delta: number): void {
    const m = this.model;
    const s = m.placementStart[p] ?? 0;
    const rowBase = p - s;
    const coachBase = ((m.communityCoach[c] ?? 0) * m.nDays + (m.placementDay[p] ?? 0)) * m.nStarts;
    const end = Math.min(s + m.span, m.nStarts);
    const room = m.needsRoom[c] === 1;
    for (let t = s; t < end; t++) {
      if (room) this.roomOcc[rowBase + t] = (this.roomOcc[rowBase + t] ?? 0) + delta;
      this.coachOcc[coachBase + t] = (this.coachOcc[coachBase + t] ?? 0) + delta;
    }
  }
}

export const UNPLACED = NONE;
