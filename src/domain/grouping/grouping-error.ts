/** Machine-readable reasons a grouping request cannot be answered; the UI translates them. */
export type GroupingErrorCode =
  | 'infeasible_bounds'
  | 'invalid_bounds'
  | 'malformed_instance'
  | 'conflicting_constraints'
  | 'invalid_input';

/**
 * The one error type of the grouping engine. `details` carries the numbers behind the problem
 * (e.g. `{ n, minTotal, maxTotal }`) so callers can show a precise message without parsing text.
 */
export class GroupingError extends Error {
  readonly code: GroupingErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: GroupingErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'GroupingError';
    this.code = code;
    this.details = details;
  }
}
