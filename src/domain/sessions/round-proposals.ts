/**
 * Proposed times for a round of one-on-ones (individual coaching, #21 item 3): for each coachee a
 * time in the chosen week when both the coachee and the coach are free, preferably right before
 * or after one of the coachee's lessons on a day the coachee is on campus anyway — the report's
 * top reason for low attendance is a session that asks an extra trip. A coachee with no lessons
 * in that week is proposed an online conversation. Pure: plain data in, proposals out.
 */

/** Minutes since midnight, local (Europe/Amsterdam) time. */
export type Interval = { start: number; end: number };
/** A busy interval of a coachee: `campus` when it is a lesson on a campus (being there anyway). */
export type BusyInterval = Interval & { campus: boolean };

export type RoundDay = {
  date: string;
  /** The first minute a conversation may start that day (later than dayStart for today). */
  earliest: number;
};

export type RoundCoachee = {
  id: string;
  /** Busy intervals per date of the week (lessons, work, other sessions). */
  busy: Readonly<Record<string, readonly BusyInterval[]>>;
  /** False when no timetable is known for the coachee: their lessons are unknown. */
  hasTimetable: boolean;
};

export type RoundInput = {
  /** The days of the week that may hold a conversation, in order. */
  days: readonly RoundDay[];
  dayStart: number;
  dayEnd: number;
  durationMinutes: number;
  /** Minutes kept free between two conversations of the coach. */
  breakMinutes: number;
  coach: {
    busy: Readonly<Record<string, readonly Interval[]>>;
    /** The coach's stated availability per date; null when the coach stated none (then any free time). */
    availability: Readonly<Record<string, readonly Interval[]>> | null;
  };
  coachees: readonly RoundCoachee[];
};

/** Why this time: shown to the coach in plain words. */
export type ProposalReason =
  | { code: 'afterLesson'; time: string }
  | { code: 'beforeLesson'; time: string }
  | { code: 'campusDay' }
  | { code: 'noLessonsOnline' }
  | { code: 'awayFromLessonsOnline' }
  | { code: 'noTimetable' };

export type RoundProposal =
  | { coacheeId: string; kind: 'slot'; date: string; start: number; startTime: string; mode: 'onCampus' | 'online'; reason: ProposalReason }
  | { coacheeId: string; kind: 'none' };

/** Candidate starts lie on this grid (plus the exact ends and starts of lessons). */
export const ROUND_GRID_MINUTES = 15;
/** A lesson that ends at most this long before the start (or starts this long after the end) counts as "right next to it". */
const ADJACENT_MINUTES = 15;

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

type Candidate = { date: string; start: number; tier: number; gap: number; mode: 'onCampus' | 'online'; reason: ProposalReason; dayIndex: number };

/** Whether both are free for [start, start + duration) on the date, within the coach's availability. */
export function isCommonFree(input: RoundInput, coachee: RoundCoachee, date: string, start: number): boolean {
  const slot = { start, end: start + input.durationMinutes };
  const day = input.days.find((d) => d.date === date);
  if (!day || start < Math.max(input.dayStart, day.earliest) || slot.end > input.dayEnd) return false;
  if ((coachee.busy[date] ?? []).some((b) => overlaps(b, slot))) return false;
  if ((input.coach.busy[date] ?? []).some((b) => overlaps(b, slot))) return false;
  if (input.coach.availability && !(input.coach.availability[date] ?? []).some((w) => w.start <= slot.start && slot.end <= w.end)) return false;
  return true;
}

function candidatesOf(input: RoundInput, coachee: RoundCoachee): Candidate[] {
  const d = input.durationMinutes;
  const campusDates = new Set(input.days.filter((day) => (coachee.busy[day.date] ?? []).some((b) => b.campus)).map((day) => day.date));
  const out: Candidate[] = [];
  input.days.forEach((day, dayIndex) => {
    const lessons = (coachee.busy[day.date] ?? []).filter((b) => b.campus);
    const first = Math.max(input.dayStart, day.earliest);
    const starts = new Set<number>();
    for (let s = Math.ceil(first / ROUND_GRID_MINUTES) * ROUND_GRID_MINUTES; s + d <= input.dayEnd; s += ROUND_GRID_MINUTES) starts.add(s);
    for (const l of lessons) {
      starts.add(l.end);
      starts.add(l.start - d);
    }
    for (const start of [...starts].sort((a, b) => a - b)) {
      if (!isCommonFree(input, coachee, day.date, start)) continue;
      const after = lessons.filter((l) => l.end <= start && start - l.end <= ADJACENT_MINUTES).sort((a, b) => b.end - a.end)[0];
      const before = lessons.filter((l) => l.start >= start + d && l.start - (start + d) <= ADJACENT_MINUTES).sort((a, b) => a.start - b.start)[0];
      const base = { date: day.date, start, dayIndex, gap: 0 };
      if (!coachee.hasTimetable) out.push({ ...base, tier: 1, mode: 'onCampus', reason: { code: 'noTimetable' } });
      else if (campusDates.size === 0) out.push({ ...base, tier: 1, mode: 'online', reason: { code: 'noLessonsOnline' } });
      else if (after) out.push({ ...base, gap: start - after.end, tier: 0, mode: 'onCampus', reason: { code: 'afterLesson', time: clockText(after.end) } });
      else if (before) out.push({ ...base, gap: before.start - start - d, tier: 0, mode: 'onCampus', reason: { code: 'beforeLesson', time: clockText(before.start) } });
      else if (campusDates.has(day.date)) out.push({ ...base, tier: 1, mode: 'onCampus', reason: { code: 'campusDay' } });
      else out.push({ ...base, tier: 2, mode: 'online', reason: { code: 'awayFromLessonsOnline' } });
    }
  });
  return out.sort((a, b) => a.tier - b.tier || a.dayIndex - b.dayIndex || a.gap - b.gap || a.start - b.start);
}

/**
 * One proposal per coachee, in the input's order: each a time when both are free, not overlapping
 * another proposal (with the break between), or `none` when no common free time is left. The most
 * constrained coachees choose first, so a coachee with one possible time keeps it.
 */
export function proposeRoundTimes(input: RoundInput): RoundProposal[] {
  const options = input.coachees.map((c) => ({ coachee: c, candidates: candidatesOf(input, c) }));
  const order = [...options].sort((a, b) => a.candidates.length - b.candidates.length);
  const taken: { date: string; interval: Interval }[] = [];
  const chosen = new Map<string, RoundProposal>();
  const margin = input.breakMinutes;
  for (const { coachee, candidates } of order) {
    const pick = candidates.find((c) => !taken.some((t) => t.date === c.date && overlaps(t.interval, { start: c.start - margin, end: c.start + input.durationMinutes + margin })));
    if (!pick) {
      chosen.set(coachee.id, { coacheeId: coachee.id, kind: 'none' });
      continue;
    }
    taken.push({ date: pick.date, interval: { start: pick.start, end: pick.start + input.durationMinutes } });
    chosen.set(coachee.id, { coacheeId: coachee.id, kind: 'slot', date: pick.date, start: pick.start, startTime: clockText(pick.start), mode: pick.mode, reason: pick.reason });
  }
  return input.coachees.map((c) => chosen.get(c.id)!);
}

/**
 * The year of an intake, inclusive local dates: a September intake from 1 September to 31 August,
 * a February intake from 1 February to 31 January of the year after ("2026-2027" → 2027-02-01).
 */
export function intakeYearDates(academicYear: string, month: 'september' | 'february'): { from: string; to: string } {
  const start = Number(academicYear.slice(0, 4));
  return month === 'september' ? { from: `${start}-09-01`, to: `${start + 1}-08-31` } : { from: `${start + 1}-02-01`, to: `${start + 2}-01-31` };
}
