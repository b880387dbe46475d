/**
 * Pure rules of the Roadmap to studentsucces (issue 22): the status scale, where stakeholders'
 * views differ, the coaching year, when a plan owner is reminded, small-group suppression, and
 * what changed between two versions of the roadmap content.
 */
export const ROADMAP_STATUSES = ['notStarted', 'started', 'inPlace', 'embedded'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];
export const PLAN_ITEM_STATUSES = ['planned', 'inProgress', 'done', 'dropped'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

/** A figure that describes fewer people than this is not shown (it could point at a person). */
export const MIN_GROUP = 5;

/** Step of a status on the scale: 0 (not started) … 3 (embedded). */
export const statusStep = (s: RoadmapStatus): number => ROADMAP_STATUSES.indexOf(s);

/**
 * How far the views on one factor lie apart: `differ` when not everyone chose the same status;
 * `spread` is the distance in steps between the lowest and the highest view.
 */
export function compareViews(statuses: readonly RoadmapStatus[]): { differ: boolean; spread: number; lowest: RoadmapStatus | null; highest: RoadmapStatus | null } {
  if (statuses.length === 0) return { differ: false, spread: 0, lowest: null, highest: null };
  const steps = statuses.map(statusStep);
  const lo = Math.min(...steps);
  const hi = Math.max(...steps);
  return { differ: hi !== lo, spread: hi - lo, lowest: ROADMAP_STATUSES[lo]!, highest: ROADMAP_STATUSES[hi]! };
}

/** The coaching year a day lies in, named by the calendar year it starts in (1 September). */
export function coachingYearOf(day: Date): number {
  return day.getUTCMonth() >= 8 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
}

/** The first and last day (YYYY-MM-DD) of a coaching year. */
export function coachingYearDays(year: number): { from: string; to: string } {
  return { from: `${year}-09-01`, to: `${year + 1}-08-31` };
}

/** Days before the due date at which the owner of a plan item is reminded. */
export const REMIND_DAYS_BEFORE = 7;

/** When the reminder of a plan item due on `dueDate` goes: 07:00 UTC a week before, or `now` when that has passed. */
export function planReminderDueAt(dueDate: string, now: Date): Date {
  const d = new Date(`${dueDate}T07:00:00Z`);
  const at = new Date(d.getTime() - REMIND_DAYS_BEFORE * 86_400_000);
  return at.getTime() < now.getTime() ? now : at;
}

/** A count or share over `people` people: null (suppressed) when fewer than {@link MIN_GROUP}. */
export function suppressed<T>(people: number, value: T): T | null {
  return people < MIN_GROUP ? null : value;
}
