import type { SchedulingInstance } from './instance.js';
import { memberCost, overlaps, type DayInterval } from './member-cost.js';
import { SessionSolutionSchema, type SessionSolution } from './solution.js';
import { parseClock, type Minutes } from './time.js';

export type SolutionCheck = {
  /** True when the solution is complete, feasible and its objective matches the recomputed one. */
  valid: boolean;
  /** The recomputed objective (sum of member costs), whatever the claimed one was. */
  objective: number;
  errors: string[];
};

type Session = { community: string; coach: string; day: string; start: Minutes; end: Minutes; location: string; room: boolean };

/**
 * Independent checker for a solution of FORMAT.md. It deliberately shares nothing with the
 * solver's compiled model except the cost rule itself: feasibility is checked pairwise on
 * real minutes, so a bug in the solver's slot arithmetic cannot hide here.
 */
export function checkSolution(instance: SchedulingInstance, candidate: unknown): SolutionCheck {
  const parsed = SessionSolutionSchema.safeParse(candidate);
  if (!parsed.success) {
    return { valid: false, objective: NaN, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  const solution: SessionSolution = parsed.data;
  const errors: string[] = [];
  const dayStart = parseClock(instance.dayStart) ?? 0;
  const dayEnd = parseClock(instance.dayEnd) ?? 0;
  const days = new Set(instance.days);
  const rooms = new Map(instance.locations.map((l) => [l.id, l.rooms]));
  const busy = new Map(instance.people.map((p) => [p.id, p.busy]));
  const communities = new Map(instance.communities.map((c) => [c.id, c]));

  const sessions: Session[] = [];
  const seen = new Set<string>();
  let objective = 0;
  for (const placement of solution.placements) {
    const community = communities.get(placement.community);
    if (!community) {
      errors.push(`unknown community ${placement.community}`);
      continue;
    }
    if (seen.has(community.id)) errors.push(`community ${community.id} placed twice`);
    seen.add(community.id);
    const start = parseClock(placement.start);
    if (!days.has(placement.day)) errors.push(`${community.id}: unknown day ${placement.day}`);
    if (!rooms.has(placement.location)) errors.push(`${community.id}: unknown location ${placement.location}`);
    if (start === null || (start - dayStart) % instance.slotMinutes !== 0 || start < dayStart) {
      errors.push(`${community.id}: start ${placement.start} is not on the slot grid`);
      continue;
    }
    const end = start + instance.sessionMinutes;
    if (end > dayEnd) errors.push(`${community.id}: session ends after dayEnd`);
    for (const b of busy.get(community.coach) ?? []) {
      if (b.day === placement.day && overlaps(start, end, parseClock(b.start) ?? 0, parseClock(b.end) ?? 0)) {
        errors.push(`${community.id}: coach ${community.coach} is busy ${b.day} ${b.start}-${b.end}`);
      }
    }
    for (const member of community.members) {
      const onDay: DayInterval<string>[] = (busy.get(member) ?? [])
        .filter((b) => b.day === placement.day)
        .map((b) => ({ start: parseClock(b.start) ?? 0, end: parseClock(b.end) ?? 0, location: b.location }));
      objective += memberCost(onDay, start, end, placement.location, instance, community.online === true).cost;
    }
    sessions.push({ community: community.id, coach: community.coach, day: placement.day, start, end, location: placement.location, room: community.online !== true });
  }
  for (const c of instance.communities) if (!seen.has(c.id)) errors.push(`community ${c.id} is not placed`);
  errors.push(...overlapErrors(sessions, rooms));
  if (objective !== solution.objective) errors.push(`claimed objective ${solution.objective} but recomputed ${objective}`);
  return { valid: errors.length === 0, objective, errors };
}

/** Coach double-booking and room overflow; the maximum overlap of intervals occurs at a start. */
function overlapErrors(sessions: readonly Session[], rooms: ReadonlyMap<string, number>): string[] {
  const errors: string[] = [];
  for (const s of sessions) {
    let inRoom = 0;
    for (const o of sessions) {
      if (o.day !== s.day || o.start > s.start || o.end <= s.start) continue;
      if (o.location === s.location && o.room) inRoom++;
      if (o !== s && o.coach === s.coach) {
        const pair = [o.community, s.community].sort().join(' and ');
        errors.push(`coach ${s.coach} double-booked: ${pair} on ${s.day}`);
      }
    }
    const cap = rooms.get(s.location) ?? 0;
    if (s.room && inRoom > cap) errors.push(`${inRoom} sessions at ${s.location} on ${s.day} at ${s.start} min but only ${cap} rooms`);
  }
  return [...new Set(errors)];
}
