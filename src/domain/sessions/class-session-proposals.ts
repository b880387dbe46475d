/**
 * Proposed class-wide sessions (#21 item 3, February formats, ADR 0027): for each class community
 * of a class-wide intake, one session per teaching period at a time right next to the class's own
 * lessons on a campus day — directly after a lesson or directly before one — so nobody makes an
 * extra trip. Never over a lesson of the class, a lesson of the coach, the coach's other sessions
 * or another proposal of the same coach. A class without lessons in the period is proposed an
 * online session (or another day); a class whose timetable is unknown a plain time the coach
 * checks. Pure and deterministic: plain data in, proposals out.
 */
import { clockText, type Interval } from './round-proposals';
import { addDays, weekdayOf } from './zoned-time';

/** A weekly lesson of a timetable: weekday 1 = Monday … 5 = Friday, minutes since midnight; `campus` when on a campus. */
export type WeeklyLesson = Interval & { weekday: number; campus: boolean };

export type ProposalPeriod = { id: string; firstDate: string; lastDate: string };

export type ProposalClass = {
  /** The class community. */
  id: string;
  coachId: string;
  /** The class's weekly lessons per teaching period (absent: no timetable for that period). */
  lessons: Readonly<Record<string, readonly WeeklyLesson[]>>;
  /** Periods in which a class-wide session is planned already: nothing is proposed there. */
  plannedIn: readonly string[];
};

export type ProposalCoach = {
  /** The coach's own weekly lessons per period (a student coach has classes too). */
  lessons: Readonly<Record<string, readonly WeeklyLesson[]>>;
  /** The coach's planned sessions per date. */
  busy: Readonly<Record<string, readonly Interval[]>>;
};

export type ClassProposalInput = {
  periods: readonly ProposalPeriod[];
  /** Today (Amsterdam): proposals start tomorrow at the earliest. */
  today: string;
  dayStart: number;
  dayEnd: number;
  durationMinutes: number;
  /** How many weekdays of a period, from its first possible day, are searched. */
  searchDays: number;
  classes: readonly ProposalClass[];
  coaches: Readonly<Record<string, ProposalCoach>>;
};

/** Why this time, in people's words on the screen. */
export type ClassProposalReason =
  | { code: 'afterClassLesson'; time: string }
  | { code: 'beforeClassLesson'; time: string }
  | { code: 'classCampusDay' }
  | { code: 'classNoLessonsOnline' }
  | { code: 'classNoTimetable' };

export type ClassProposal =
  | { classId: string; periodId: string; kind: 'slot'; date: string; start: number; startTime: string; endTime: string; mode: 'onCampus' | 'online'; reason: ClassProposalReason }
  | { classId: string; periodId: string; kind: 'none' }
  | { classId: string; periodId: string; kind: 'alreadyPlanned' };

const GRID = 15;
/** With no lesson to lean on, a session around the middle of the day is the easiest to reach. */
const MIDDAY = 13 * 60;

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** The weekdays of a period a session may be proposed on: from tomorrow, at most `searchDays` of them. */
export function proposalDates(period: ProposalPeriod, today: string, searchDays: number): string[] {
  const tomorrow = addDays(today, 1);
  let date = period.firstDate > tomorrow ? period.firstDate : tomorrow;
  const out: string[] = [];
  while (date <= period.lastDate && out.length < searchDays) {
    if (weekdayOf(date) <= 5) out.push(date);
    date = addDays(date, 1);
  }
  return out;
}

type Taken = { coachId: string; date: string; interval: Interval };

/** Whether [start, start + duration) on `date` is free for the class and its coach (and not taken by another proposal of the coach). */
export function isFreeForClass(input: ClassProposalInput, klass: ProposalClass, periodId: string, date: string, start: number, taken: readonly Taken[] = []): boolean {
  const slot = { start, end: start + input.durationMinutes };
  if (start < input.dayStart || slot.end > input.dayEnd) return false;
  const weekday = weekdayOf(date);
  const coach = input.coaches[klass.coachId];
  if ((klass.lessons[periodId] ?? []).some((l) => l.weekday === weekday && overlaps(l, slot))) return false;
  if ((coach?.lessons[periodId] ?? []).some((l) => l.weekday === weekday && overlaps(l, slot))) return false;
  if ((coach?.busy[date] ?? []).some((b) => overlaps(b, slot))) return false;
  return !taken.some((t) => t.coachId === klass.coachId && t.date === date && overlaps(t.interval, slot));
}

type Candidate = { date: string; start: number; tier: number; order: number; mode: 'onCampus' | 'online'; reason: ClassProposalReason };

function candidatesOf(input: ClassProposalInput, klass: ProposalClass, periodId: string, dates: readonly string[]): Candidate[] {
  const d = input.durationMinutes;
  const lessons = klass.lessons[periodId];
  const campus = (lessons ?? []).filter((l) => l.campus);
  const grid: number[] = [];
  for (let s = Math.ceil(input.dayStart / GRID) * GRID; s + d <= input.dayEnd; s += GRID) grid.push(s);
  const out: Candidate[] = [];
  dates.forEach((date, dayIndex) => {
    const weekday = weekdayOf(date);
    const today = campus.filter((l) => l.weekday === weekday);
    if (lessons === undefined) {
      for (const start of grid) out.push({ date, start, tier: 2, order: dayIndex * 10_000 + Math.abs(start - MIDDAY), mode: 'onCampus', reason: { code: 'classNoTimetable' } });
      return;
    }
    if (campus.length === 0) {
      for (const start of grid) out.push({ date, start, tier: 2, order: dayIndex * 10_000 + Math.abs(start - MIDDAY), mode: 'online', reason: { code: 'classNoLessonsOnline' } });
      return;
    }
    if (today.length === 0) return;
    for (const l of today) {
      // Directly after the lesson (or a quarter later), directly before it (or a quarter earlier).
      for (const gap of [0, GRID]) {
        out.push({ date, start: l.end + gap, tier: 0, order: dayIndex * 10_000 + gap * 2, mode: 'onCampus', reason: { code: 'afterClassLesson', time: clockText(l.end) } });
        out.push({ date, start: l.start - d - gap, tier: 0, order: dayIndex * 10_000 + gap * 2 + 1, mode: 'onCampus', reason: { code: 'beforeClassLesson', time: clockText(l.start) } });
      }
    }
    for (const start of grid) out.push({ date, start, tier: 1, order: dayIndex * 10_000 + Math.abs(start - MIDDAY), mode: 'onCampus', reason: { code: 'classCampusDay' } });
  });
  return out
    .filter((c) => isFreeForClass(input, klass, periodId, c.date, c.start))
    .sort((a, b) => a.tier - b.tier || a.order - b.order || a.start - b.start || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * One proposal per class and period (periods in order, classes in the input's order): a slot, or
 * `none` when no free time is left in the searched days, or `alreadyPlanned`. Per period the most
 * constrained classes choose first, so a class with one possible time keeps it.
 */
export function proposeClassSessions(input: ClassProposalInput): ClassProposal[] {
  const out: ClassProposal[] = [];
  for (const period of input.periods) {
    const dates = proposalDates(period, input.today, input.searchDays);
    const chosen = new Map<string, ClassProposal>();
    const taken: Taken[] = [];
    const open = input.classes.filter((k) => !klassPlanned(k, period.id));
    const order = open
      .map((klass) => ({ klass, candidates: candidatesOf(input, klass, period.id, dates) }))
      .sort((a, b) => a.candidates.length - b.candidates.length || (a.klass.id < b.klass.id ? -1 : a.klass.id > b.klass.id ? 1 : 0));
    for (const { klass, candidates } of order) {
      const pick = candidates.find((c) => isFreeForClass(input, klass, period.id, c.date, c.start, taken));
      if (!pick) {
        chosen.set(klass.id, { classId: klass.id, periodId: period.id, kind: 'none' });
        continue;
      }
      taken.push({ coachId: klass.coachId, date: pick.date, interval: { start: pick.start, end: pick.start + input.durationMinutes } });
      chosen.set(klass.id, {
        classId: klass.id,
        periodId: period.id,
        kind: 'slot',
        date: pick.date,
        start: pick.start,
        startTime: clockText(pick.start),
        endTime: clockText(pick.start + input.durationMinutes),
        mode: pick.mode,
        reason: pick.reason,
      });
    }
    for (const klass of input.classes) out.push(klassPlanned(klass, period.id) ? { classId: klass.id, periodId: period.id, kind: 'alreadyPlanned' } : chosen.get(klass.id)!);
  }
  return out;
}

function klassPlanned(klass: ProposalClass, periodId: string): boolean {
  return klass.plannedIn.includes(periodId);
}
