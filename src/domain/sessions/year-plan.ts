/**
 * The year plan of a community: a series of sessions on one weekday at one local time, from the
 * intake's start to its end, at the interval the intake settings ask for (default twice a month),
 * skipping the institution's holidays. A slot that falls in a holiday moves to the first free
 * weekday after it and the series continues from there, so a break never silently ends a series.
 */
import { addDays, daysBetween, weekdayOf, zonedToInstant, type LocalDate, type LocalTime } from './zoned-time';

export type Holiday = { name: string; from: LocalDate; to: LocalDate };

export type YearPlanInput = {
  firstDate: LocalDate;
  lastDate: LocalDate;
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  weekday: number;
  startTime: LocalTime;
  durationMinutes: number;
  sessionsPerMonth: number;
  holidays: readonly Holiday[];
  zone?: string;
};

export type PlannedSession = { date: LocalDate; startsAt: Date; endsAt: Date };

/** Days between sessions for a frequency: twice a month is every two weeks. Whole weeks. */
export function plannedIntervalDays(sessionsPerMonth: number): number {
  return Math.max(1, Math.round(4 / Math.max(1, sessionsPerMonth))) * 7;
}

export const inHoliday = (date: LocalDate, holidays: readonly Holiday[]): boolean =>
  holidays.some((h) => date >= h.from && date <= h.to);

export function generateYearPlan(input: YearPlanInput): PlannedSession[] {
  const interval = plannedIntervalDays(input.sessionsPerMonth);
  const offset = (input.weekday - weekdayOf(input.firstDate) + 7) % 7;
  let date = addDays(input.firstDate, offset);
  const result: PlannedSession[] = [];
  while (date <= input.lastDate) {
    // A slot in a holiday moves week by week until the first free matching weekday.
    while (inHoliday(date, input.holidays) && date <= input.lastDate) date = addDays(date, 7);
    if (date > input.lastDate) break;
    const startsAt = zonedToInstant(date, input.startTime, input.zone);
    result.push({ date, startsAt, endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000) });
    date = addDays(date, interval);
  }
  return result;
}

export type Gap = { from: LocalDate; to: LocalDate; days: number; kind: 'start' | 'between' | 'end' };

/**
 * Stretches without a session longer than the planned interval plus a week's grace, counting only
 * days outside holidays. Catches "no sessions at all after the Christmas break".
 */
export function findGaps(options: {
  sessionDates: readonly LocalDate[];
  periodStart: LocalDate;
  periodEnd: LocalDate;
  intervalDays: number;
  holidays: readonly Holiday[];
  graceDays?: number;
}): Gap[] {
  const limit = options.intervalDays + (options.graceDays ?? 7);
  const dates = [...new Set(options.sessionDates)].filter((d) => d >= options.periodStart && d <= options.periodEnd).sort();
  const workingDays = (from: LocalDate, to: LocalDate) => {
    let n = 0;
    for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) if (!inHoliday(d, options.holidays)) n++;
    return n;
  };
  const gaps: Gap[] = [];
  if (dates.length === 0) {
    const days = daysBetween(options.periodStart, options.periodEnd);
    return days > limit ? [{ from: options.periodStart, to: options.periodEnd, days, kind: 'start' }] : [];
  }
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  if (workingDays(addDays(options.periodStart, -1), first) > limit) {
    gaps.push({ from: options.periodStart, to: first, days: daysBetween(options.periodStart, first), kind: 'start' });
  }
  for (let i = 1; i < dates.length; i++) {
    const a = dates[i - 1]!;
    const b = dates[i]!;
    if (workingDays(a, b) + 1 > limit) gaps.push({ from: a, to: b, days: daysBetween(a, b), kind: 'between' });
  }
  if (workingDays(last, addDays(options.periodEnd, 1)) > limit) {
    gaps.push({ from: last, to: options.periodEnd, days: daysBetween(last, options.periodEnd), kind: 'end' });
  }
  return gaps;
}
