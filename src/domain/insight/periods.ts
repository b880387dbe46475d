/** Periods of the programme dashboard and the impact report: academic years (September–August), in Europe/Amsterdam dates. */
import { addDays, zonedParts, zonedToInstant, type LocalDate } from '../sessions/zoned-time';

/** The academic year a date falls in: 2026-10-01 → "2026-2027", 2027-08-31 → "2026-2027". */
export function academicYearOf(date: LocalDate): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** First and last day of an academic year ("2026-2027" → 2026-09-01 … 2027-08-31). */
export function academicYearDates(academicYear: string): { from: LocalDate; to: LocalDate } {
  const start = Number(academicYear.slice(0, 4));
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** The academic year before ("2026-2027" → "2025-2026"). */
export function previousAcademicYear(academicYear: string): string {
  const start = Number(academicYear.slice(0, 4));
  return `${start - 1}-${start}`;
}

/** Is the text an academic year whose second year follows the first? */
export const isAcademicYear = (value: string): boolean => /^[0-9]{4}-[0-9]{4}$/.test(value) && Number(value.slice(5)) === Number(value.slice(0, 4)) + 1;

/** The instants of a period of whole days, `from` 00:00 up to (not including) the day after `to`, in Amsterdam. */
export function periodInstants(from: LocalDate, to: LocalDate): { from: Date; to: Date } {
  return { from: zonedToInstant(from, '00:00'), to: zonedToInstant(addDays(to, 1), '00:00') };
}

/** Today's date in Amsterdam. */
export const amsterdamDate = (now: Date): LocalDate => zonedParts(now).date;
