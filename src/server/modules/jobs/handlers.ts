/**
 * Every job kind the app knows, with its handler. A feature that schedules jobs adds its
 * handlers here (one line), so main.ts and the tests run the same set.
 */
import { REFERRAL_FOLLOW_UP_JOB } from '../support/record-referral';
import { sendReferralFollowUp } from '../support/send-referral-follow-up';
import { sessionJobHandlers } from '../sessions/reminder-jobs';
import type { JobHandlers } from './run-due-jobs';

export const jobHandlers: JobHandlers = {
  [REFERRAL_FOLLOW_UP_JOB]: sendReferralFollowUp,
  ...sessionJobHandlers,
};
