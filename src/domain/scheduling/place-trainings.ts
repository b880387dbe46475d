import type { SchedulingInstance } from './instance.js';
import { memberCost, type DayInterval } from './member-cost.js';
import type { SessionPlacement } from './solution.js';
import { clockToMinutes, minutesToClock } from './time.js';

/** A coach training or an intervision meeting to place once (e.g. this month's). */
export type TrainingRequest = {
  id: string;
  coaches: string[];
  durationMinutes: number;
  /** Restrict to these locations / days (default: all of the instance). */
  locations?: string[];
  days?: string[];
};

export type PlaceTrainingsOptions = {
  /** Supplies people's timetables, days, locations, day bounds, slot grid and the cost rules. */
  instance: SchedulingInstance;
  trainings: TrainingRequest[];
  /**
   * The planned community sessions: a coach cannot attend during their own session, and a session
   * on campus counts as being there (a training next to it costs no extra trip).
   */
  communitySessions?: SessionPlacement[];
  /** Sessions ending after this time are penalised (default "18:00"). */
  lateEndAfter?: string;
  /** Penalty per minute the training ends after `lateEndAfter` (default 10). */
  latePenaltyPerMinute?: number;
  /** How many alternatives to return per training, best first (default 3). */
  alternatives?: number;
};

export type TrainingSlot = {
  day: string;
  start: string;
  end: string;
  location: string;
  /** Coaches free and already on campus that day (no extra trip). */
  attendWithoutTrip: string[];
  /** Coaches free but who would travel in for it. */
  attendWithTrip: string[];
  /** Coaches with a class, their own session or another commitment at that time. */
  unavailable: string[];
  waitingMinutes: number;
  /** Lower is better: rule 1–3 costs over the coaches plus the late-evening penalty. */
  cost: number;
};

export type TrainingPlan = { training: string; best: TrainingSlot; alternatives: TrainingSlot[] };

/**
 * Places coach trainings and intervision where the coaches are on campus anyway. Each candidate
 * (day, start on the slot grid, location) is scored with the same rules as community sessions —
 * a conflict costs conflictCost, an extra trip extraTripCost, waiting beyond the margin its
 * minutes — plus a penalty for ending late, because evening trainings are badly attended.
 * Trainings are independent (they fall in different weeks), so each is optimised exactly.
 */
export function placeTrainings(options: PlaceTrainingsOptions): TrainingPlan[] {
  const inst = options.instance;
  const dayStart = clockToMinutes(inst.dayStart);
  const dayEnd = clockToMinutes(inst.dayEnd);
  const lateEnd = clockToMinutes(options.lateEndAfter ?? '18:00');
  const latePenalty = options.latePenaltyPerMinute ?? 10;
  const busy = busyWithSessions(inst, options.communitySessions ?? []);
  return options.trainings.map((training) => {
    const slots: TrainingSlot[] = [];
    const days = training.days ?? inst.days;
    const locations = training.locations ?? inst.locations.map((l) => l.id);
    for (const day of days) {
      for (let start = dayStart; start + training.durationMinutes <= dayEnd; start += inst.slotMinutes) {
        const end = start + training.durationMinutes;
        for (const location of locations) {
          slots.push(scoreSlot(training, busy, day, start, end, location, inst, latePenalty * Math.max(0, end - lateEnd)));
        }
      }
    }
    slots.sort((a, b) => a.cost - b.cost || b.attendWithoutTrip.length - a.attendWithoutTrip.length);
    const [best, ...rest] = slots;
    if (!best) throw new Error(`training ${training.id}: no slot fits between dayStart and dayEnd`);
    return { training: training.id, best, alternatives: rest.slice(0, Math.max(0, (options.alternatives ?? 3) - 1)) };
  });
}

function scoreSlot(
  training: TrainingRequest,
  busy: ReadonlyMap<string, DayInterval<string>[]>,
  day: string,
  start: number,
  end: number,
  location: string,
  rules: SchedulingInstance,
  penalty: number,
): TrainingSlot {
  const slot: TrainingSlot = {
    day, start: minutesToClock(start), end: minutesToClock(end), location,
    attendWithoutTrip: [], attendWithTrip: [], unavailable: [], waitingMinutes: 0, cost: penalty,
  };
  for (const coach of training.coaches) {
    const onDay = busy.get(`${coach} ${day}`) ?? [];
    const { cost, kind } = memberCost(onDay, start, end, location, rules);
    slot.cost += cost;
    if (kind === 'conflict') slot.unavailable.push(coach);
    else if (kind === 'extra-trip') slot.attendWithTrip.push(coach);
    else {
      slot.attendWithoutTrip.push(coach);
      slot.waitingMinutes += cost;
    }
  }
  return slot;
}

/** Busy intervals per "person day", with the planned community sessions added for their coaches. */
function busyWithSessions(inst: SchedulingInstance, sessions: readonly SessionPlacement[]): Map<string, DayInterval<string>[]> {
  const map = new Map<string, DayInterval<string>[]>();
  const add = (person: string, day: string, interval: DayInterval<string>): void => {
    const key = `${person} ${day}`;
    const list = map.get(key);
    if (list) list.push(interval);
    else map.set(key, [interval]);
  };
  for (const person of inst.people) {
    for (const b of person.busy) add(person.id, b.day, { start: clockToMinutes(b.start), end: clockToMinutes(b.end), location: b.location });
  }
  const coachOf = new Map(inst.communities.map((c) => [c.id, c.coach]));
  for (const s of sessions) {
    const coach = coachOf.get(s.community);
    if (coach === undefined) continue;
    const start = clockToMinutes(s.start);
    add(coach, s.day, { start, end: start + inst.sessionMinutes, location: s.location });
  }
  return map;
}
