/**
 * The face of the invitations context: all that other contexts, the composition root (app.ts,
 * main.ts, job-handlers.ts), the demo and the CLI may use. Everything else in this folder is
 * private; ESLint refuses imports past this file (ADR 0008).
 */

/** Sends (or sends again) a person's invitation in the caller's transaction (coach selection, staff). */
export { sendInvitation, type SendOutcome } from './send-invitation';
/** The reminder job (kind, handler), 3 days after an unactivated invitation (for the job registry). */
export { INVITATION_REMINDER_JOB } from './send-invitation';
export { sendInvitationReminder } from './send-reminder';
/** The job of an intake's invitations scheduled for its start date (kind, handler; for the job registry). */
export { SCHEDULED_INVITATIONS_JOB, sendScheduledInvitations } from './invite-intake';
/** Retention: activation links a day after they expired (run hourly by the poller). */
export { purgeSpentInvitationLinks } from './list-invitations';
/** Demo data: a started intake's mix of statuses, an upcoming intake's scheduled invitations. */
export { loadInvitationsDemo } from './load-invitations-demo';
/** Marks a person's invitation activated when they got in another way (their first SSO sign-in). */
export { recordActivation } from './record-activation';
