/**
 * Every job kind the app knows, with its handler. A feature that schedules jobs adds its
 * handlers here (one line), so main.ts and the tests run the same set.
 */
import { purgeAttemptCounters } from '../identity/attempt-limits';
import { purgeExpiredSignIns } from '../identity/purge-expired';
import { runStudentImport, STUDENT_IMPORT_JOB } from '../programme/run-import-job';
import { REFERRAL_FOLLOW_UP_JOB } from '../support/record-referral';
import { sendReferralFollowUp } from '../support/send-referral-follow-up';
import { sessionJobHandlers } from '../sessions/reminder-jobs';
import { schedulingJobHandlers } from '../scheduling/purge-timetables';
import type { RetentionPurge } from './poller';
import type { JobHandlers } from './run-due-jobs';

export const jobHandlers: JobHandlers = {
  [REFERRAL_FOLLOW_UP_JOB]: sendReferralFollowUp,
  [STUDENT_IMPORT_JOB]: runStudentImport,
  ...sessionJobHandlers,
  ...schedulingJobHandlers,
};

/** Retention purges of tables that fill continuously; the poller runs them about once an hour. */
export const retentionPurges: readonly RetentionPurge[] = [purgeAttemptCounters, purgeExpiredSignIns];
