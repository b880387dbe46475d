/**
 * The one error model. A use case throws an AppError with a code; the error handler maps the
 * code to an HTTP status and a translated user message. Raw errors never reach a client.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  reset_token_invalid: 400,
  consent_required: 403,
  consent_text_changed: 409,
  invalid_transition: 409,
  rate_limited: 429,
  too_many_attempts: 429,
  class_code_taken: 409,
  community_full: 409,
  coach_transition_blocked: 409,
  coach_not_available: 409,
  coach_already_leads: 409,
  import_unreadable: 400,
  import_quote_not_closed: 400,
  import_invalid_quote: 400,
  attendance_closed: 409,
  not_a_participant: 422,
  session_cancelled: 409,
  session_not_attended: 409,
  session_not_started: 409,
  link_invalid: 400,
  hundred_day_closed: 409,
  hundred_day_answered: 409,
  regroup_not_closed: 409,
  regroup_stale: 409,
  nomination_exists: 409,
  nomination_already_coach: 409,
  nomination_closed: 409,
  nomination_already_applied: 409,
  nomination_other_programme: 422,
  training_not_ended: 409,
  training_feedback_given: 409,
  participation_change_unconfirmed: 409,
  format_change_unconfirmed: 409,
  scheduling_individual_format: 409,
  scheduling_class_wide_format: 409,
  intake_not_individual: 409,
  no_coaches_available: 409,
  caseload_no_group_sessions: 422,
  intake_not_class_wide: 409,
  grouping_class_wide_format: 409,
  class_sessions_only: 422,
  class_proposals_class_only: 422,
  sign_up_closed: 409,
  sign_up_link_invalid: 404,
  sign_up_link_used: 409,
  switch_programme_invalid: 422,
  evaluation_link_invalid: 404,
  evaluation_closed: 409,
  year_report_not_open: 409,
  year_report_submitted: 409,
  year_report_not_submitted: 409,
  evaluation_answer_invalid: 400,
  evaluation_already_finished: 409,
  evaluation_incomplete: 400,
  evaluation_already_answered: 409,
  grouping_no_students: 422,
  grouping_infeasible: 422,
  grouping_infeasible_class: 422,
  grouping_conflicting_constraints: 422,
  grouping_not_draft: 409,
  grouping_stale: 409,
  scheduling_name_taken: 409,
  timetable_invalid: 400,
  timetable_empty: 400,
  timetable_recurrence_unbounded: 400,
  timetable_unknown_zone: 400,
  timetable_too_complex: 400,
  timetable_url_disabled: 403,
  timetable_fetch_failed: 400,
  slot_unavailable: 409,
  run_not_ready: 409,
  scheduling_setup_incomplete: 409,
  scheduling_period_ended: 409,
  magic_link_invalid: 400,
  magic_link_expired: 400,
  magic_link_used: 400,
  invitation_invalid: 400,
  invitation_expired: 400,
  invitation_used: 400,
  invitation_replaced: 400,
  invitation_already_activated: 409,
  invitation_just_sent: 409,
  invitation_nothing_to_send: 409,
  invitation_start_passed: 409,
  password_sign_in_off: 403,
  mfa_code_invalid: 400,
  mfa_pending_invalid: 401,
  mfa_setup_required: 403,
  mfa_already_on: 409,
  mfa_not_on: 409,
  mfa_required: 409,
  account_deactivated: 403,
  last_beheerder: 409,
  role_already_held: 409,
  role_not_held: 409,
  email_taken: 409,
  supervision_not_a_coach: 422,
  class_not_in_programme: 422,
  statement_not_open: 409,
  statement_already_approved: 409,
  statement_closed: 409,
  dispute_needs_resolution: 422,
  birth_date_missing: 422,
  extra_work_already_decided: 409,
  fiscal_year_exists: 409,
  no_rate_in_force: 422,
  claim_already_decided: 409,
  nothing_to_pay: 422,
  payout_already_paid: 409,
  payment_settings_missing: 409,
  payout_file_invalid: 422,
  research_not_approved: 409,
  research_already_decided: 409,
  research_link_expired: 410,
  erasure_only_for_yourself: 403,
  erasure_already_requested: 409,
  erasure_already_done: 409,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    /** For logs only; never shown to users and never holding personal data. */
    logMessage?: string,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(logMessage ?? code);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The translation key of the message a user sees. */
  get messageKey(): string {
    return `errors.${this.code}`;
  }
}

/**
 * Too many attempts at an account route (modules/identity/attempt-limits.ts): 429 with a
 * `Retry-After` header and the wait in the message.
 */
export class TooManyAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_attempts', undefined, { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
  }
}

/** Missing and forbidden look the same to the client, so ids cannot be probed. */
export const notFound = () => new AppError('not_found');

/** Maps PostgreSQL constraint violations to domain codes (both drivers expose the SQLSTATE). */
export function fromDatabaseError(error: unknown): AppError | null {
  const code = findSqlState(error);
  if (code === '23505') return new AppError('conflict', 'unique constraint violated');
  if (code === '23503') return new AppError('not_found', 'foreign key violated');
  if (code === '40001') return new AppError('conflict', 'serialization failure');
  return null;
}

function findSqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
