/**
 * Wall-clock times in a named zone (Europe/Amsterdam) and the instants they stand for. Sessions
 * are planned as "Tuesday 15:30 in Amsterdam" and stored as instants (timestamptz); across a
 * daylight-saving change the wall-clock time stays and the UTC time moves. Pure: uses Intl only.
 */
export const PROGRAMME_ZONE = 'Europe/Amsterdam';

/** A calendar date "YYYY-MM-DD" and a clock time "HH:MM". */
export type LocalDate = string;
export type LocalTime = string;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

export type ZonedParts = { date: LocalDate; time: LocalTime; weekday: number; year: number; month: number; day: number; hour: number; minute: number };

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock reading of an instant in a zone (weekday 1 = Monday … 7 = Sunday). */
export function zonedParts(instant: Date, zone = PROGRAMME_ZONE): ZonedParts {
  const parts = Object.fromEntries(formatter(zone).formatToParts(instant).map((p) => [p.type, p.value]));
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1,
    date: `${year}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds (Amsterdam: +1 h winter, +2 h summer). */
export function zoneOffsetMs(instant: Date, zone = PROGRAMME_ZONE): number {
  const p = zonedParts(instant, zone);
  const seconds = instant.getUTCSeconds();
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, seconds) - (instant.getTime() - instant.getUTCMilliseconds());
}

/**
 * The instant at which the zone's clocks show `date` `time`. A time that does not exist (the hour
 * skipped in spring) moves forward by that hour; an ambiguous one (autumn) takes the first.
 */
export function zonedToInstant(date: LocalDate, time: LocalTime, zone = PROGRAMME_ZONE): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The offset on either side of the date: equal on most days, different on a change day.
  const before = wall - zoneOffsetMs(new Date(wall - 12 * 3_600_000), zone);
  const after = wall - zoneOffsetMs(new Date(wall + 12 * 3_600_000), zone);
  // Prefer the earlier reading that matches the wall clock (autumn: the first 02:30).
  for (const candidate of [Math.min(before, after), Math.max(before, after)]) {
    const p = zonedParts(new Date(candidate), zone);
    if (p.date === date && p.time === time) return new Date(candidate);
  }
  // Spring: the wall-clock time does not exist; the offset before the change moves it forward.
  return new Date(before);
}

/** Adds whole days to a calendar date (no time zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (calendar dates). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const t = (s: LocalDate) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** ISO weekday of a calendar date (1 = Monday … 7 = Sunday). */
export function weekdayOf(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}
