import { explainExtraTrips, type ExtraTripExplanation } from './explain-extra-trips.js';
import type { BusyBlock, SchedulingInstance } from './instance.js';
import { memberCost, overlaps, type DayInterval, type MemberCostKind } from './member-cost.js';
import { compileModel } from './model.js';
import { measurePlan, type PlanQuality } from './plan-quality.js';
import type { SessionPlacement } from './solution.js';
import { clockToMinutes } from './time.js';

/**
 * What a coordinator needs to judge and adjust a plan, computed from the run's instance and the
 * chosen placements: each member's cost at a slot, why a slot is not possible (coach busy, room
 * full, coach double-booked), every alternative slot of a community with its cost, the plan's
 * figures and the extra trips explained. Pure; the same rules as the solver (member-cost.ts).
 */

export type Slot = { day: string; start: string; location: string };

export type MemberAssessment = { member: string; kind: MemberCostKind; cost: number };

/** Why a slot cannot be chosen: hard constraints of FORMAT.md. */
export type Blocker =
  | { kind: 'COACH_BUSY'; busy: { start: string; end: string } }
  | { kind: 'COACH_DOUBLE_BOOKED'; community: string }
  | { kind: 'ROOM_FULL'; rooms: number; sessions: number }
  | { kind: 'OFF_GRID' };

export type SlotAssessment = Slot & {
  cost: number;
  waitingMinutes: number;
  extraTrips: number;
  /** Members who have a class at that time. */
  inClass: number;
  adjacent: number;
  members: MemberAssessment[];
  blockers: Blocker[];
};

export class PlanContext {
  readonly instance: SchedulingInstance;
  private readonly busy = new Map<string, BusyBlock[]>();
  private readonly communities: Map<string, SchedulingInstance['communities'][number]>;
  private readonly rooms: Map<string, number>;
  private readonly dayStart: number;
  private readonly dayEnd: number;

  constructor(instance: SchedulingInstance) {
    this.instance = instance;
    for (const p of instance.people) this.busy.set(p.id, p.busy);
    this.communities = new Map(instance.communities.map((c) => [c.id, c]));
    this.rooms = new Map(instance.locations.map((l) => [l.id, l.rooms]));
    this.dayStart = clockToMinutes(instance.dayStart);
    this.dayEnd = clockToMinutes(instance.dayEnd);
  }

  hasCommunity(id: string): boolean {
    return this.communities.has(id);
  }

  /** A person's blocks on a day, sorted by start. */
  dayOf(person: string, day: string): BusyBlock[] {
    return (this.busy.get(person) ?? []).filter((b) => b.day === day).sort((a, b) => a.start.localeCompare(b.start));
  }

  private intervals(person: string, day: string): DayInterval<string>[] {
    return this.dayOf(person, day).map((b) => ({ start: clockToMinutes(b.start), end: clockToMinutes(b.end), location: b.location }));
  }

  /** Every start of the grid (dayStart + k × slot, ending by dayEnd). */
  starts(): number[] {
    const result: number[] = [];
    for (let s = this.dayStart; s + this.instance.sessionMinutes <= this.dayEnd; s += this.instance.slotMinutes) result.push(s);
    return result;
  }

  /** Assesses one community at one slot, given the other communities' placements. */
  assess(communityId: string, slot: Slot, others: readonly SessionPlacement[]): SlotAssessment {
    const community = this.communities.get(communityId);
    const start = clockToMinutes(slot.start);
    const end = start + this.instance.sessionMinutes;
    const result: SlotAssessment = { ...slot, cost: 0, waitingMinutes: 0, extraTrips: 0, inClass: 0, adjacent: 0, members: [], blockers: [] };
    if (!community) return result;
    const onGrid =
      this.instance.days.includes(slot.day) &&
      this.rooms.has(slot.location) &&
      start >= this.dayStart &&
      end <= this.dayEnd &&
      (start - this.dayStart) % this.instance.slotMinutes === 0;
    if (!onGrid) result.blockers.push({ kind: 'OFF_GRID' });
    for (const member of community.members) {
      const { cost, kind } = memberCost(this.intervals(member, slot.day), start, end, slot.location, this.instance, community.online === true);
      result.members.push({ member, kind, cost });
      result.cost += cost;
      if (kind === 'wait') {
        result.waitingMinutes += cost;
        if (cost === 0) result.adjacent++;
      } else if (kind === 'extra-trip') result.extraTrips++;
      else if (kind === 'conflict') result.inClass++;
    }
    const coachBlock = this.dayOf(community.coach, slot.day).find((b) => overlaps(start, end, clockToMinutes(b.start), clockToMinutes(b.end)));
    if (coachBlock) result.blockers.push({ kind: 'COACH_BUSY', busy: { start: coachBlock.start, end: coachBlock.end } });
    // Rooms: the most sessions overlapping at one moment (a maximum occurs at a start).
    const here = others.filter((o) => o.community !== communityId && o.day === slot.day);
    const coachOther = here.find((o) => this.communities.get(o.community)?.coach === community.coach && overlaps(start, end, clockToMinutes(o.start), clockToMinutes(o.start) + this.instance.sessionMinutes));
    if (coachOther) result.blockers.push({ kind: 'COACH_DOUBLE_BOOKED', community: coachOther.community });
    // An online community takes no room (and online sessions fill none).
    const sameRoom = here
      .filter((o) => o.location === slot.location && this.communities.get(o.community)?.online !== true)
      .map((o) => clockToMinutes(o.start))
      .filter((s) => overlaps(start, end, s, s + this.instance.sessionMinutes));
    const rooms = this.rooms.get(slot.location) ?? 0;
    let most = 0;
    for (const t of [start, ...sameRoom.filter((s) => s > start)]) {
      if (t >= end) continue;
      const n = sameRoom.filter((s) => s <= t && t < s + this.instance.sessionMinutes).length + 1;
      most = Math.max(most, n);
    }
    if (community.online !== true && most > rooms) result.blockers.push({ kind: 'ROOM_FULL', rooms, sessions: most - 1 });
    return result;
  }

  /** Every slot of the grid for a community, cheapest possible first, blocked ones last. */
  options(communityId: string, others: readonly SessionPlacement[]): SlotAssessment[] {
    const result: SlotAssessment[] = [];
    const starts = this.starts();
    for (const day of this.instance.days) {
      for (const location of this.instance.locations) {
        for (const s of starts) result.push(this.assess(communityId, { day, start: clock(s), location: location.id }, others));
      }
    }
    return result.sort((a, b) => Number(a.blockers.length > 0) - Number(b.blockers.length > 0) || a.cost - b.cost);
  }

  /** The plan's figures and the extra trips explained, for placements of every community. */
  measure(placements: readonly SessionPlacement[]): { quality: PlanQuality; extraTrips: ExtraTripExplanation[] } {
    const model = compileModel(this.instance);
    const byCommunity = new Map(placements.map((p) => [p.community, p]));
    const locIndex = new Map(this.instance.locations.map((l, i) => [l.id, i]));
    const dayIndex = new Map(this.instance.days.map((d, i) => [d, i]));
    const assign = new Int32Array(model.nCommunities);
    this.instance.communities.forEach((c, i) => {
      const p = byCommunity.get(c.id);
      if (!p) return;
      const s = Math.max(0, Math.min(model.nStarts - 1, Math.round((clockToMinutes(p.start) - model.dayStart) / this.instance.slotMinutes)));
      assign[i] = ((dayIndex.get(p.day) ?? 0) * model.nLocations + (locIndex.get(p.location) ?? 0)) * model.nStarts + s;
    });
    return { quality: measurePlan(model, assign), extraTrips: explainExtraTrips(model, assign) };
  }
}

const clock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * After a re-plan, keeps each community's published slot when it is still possible and costs no
 * more than the new proposal: fewer sessions move, and nobody is moved for nothing.
 */
export function keepPublishedSlots(context: PlanContext, proposal: readonly SessionPlacement[], published: ReadonlyMap<string, Slot>): SessionPlacement[] {
  const plan = proposal.map((p) => ({ ...p }));
  for (const [i, p] of plan.entries()) {
    const old = published.get(p.community);
    if (!old || (old.day === p.day && old.start === p.start && old.location === p.location)) continue;
    const others = plan.filter((_, k) => k !== i);
    const before = context.assess(p.community, old, others);
    if (before.blockers.length > 0) continue;
    const now = context.assess(p.community, p, others);
    if (before.cost <= now.cost) plan[i] = { community: p.community, ...old };
  }
  return plan;
}

export type PlanChange = { community: string; from: Slot | null; to: Slot };

/** What moves between the published slots and a new plan (unchanged communities left out). */
export function diffPlans(published: ReadonlyMap<string, Slot>, plan: readonly SessionPlacement[]): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const p of plan) {
    const old = published.get(p.community) ?? null;
    const to = { day: p.day, start: p.start, location: p.location };
    if (old && old.day === to.day && old.start === to.start && old.location === to.location) continue;
    changes.push({ community: p.community, from: old, to });
  }
  return changes;
}
