import { SchedulingError } from './errors.js';
import type { SchedulingInstance } from './instance.js';
import { indexBusy, type BusyIndex } from './busy-index.js';
import type { CostRules } from './member-cost.js';
import { clockToMinutes, type Minutes } from './time.js';

/**
 * The instance compiled into flat typed arrays for the search. A placement is one
 * (day, location, start slot) and has index p = (day × L + location) × S + start; that order makes
 * `p - start` the base of the room-occupancy row of (day, location), so capacity checks need no
 * lookups. Costs are precomputed for every community × placement once, the search only adds.
 */
export type SchedulingModel = {
  readonly instance: SchedulingInstance;
  /** Everyone's classes, kept for reporting per member (plan-quality.ts, explain-extra-trips.ts). */
  readonly busy: BusyIndex;
  readonly nDays: number;
  readonly nLocations: number;
  /** Number of session starts per day (dayStart + k × slotMinutes, ending by dayEnd). */
  readonly nStarts: number;
  /** Two sessions starting s1 ≤ s2 overlap iff s2 − s1 < span. */
  readonly span: number;
  readonly nPlacements: number;
  readonly nCommunities: number;
  readonly nCoaches: number;
  readonly dayStart: Minutes;
  readonly rules: CostRules;
  readonly rooms: Int32Array;
  readonly placementDay: Int32Array;
  readonly placementLocation: Int32Array;
  readonly placementStart: Int32Array;
  readonly communityCoach: Int32Array;
  /** 1 where the community needs a room (on campus or hybrid); 0 when it meets online (issue 21 item 4). */
  readonly needsRoom: Uint8Array;
  readonly coachIds: readonly string[];
  /** cost[c × P + p]: the sum of member costs (rules 1–3); meaningless where not feasible. */
  readonly cost: Int32Array;
  /** 1 where the coach is free for the whole session. */
  readonly feasible: Uint8Array;
  /** Members with cost 0 (adjacent by rule 3) at each community × placement. */
  readonly adjacent: Uint8Array;
  /** Feasible placements of community c, cheapest first: sorted[sortedStart[c] .. sortedStart[c+1]). */
  readonly sorted: Int32Array;
  readonly sortedStart: Int32Array;
  /** Cheapest feasible cost of each community alone; their sum is the README's lower bound. */
  readonly minCost: Int32Array;
};

export function sessionStartMinutes(model: SchedulingModel, startSlot: number): Minutes {
  return model.dayStart + startSlot * model.instance.slotMinutes;
}

/** Compiles a validated instance; throws SchedulingError when it is infeasible whatever the plan. */
export function compileModel(instance: SchedulingInstance): SchedulingModel {
  const nDays = instance.days.length;
  const nLocations = instance.locations.length;
  const dayStart = clockToMinutes(instance.dayStart);
  const dayEnd = clockToMinutes(instance.dayEnd);
  const { slotMinutes, sessionMinutes } = instance;
  const nStarts = Math.floor((dayEnd - sessionMinutes - dayStart) / slotMinutes) + 1;
  const span = Math.ceil(sessionMinutes / slotMinutes);
  const nPlacements = nDays * nLocations * nStarts;
  const nCommunities = instance.communities.length;
  const rules: CostRules = instance;

  const placementDay = new Int32Array(nPlacements);
  const placementLocation = new Int32Array(nPlacements);
  const placementStart = new Int32Array(nPlacements);
  for (let p = 0; p < nPlacements; p++) {
    placementStart[p] = p % nStarts;
    placementLocation[p] = Math.floor(p / nStarts) % nLocations;
    placementDay[p] = Math.floor(p / (nStarts * nLocations));
  }

  const coachIds: string[] = [];
  const coachIndex = new Map<string, number>();
  const communityCoach = new Int32Array(nCommunities);
  instance.communities.forEach((c, ci) => {
    let k = coachIndex.get(c.coach);
    if (k === undefined) {
      k = coachIds.length;
      coachIndex.set(c.coach, k);
      coachIds.push(c.coach);
    }
    communityCoach[ci] = k;
  });

  const busy = indexBusy(instance);
  const cost = new Int32Array(nCommunities * nPlacements);
  const feasible = new Uint8Array(nCommunities * nPlacements);
  const adjacent = new Uint8Array(nCommunities * nPlacements);
  const sortedParts: Int32Array[] = [];
  const minCost = new Int32Array(nCommunities);
  const { offset } = busy;

  const { conflictCost, extraTripCost, adjacencyMarginMinutes } = rules;
  const busyStart = busy.start;
  const busyEnd = busy.end;
  const busyLocation = busy.location;
  const dayStride = nLocations * nStarts;
  const sessionStart = new Int32Array(nStarts);
  for (let s = 0; s < nStarts; s++) sessionStart[s] = dayStart + s * slotMinutes;
  /** Whether a session at start slot s overlaps one of the intervals [from, to). */
  const overlapsAny = (from: number, to: number, s: number): boolean => {
    const start = sessionStart[s] ?? 0;
    const end = start + sessionMinutes;
    for (let i = from; i < to; i++) if (start < (busyEnd[i] ?? 0) && (busyStart[i] ?? 0) < end) return true;
    return false;
  };
  // One key per feasible placement: cost × P + p sorts by cost, then index, without a comparator.
  const keys = new Float64Array(nPlacements);

  instance.communities.forEach((community, c) => {
    const base = c * nPlacements;
    const coach = (busy.personIndex.get(community.coach) ?? 0) * nDays;
    for (let d = 0; d < nDays; d++) {
      const from = offset[coach + d] ?? 0;
      const to = offset[coach + d + 1] ?? 0;
      for (let s = 0; s < nStarts; s++) {
        const free = from === to || !overlapsAny(from, to, s) ? 1 : 0;
        for (let l = 0; l < nLocations; l++) feasible[base + d * dayStride + l * nStarts + s] = free;
      }
    }
    // Per member and day: the conflict test once per start, then the waiting/extra-trip rule per location.
    const online = community.online === true;
    for (const member of community.members) {
      const person = (busy.personIndex.get(member) ?? 0) * nDays;
      for (let d = 0; d < nDays; d++) {
        const from = offset[person + d] ?? 0;
        const to = offset[person + d + 1] ?? 0;
        const dayBase = base + d * dayStride;
        for (let s = 0; s < nStarts; s++) {
          if (from < to && overlapsAny(from, to, s)) {
            for (let l = 0; l < nLocations; l++) cost[dayBase + l * nStarts + s] = (cost[dayBase + l * nStarts + s] ?? 0) + conflictCost;
            continue;
          }
          // An online community: no trip to campus and no waiting there; only a clash counts.
          if (online) continue;
          const start = sessionStart[s] ?? 0;
          const end = start + sessionMinutes;
          for (let l = 0; l < nLocations; l++) {
            let gap = Infinity;
            for (let i = from; i < to; i++) {
              if (busyLocation[i] !== l) continue;
              const bEnd = busyEnd[i] ?? 0;
              const g = bEnd <= start ? start - bEnd : (busyStart[i] ?? 0) - end;
              if (g < gap) gap = g;
            }
            const at = dayBase + l * nStarts + s;
            if (gap === Infinity) {
              cost[at] = (cost[at] ?? 0) + extraTripCost;
            } else {
              const wait = Math.max(0, gap - adjacencyMarginMinutes);
              cost[at] = (cost[at] ?? 0) + wait;
              if (wait === 0) adjacent[at] = (adjacent[at] ?? 0) + 1;
            }
          }
        }
      }
    }
    let count = 0;
    for (let p = 0; p < nPlacements; p++) if (feasible[base + p]) keys[count++] = (cost[base + p] ?? 0) * nPlacements + p;
    if (count === 0) {
      throw new SchedulingError(
        'COACH_NEVER_AVAILABLE',
        `coach ${community.coach} of community ${community.id} is busy at every possible session time`,
        { communities: [community.id], coach: community.coach },
      );
    }
    const options = keys.subarray(0, count).sort();
    const part = new Int32Array(count);
    for (let i = 0; i < count; i++) part[i] = (options[i] ?? 0) % nPlacements;
    sortedParts.push(part);
    minCost[c] = cost[base + (part[0] ?? 0)] ?? 0;
  });

  const sortedStart = new Int32Array(nCommunities + 1);
  sortedParts.forEach((part, c) => {
    sortedStart[c + 1] = (sortedStart[c] ?? 0) + part.length;
  });
  const sorted = new Int32Array(sortedStart[nCommunities] ?? 0);
  sortedParts.forEach((part, c) => sorted.set(part, sortedStart[c] ?? 0));

  const model: SchedulingModel = {
    instance, busy, nDays, nLocations, nStarts, span, nPlacements, nCommunities, nCoaches: coachIds.length,
    dayStart, rules, rooms: Int32Array.from(instance.locations.map((l) => l.rooms)),
    placementDay, placementLocation, placementStart, communityCoach, coachIds,
    needsRoom: Uint8Array.from(instance.communities.map((c) => (c.online === true ? 0 : 1))),
    cost, feasible, adjacent, sorted, sortedStart, minCost,
  };
  assertEnoughCapacity(model);
  return model;
}

/**
 * Cheap necessary conditions: at most ⌊(S−1)/span⌋+1 disjoint sessions fit in one day per room,
 * so more communities than that × rooms × days (or per coach) can never be placed.
 */
function assertEnoughCapacity(model: SchedulingModel): void {
  const perDay = Math.floor((model.nStarts - 1) / model.span) + 1;
  const roomTotal = model.instance.locations.reduce((sum, l) => sum + l.rooms, 0) * perDay * model.nDays;
  // Online communities need no room.
  const needingRoom = model.needsRoom.reduce((n, r) => n + r, 0);
  if (needingRoom > roomTotal) {
    throw new SchedulingError(
      'INSUFFICIENT_CAPACITY',
      `${needingRoom} communities need a room but the rooms hold at most ${roomTotal} sessions a week`,
      { needed: needingRoom, available: roomTotal },
    );
  }
  const perCoach = new Int32Array(model.nCoaches);
  const anyCommunity = new Int32Array(model.nCoaches);
  model.communityCoach.forEach((k, c) => {
    perCoach[k] = (perCoach[k] ?? 0) + 1;
    anyCommunity[k] = c;
  });
  perCoach.forEach((count, k) => {
    if (count < 2) return;
    const fit = disjointFreeSessions(model, anyCommunity[k] ?? 0);
    if (count > fit) {
      const coach = model.coachIds[k] ?? '';
      throw new SchedulingError('INSUFFICIENT_CAPACITY', `coach ${coach} has ${count} communities but free time for only ${fit} sessions a week`, {
        coach, needed: count, available: fit,
      });
    }
  });
}

/** Most non-overlapping sessions in the coach's free time (earliest-start greedy is optimal here). */
function disjointFreeSessions(model: SchedulingModel, c: number): number {
  let fit = 0;
  for (let d = 0; d < model.nDays; d++) {
    let next = 0;
    for (let s = 0; s < model.nStarts; s++) {
      if (s < next) continue;
      let free = false;
      for (let l = 0; l < model.nLocations && !free; l++) {
        free = model.feasible[c * model.nPlacements + (d * model.nLocations + l) * model.nStarts + s] === 1;
      }
      if (free) {
        fit++;
        next = s + model.span;
      }
    }
  }
  return fit;
}
