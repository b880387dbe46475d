import { KIND_CONFLICT, KIND_EXTRA_TRIP, KIND_WAIT, packedMemberCost } from './member-cost.js';
import type { BusyIndex } from './busy-index.js';
import type { SchedulingModel } from './model.js';

/** The figures a coordinator judges a plan by (FORMAT.md "cost of a placement"). */
export type PlanQuality = {
  objective: number;
  memberSessions: number;
  /** Member-sessions with cost 0 by rule 3 (the session touches one of their classes, within the margin). */
  adjacentMemberSessions: number;
  adjacentShare: number;
  /**
   * Upper bound on the adjacent share the timetables allow: each community at its placement with
   * the most adjacent members (coach free, rooms ignored). No plan can do better.
   */
  adjacentShareUpperBound: number;
  /** Looser bound: each member adjacent if any coach-free placement of their community is. */
  adjacentShareMemberBound: number;
  waitingMinutes: number;
  extraTrips: number;
  conflicts: number;
  /** README bound: each community at its cheapest coach-free placement, rooms ignored. */
  lowerBound: number;
};

/** Recomputes every figure from the compiled model for the placement per community in `assign`. */
export function measurePlan(model: SchedulingModel, assign: Int32Array): PlanQuality {
  const m = model;
  const busy = model.busy;
  const inst = m.instance;
  let objective = 0;
  let memberSessions = 0;
  let adjacent = 0;
  let waiting = 0;
  let trips = 0;
  let conflicts = 0;
  let bestAdjacent = 0;
  let memberBound = 0;
  let lowerBound = 0;
  const nDays = m.nDays;
  inst.communities.forEach((community, c) => {
    const p = assign[c] ?? 0;
    const start = m.dayStart + (m.placementStart[p] ?? 0) * inst.slotMinutes;
    const day = m.placementDay[p] ?? 0;
    const loc = m.placementLocation[p] ?? 0;
    for (const member of community.members) {
      const key = (busy.personIndex.get(member) ?? 0) * nDays + day;
      const packed = packedMemberCost(
        busy.start, busy.end, busy.location, busy.offset[key] ?? 0, busy.offset[key + 1] ?? 0,
        start, start + inst.sessionMinutes, loc, inst, community.online === true,
      );
      const cost = Math.floor(packed / 4);
      const kind = packed & 3;
      objective += cost;
      memberSessions++;
      if (kind === KIND_WAIT && cost === 0) adjacent++;
      if (kind === KIND_WAIT) waiting += cost;
      if (kind === KIND_EXTRA_TRIP) trips++;
      if (kind === KIND_CONFLICT) conflicts++;
    }
    let most = 0;
    for (let q = 0; q < m.nPlacements; q++) {
      if (m.feasible[c * m.nPlacements + q]) most = Math.max(most, m.adjacent[c * m.nPlacements + q] ?? 0);
    }
    bestAdjacent += most;
    memberBound += membersEverAdjacent(m, busy, c);
    lowerBound += m.minCost[c] ?? 0;
  });
  const share = (n: number): number => (memberSessions === 0 ? 1 : n / memberSessions);
  return {
    objective,
    memberSessions,
    adjacentMemberSessions: adjacent,
    adjacentShare: share(adjacent),
    adjacentShareUpperBound: share(bestAdjacent),
    adjacentShareMemberBound: share(memberBound),
    waitingMinutes: waiting,
    extraTrips: trips,
    conflicts,
    lowerBound,
  };
}

function membersEverAdjacent(m: SchedulingModel, busy: BusyIndex, c: number): number {
  const inst = m.instance;
  const community = inst.communities[c];
  if (!community) return 0;
  let count = 0;
  for (const member of community.members) {
    const person = (busy.personIndex.get(member) ?? 0) * m.nDays;
    for (let q = 0; q < m.nPlacements; q++) {
      if (!m.feasible[c * m.nPlacements + q]) continue;
      const key = person + (m.placementDay[q] ?? 0);
      const start = m.dayStart + (m.placementStart[q] ?? 0) * inst.slotMinutes;
      const packed = packedMemberCost(
        busy.start, busy.end, busy.location, busy.offset[key] ?? 0, busy.offset[key + 1] ?? 0,
        start, start + inst.sessionMinutes, m.placementLocation[q] ?? 0, inst, community.online === true,
      );
      if (packed === KIND_WAIT) {
        count++;
        break;
      }
    }
  }
  return count;
}
