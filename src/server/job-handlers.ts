/**
 * Composition root of the durable jobs: every job kind the app knows, with its handler, and the
 * hourly retention purges. A feature that schedules jobs offers its handler in its face
 * (`modules/<context>/public.ts`) and adds it here (one line), so main.ts and the tests run the
 * same set and the jobs module itself depends on no feature (ADR 0008).
 */
import { MONTHLY_STATEMENTS_JOB, runMonthlyStatementsJob, scheduleMonthlyStatements } from './modules/compensation/public';
import { purgeAttemptCounters, purgeExpiredSignIns } from './modules/identity/public';
import type { JobHandlers, RetentionPurge } from './modules/jobs/public';
import { runStudentImport, STUDENT_IMPORT_JOB } from './modules/programme/public';
import { RETENTION_PASS_JOB, runRetentionPassJob, scheduleRetentionPass } from './modules/retention/public';
import { schedulingJobHandlers } from './modules/scheduling/public';
import { sessionJobHandlers } from './modules/sessions/public';
import { REFERRAL_FOLLOW_UP_JOB, sendReferralFollowUp } from './modules/support/public';
import { INVITATION_REMINDER_JOB, purgeSpentInvitationLinks, SCHEDULED_INVITATIONS_JOB, sendInvitationReminder, sendScheduledInvitations } from './modules/invitations/public';
import { purgeOidcAttempts } from './modules/sso/public';
import { EVALUATION_OPEN_JOB, EVALUATION_REMINDER_JOB, mailAttendanceSignals, openEvaluationMoment, scheduleEvaluationMoments, sendEvaluationReminder } from './modules/evaluation/public';
import { OVERDUE_REMINDER_JOB, scheduleOverdueReminders, sendOverdueReminders } from './modules/finance/public';
import { HUNDRED_DAY_JOB, runHundredDayJob, scheduleHundredDayMoments } from './modules/year/public';
import { purgeExpiredExportFiles } from './modules/research/public';
import { PLAN_REMINDER_JOB, schedulePlanReminders, sendPlanReminder } from './modules/roadmap/public';
import { COORDINATOR_DIGEST_JOB, scheduleCoordinatorDigests, sendCoordinatorDigests } from './modules/insight/public';
import { scheduleSignUpMail, sendSignUpInvitations, sendSignUpReminder, SIGN_UP_INVITATIONS_JOB, SIGN_UP_REMINDER_JOB } from './modules/participation/public';

export const jobHandlers: JobHandlers = {
  [REFERRAL_FOLLOW_UP_JOB]: sendReferralFollowUp,
  [STUDENT_IMPORT_JOB]: runStudentImport,
  [RETENTION_PASS_JOB]: runRetentionPassJob,
  ...sessionJobHandlers,
  ...schedulingJobHandlers,
  [INVITATION_REMINDER_JOB]: sendInvitationReminder,
  [SCHEDULED_INVITATIONS_JOB]: sendScheduledInvitations,
  [MONTHLY_STATEMENTS_JOB]: runMonthlyStatementsJob,
  [OVERDUE_REMINDER_JOB]: sendOverdueReminders,
  [HUNDRED_DAY_JOB]: runHundredDayJob,
  [EVALUATION_OPEN_JOB]: openEvaluationMoment,
  [EVALUATION_REMINDER_JOB]: sendEvaluationReminder,
  [PLAN_REMINDER_JOB]: sendPlanReminder,
  [COORDINATOR_DIGEST_JOB]: sendCoordinatorDigests,
  [SIGN_UP_INVITATIONS_JOB]: sendSignUpInvitations,
  [SIGN_UP_REMINDER_JOB]: sendSignUpReminder,
};

/**
 * Retention purges of tables that fill continuously, and the scheduling of the daily retention
 * pass (a durable job, once a day across instances); the poller runs them about once an hour.
 */
export const retentionPurges: readonly RetentionPurge[] = [
  purgeAttemptCounters,
  purgeExpiredSignIns,
  scheduleRetentionPass,
  purgeSpentInvitationLinks,
  purgeOidcAttempts,
  scheduleMonthlyStatements,
  scheduleOverdueReminders,
  scheduleHundredDayMoments,
  purgeExpiredExportFiles,
  scheduleEvaluationMoments,
  schedulePlanReminders,
  mailAttendanceSignals,
  scheduleCoordinatorDigests,
  scheduleSignUpMail,
];
