import { addDays, weekdayOf, type LocalDate } from '../sessions/zoned-time.js';
import type { Holiday } from '../sessions/year-plan.js';
import type { BusyBlock } from './instance.js';
import { overlaps } from './member-cost.js';
import { DEFAULT_GRID, type AvailabilityWindow, type GridSettings } from './product-instance.js';
import { clockToMinutes, minutesToClock, type Minutes } from './time.js';

/**
 * The monthly coach training and intervision of a teaching period (issue 7, item 2): a weekly
 * slot per meeting where the coaches are on campus anyway — next to a class or their own community
 * session — avoiding late evenings where possible, and a date in each month of the period on it.
 *
 * Pure and deterministic: every (day, start, location) of the grid is scored and the cheapest
 * wins, ties broken by the grid's order (earlier day, earlier start, the locations' order).
 * Each meeting is optimised on its own: training and intervision share coaches but fall in
 * different weeks of the month (see {@link monthlyDates}), so they may share a weekly slot — a
 * fixed "coach moment" in the week.
 */

export type CoachMeetingKind = 'coachTraining' | 'intervision';

/** What is known of one coach's week in the period. */
export type CoachWeek = {
  id: string;
  /** Weekly class blocks; location is a campus location id, null off campus. */
  classes: readonly BusyBlock[];
  /** Declared availability; null = free whenever not in class. */
  availability: readonly AvailabilityWindow[] | null;
  /** Whether any timetable of the coach is known (without one, nothing says where they are). */
  hasTimetable: boolean;
  /** Their community sessions' weekly slots in the plan (busy, and on campus there). */
  sessions: readonly BusyBlock[];
};

/** One meeting to place every month: the intake's training, or one intervision group. */
export type CoachMeetingGroup = {
  id: string;
  kind: CoachMeetingKind;
  /** The senior coach whose supervision group meets (intervision), or null. */
  seniorId: string | null;
  coaches: readonly string[];
};

/** The community sessions' grid and costs (without their length), plus what is particular to coach meetings. */
export type CoachMeetingRules = Omit<GridSettings, 'sessionMinutes' | 'days'> & {
  days: readonly string[];
  /** Minutes per kind (default training 120, intervision 90). */
  durations: Record<CoachMeetingKind, number>;
  /** A meeting starting at or after this time is a late evening (default 18:00). */
  lateStart: string;
  /** The cost of a late evening: more than one coach travelling in, less than one missing it. */
  lateEveningCost: number;
};

export const DEFAULT_COACH_MEETING_RULES: CoachMeetingRules = {
  days: DEFAULT_GRID.days,
  dayStart: DEFAULT_GRID.dayStart,
  dayEnd: DEFAULT_GRID.dayEnd,
  slotMinutes: DEFAULT_GRID.slotMinutes,
  adjacencyMarginMinutes: DEFAULT_GRID.adjacencyMarginMinutes,
  extraTripCost: DEFAULT_GRID.extraTripCost,
  conflictCost: DEFAULT_GRID.conflictCost,
  durations: { coachTraining: 120, intervision: 90 },
  lateStart: '18:00',
  lateEveningCost: 360,
};

export type CoachMeetingInput = {
  firstDate: LocalDate;
  lastDate: LocalDate;
  holidays: readonly Holiday[];
  /** Campus location ids, in the order ties are broken. */
  locations: readonly string[];
  /** The largest room per location: a meeting goes where a room seats the group, when any does. */
  largestRoom?: Readonly<Record<string, number>>;
  coaches: readonly CoachWeek[];
  groups: readonly CoachMeetingGroup[];
  rules?: Partial<CoachMeetingRules>;
};

/** Why a coach cannot come: a class, outside their declared availability, their own community session. */
export type CoachAbsenceReason = 'CLASS' | 'NOT_AVAILABLE' | 'OWN_SESSION';

export type CoachAttendance =
  /** On campus that day, within the margin of a class or their session. */
  | { coach: string; kind: 'adjacent' }
  /** On campus that day, waiting longer than the margin. */
  | { coach: string; kind: 'waiting'; waitingMinutes: number }
  /** Free, but not on this campus that day: an extra trip. */
  | { coach: string; kind: 'trip'; noTimetable: boolean }
  | { coach: string; kind: 'cannot'; reason: CoachAbsenceReason };

export type CoachMeetingSlot = { day: string; start: string; end: string; location: string };

export type CoachMeetingProposal = {
  group: string;
  kind: CoachMeetingKind;
  seniorId: string | null;
  /** Null when the group has no coaches or the grid has no room for the meeting. */
  slot: CoachMeetingSlot | null;
  lateEvening: boolean;
  cost: number;
  waitingMinutes: number;
  attendance: CoachAttendance[];
  /** One date per month of the period on the weekly slot (see {@link monthlyDates}). */
  dates: LocalDate[];
};

const DAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

type Interval = { start: Minutes; end: Minutes; location: string | null };

export function planCoachMeetings(input: CoachMeetingInput): CoachMeetingProposal[] {
  const rules: CoachMeetingRules = { ...DEFAULT_COACH_MEETING_RULES, ...input.rules, durations: { ...DEFAULT_COACH_MEETING_RULES.durations, ...input.rules?.durations } };
  const byId = new Map(input.coaches.map((c) => [c.id, c]));
  const proposals = input.groups.map((group): CoachMeetingProposal => {
    const seats = group.coaches.length + (group.seniorId ? 1 : 0);
    const fitting = input.largestRoom ? input.locations.filter((l) => (input.largestRoom?.[l] ?? 0) >= seats) : [];
    const best = bestSlot(group, rules, fitting.length > 0 ? fitting : input.locations, byId);
    return best
      ? { group: group.id, kind: group.kind, seniorId: group.seniorId, ...best, dates: monthlyDates(input, best.slot.day, group.kind) }
      : { group: group.id, kind: group.kind, seniorId: group.seniorId, slot: null, lateEvening: false, cost: 0, waitingMinutes: 0, attendance: [], dates: [] };
  });
  // Training and intervision fall in different weeks of a month; only a month with a single usable
  // week could put both on one date, and then the intervision gives way when the times overlap.
  const trainings = proposals.filter((p) => p.kind === 'coachTraining' && p.slot);
  for (const p of proposals) {
    if (p.kind !== 'intervision' || !p.slot) continue;
    const slot = p.slot;
    p.dates = p.dates.filter(
      (date) => !trainings.some((t) => t.dates.includes(date) && t.slot!.day === slot.day && overlaps(clockToMinutes(t.slot!.start), clockToMinutes(t.slot!.end), clockToMinutes(slot.start), clockToMinutes(slot.end))),
    );
  }
  return proposals;
}

function bestSlot(
  group: CoachMeetingGroup,
  rules: CoachMeetingRules,
  locations: readonly string[],
  coaches: ReadonlyMap<string, CoachWeek>,
): Omit<CoachMeetingProposal, 'group' | 'kind' | 'seniorId' | 'dates'> & { slot: CoachMeetingSlot } | null {
  if (group.coaches.length === 0 || locations.length === 0) return null;
  const duration = rules.durations[group.kind];
  const dayStart = clockToMinutes(rules.dayStart);
  const dayEnd = clockToMinutes(rules.dayEnd);
  const late = clockToMinutes(rules.lateStart);
  let best: (Omit<CoachMeetingProposal, 'group' | 'kind' | 'seniorId' | 'dates'> & { slot: CoachMeetingSlot }) | null = null;
  for (const day of rules.days) {
    const weeks = group.coaches.map((id) => dayOf(coaches.get(id), id, day, rules));
    for (let start = dayStart; start + duration <= dayEnd; start += rules.slotMinutes) {
      const end = start + duration;
      for (const location of locations) {
        const lateEvening = start >= late;
        let cost = lateEvening ? rules.lateEveningCost : 0;
        let waitingMinutes = 0;
        const attendance: CoachAttendance[] = [];
        for (const w of weeks) {
          const a = attend(w, start, end, location, rules);
          attendance.push(a);
          if (a.kind === 'cannot') cost += rules.conflictCost;
          else if (a.kind === 'trip') cost += a.noTimetable ? 0 : rules.extraTripCost;
          else if (a.kind === 'waiting') {
            cost += a.waitingMinutes;
            waitingMinutes += a.waitingMinutes;
          }
        }
        if (best === null || cost < best.cost) {
          best = { slot: { day, start: minutesToClock(start), end: minutesToClock(end), location }, lateEvening, cost, waitingMinutes, attendance };
        }
      }
    }
  }
  return best;
}

type CoachDay = {
  id: string;
  hasTimetable: boolean;
  classes: Interval[];
  sessions: Interval[];
  /** Free windows that day; null = no declared availability. */
  windows: { start: Minutes; end: Minutes }[] | null;
};

function dayOf(coach: CoachWeek | undefined, id: string, day: string, rules: CoachMeetingRules): CoachDay {
  const toInterval = (b: BusyBlock): Interval => ({ start: clockToMinutes(b.start), end: clockToMinutes(b.end), location: b.location });
  return {
    id,
    hasTimetable: coach?.hasTimetable ?? false,
    classes: (coach?.classes ?? []).filter((b) => b.day === day).map(toInterval),
    sessions: (coach?.sessions ?? []).filter((b) => b.day === day).map(toInterval),
    windows: coach?.availability ? coach.availability.filter((w) => w.day === day && rules.days.includes(day)).map((w) => ({ start: clockToMinutes(w.start), end: clockToMinutes(w.end) })) : null,
  };
}

/** One coach at one candidate: the rules of the community sessions, with the reason when they cannot. */
function attend(d: CoachDay, start: Minutes, end: Minutes, location: string, rules: CoachMeetingRules): CoachAttendance {
  if (d.classes.some((b) => overlaps(start, end, b.start, b.end))) return { coach: d.id, kind: 'cannot', reason: 'CLASS' };
  if (d.sessions.some((b) => overlaps(start, end, b.start, b.end))) return { coach: d.id, kind: 'cannot', reason: 'OWN_SESSION' };
  if (d.windows && !d.windows.some((w) => w.start <= start && end <= w.end)) return { coach: d.id, kind: 'cannot', reason: 'NOT_AVAILABLE' };
  let gap = Infinity;
  for (const b of [...d.classes, ...d.sessions]) {
    if (b.location !== location) continue;
    gap = Math.min(gap, b.end <= start ? start - b.end : b.start - end);
  }
  if (gap === Infinity) return { coach: d.id, kind: 'trip', noTimetable: !d.hasTimetable };
  const waiting = Math.max(0, gap - rules.adjacencyMarginMinutes);
  return waiting === 0 ? { coach: d.id, kind: 'adjacent' } : { coach: d.id, kind: 'waiting', waitingMinutes: waiting };
}

/**
 * The dates of a monthly meeting on a weekday: one per month the period holds — a month belongs
 * to the period that contains its 15th, so consecutive periods never both plan the same month.
 * Training takes the month's first usable occurrence of the weekday, intervision its third (or
 * its last, in a short month of the period), so the two fall in different weeks. Holidays and
 * dates outside the period are skipped.
 */
export function monthlyDates(period: { firstDate: LocalDate; lastDate: LocalDate; holidays: readonly Holiday[] }, day: string, kind: CoachMeetingKind): LocalDate[] {
  const weekday = DAY_CODES.indexOf(day as (typeof DAY_CODES)[number]) + 1;
  if (weekday === 0) return [];
  const byMonth = new Map<string, LocalDate[]>();
  let date = addDays(period.firstDate, (weekday - weekdayOf(period.firstDate) + 7) % 7);
  for (; date <= period.lastDate; date = addDays(date, 7)) {
    if (period.holidays.some((h) => date >= h.from && date <= h.to)) continue;
    const month = date.slice(0, 7);
    const list = byMonth.get(month) ?? [];
    list.push(date);
    byMonth.set(month, list);
  }
  const result: LocalDate[] = [];
  for (const [month, dates] of byMonth) {
    const middle = `${month}-15`;
    if (middle < period.firstDate || middle > period.lastDate) continue;
    result.push(kind === 'coachTraining' ? dates[0]! : dates[Math.min(2, dates.length - 1)]!);
  }
  return result;
}

/**
 * The groups of an intake: one training for all its coaches, and intervision per senior coach's
 * supervision group — coaches without a senior coach meet together — or, when the programme has
 * no supervision at all, one intervision for the whole intake.
 */
export function coachMeetingGroups(coaches: readonly string[], seniorOf: ReadonlyMap<string, string>): CoachMeetingGroup[] {
  const sorted = [...new Set(coaches)].sort();
  const groups: CoachMeetingGroup[] = [{ id: 'coachTraining', kind: 'coachTraining', seniorId: null, coaches: sorted }];
  const bySenior = new Map<string, string[]>();
  const without: string[] = [];
  for (const c of sorted) {
    const senior = seniorOf.get(c);
    if (senior === undefined) without.push(c);
    else bySenior.set(senior, [...(bySenior.get(senior) ?? []), c]);
  }
  for (const senior of [...bySenior.keys()].sort()) groups.push({ id: `intervision:${senior}`, kind: 'intervision', seniorId: senior, coaches: bySenior.get(senior)! });
  if (without.length > 0) groups.push({ id: 'intervision', kind: 'intervision', seniorId: null, coaches: without });
  return sorted.length === 0 ? [] : groups;
}
