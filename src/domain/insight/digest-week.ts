/**
 * The coordinator's weekly digest (#18 item 5) goes out on Monday morning, Europe/Amsterdam, and
 * looks back at the week before it. Pure: which Monday a moment belongs to, when its digest is due
 * and which instants the week it reports on spans.
 */
import { addDays, weekdayOf, zonedParts, zonedToInstant, type LocalDate } from '../sessions/zoned-time';

/** The wall-clock time on Monday at which the digest is due. */
export const DIGEST_TIME = '07:00';

export type DigestWeek = {
  /** The Monday of the digest (its key: one digest per coordinator per Monday). */
  week: LocalDate;
  /** Monday 07:00 Amsterdam. */
  dueAt: Date;
  /** The week reported on: the Monday before, 00:00, up to this Monday 00:00 (Amsterdam). */
  from: Date;
  to: Date;
};

/** The digest of the Monday `week`. */
export function digestWeekOf(week: LocalDate): DigestWeek {
  return { week, dueAt: zonedToInstant(week, DIGEST_TIME), from: zonedToInstant(addDays(week, -7), '00:00'), to: zonedToInstant(week, '00:00') };
}

/** The Monday on or before the Amsterdam date of `now`. */
export function mondayOf(now: Date): LocalDate {
  const today = zonedParts(now).date;
  return addDays(today, 1 - weekdayOf(today));
}

/** The next digest still to come at `now`: this Monday's while it is not yet 07:00 on it, else next Monday's. */
export function nextDigestWeek(now: Date): DigestWeek {
  const thisWeek = digestWeekOf(mondayOf(now));
  return now < thisWeek.dueAt ? thisWeek : digestWeekOf(addDays(thisWeek.week, 7));
}
