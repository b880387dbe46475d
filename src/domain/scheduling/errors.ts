/**
 * Typed failures of the scheduling engine. Only bad input and true infeasibility are errors:
 * unavoidable extra trips or conflicts are part of a normal result (see explain-extra-trips.ts),
 * because a coordinator can still act on a plan that is the best the timetables allow.
 */
export type SchedulingErrorCode =
  /** The instance does not follow FORMAT.md; `details.issues` says where and what. */
  | 'INVALID_INSTANCE'
  /** A coach is busy at every possible start for one of their communities. */
  | 'COACH_NEVER_AVAILABLE'
  /** More sessions than rooms (or than a coach's free time) can hold at once, whatever the plan. */
  | 'INSUFFICIENT_CAPACITY'
  /** The search found no plan that respects rooms and coaches (capacity is very tight). */
  | 'NO_FEASIBLE_PLAN_FOUND'
  /** The caller's AbortSignal fired before any feasible plan existed. */
  | 'CANCELLED';

export type SchedulingIssue = { path: string; message: string };

export type SchedulingErrorDetails = {
  issues?: SchedulingIssue[];
  communities?: string[];
  coach?: string;
  location?: string;
  needed?: number;
  available?: number;
};

export class SchedulingError extends Error {
  readonly code: SchedulingErrorCode;
  readonly details: SchedulingErrorDetails;

  constructor(code: SchedulingErrorCode, message: string, details: SchedulingErrorDetails = {}) {
    super(message);
    this.name = 'SchedulingError';
    this.code = code;
    this.details = details;
  }
}
