import { KIND_EXTRA_TRIP, packedMemberCost } from './member-cost.js';
import type { SchedulingModel } from './model.js';
import { minutesToClock } from './time.js';

/** Why one member travels in only for the session (rule 2). */
export type ExtraTripReason =
  /** The member has no class at all that day. */
  | 'NO_CLASS_THAT_DAY'
  /** The member has classes that day, but only at another location (or off campus). */
  | 'CLASSES_ELSEWHERE_THAT_DAY';

/** Why the community's plan has extra trips at all. */
export type ExtraTripCause =
  /** Every placement with the coach free has at least this many extra trips: the timetables decide. */
  | 'TIMETABLES'
  /** Fewer trips are possible only at times the coach is busy. */
  | 'COACH_AVAILABILITY'
  /** Fewer trips are possible, but rooms were taken or the saving in waiting/conflicts was larger. */
  | 'ROOMS_OR_TRADE_OFF';

export type ExtraTripExplanation = {
  community: string;
  day: string;
  start: string;
  location: string;
  extraTrips: number;
  /** Fewest extra trips over placements with the coach free (rooms ignored). */
  minimumExtraTrips: number;
  cause: ExtraTripCause;
  members: { member: string; reason: ExtraTripReason; classLocations: string[] }[];
};

/**
 * Lists the communities whose planned session makes some members travel in just for it, with
 * machine-readable reasons. This is a normal outcome, not an error: when the members' timetables
 * share no campus day the coordinator needs to know who and why, not a failed run.
 */
export function explainExtraTrips(model: SchedulingModel, assign: Int32Array): ExtraTripExplanation[] {
  const m = model;
  const inst = m.instance;
  const busy = m.busy;
  const result: ExtraTripExplanation[] = [];
  const tripsAt = (c: number, q: number): number => {
    const members = inst.communities[c]?.members ?? [];
    const online = inst.communities[c]?.online === true;
    const start = m.dayStart + (m.placementStart[q] ?? 0) * inst.slotMinutes;
    let trips = 0;
    for (const member of members) {
      const key = (busy.personIndex.get(member) ?? 0) * m.nDays + (m.placementDay[q] ?? 0);
      const packed = packedMemberCost(
        busy.start, busy.end, busy.location, busy.offset[key] ?? 0, busy.offset[key + 1] ?? 0,
        start, start + inst.sessionMinutes, m.placementLocation[q] ?? 0, inst, online,
      );
      if ((packed & 3) === KIND_EXTRA_TRIP) trips++;
    }
    return trips;
  };
  inst.communities.forEach((community, c) => {
    // An online community needs no trip at all: it gets no extra-trip explanation (see onlineCommunities).
    if (community.online === true) return;
    const p = assign[c] ?? 0;
    const trips = tripsAt(c, p);
    if (trips === 0) return;
    let minFree = Infinity;
    let minAny = Infinity;
    for (let q = 0; q < m.nPlacements; q++) {
      const t = tripsAt(c, q);
      minAny = Math.min(minAny, t);
      if (m.feasible[c * m.nPlacements + q]) minFree = Math.min(minFree, t);
    }
    const cause: ExtraTripCause =
      minFree >= trips ? (minAny < minFree ? 'COACH_AVAILABILITY' : 'TIMETABLES') : 'ROOMS_OR_TRADE_OFF';
    const day = m.placementDay[p] ?? 0;
    const loc = m.placementLocation[p] ?? 0;
    const start = m.dayStart + (m.placementStart[p] ?? 0) * inst.slotMinutes;
    const members: ExtraTripExplanation['members'] = [];
    for (const member of community.members) {
      const key = (busy.personIndex.get(member) ?? 0) * m.nDays + day;
      const from = busy.offset[key] ?? 0;
      const to = busy.offset[key + 1] ?? 0;
      const packed = packedMemberCost(busy.start, busy.end, busy.location, from, to, start, start + inst.sessionMinutes, loc, inst);
      if ((packed & 3) !== KIND_EXTRA_TRIP) continue;
      const classLocations = new Set<string>();
      for (let i = from; i < to; i++) {
        const l = busy.location[i] ?? -1;
        classLocations.add(l < 0 ? 'off-campus' : (inst.locations[l]?.id ?? '?'));
      }
      members.push({
        member,
        reason: to > from ? 'CLASSES_ELSEWHERE_THAT_DAY' : 'NO_CLASS_THAT_DAY',
        classLocations: [...classLocations].sort(),
      });
    }
    result.push({
      community: community.id,
      day: inst.days[day] ?? '',
      start: minutesToClock(start),
      location: inst.locations[loc]?.id ?? '',
      extraTrips: trips,
      minimumExtraTrips: minFree,
      cause,
      members,
    });
  });
  return result;
}

/** The communities that meet online: nobody travels to campus for their sessions, whatever the timetables. */
export function onlineCommunities(model: SchedulingModel): string[] {
  return model.instance.communities.filter((c) => c.online === true).map((c) => c.id);
}
