/**
 * The face of the support context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** The referral follow-up job kind (for the job registry). */
export { REFERRAL_FOLLOW_UP_JOB } from './record-referral';
/** The referral follow-up job's handler: mails the coach a follow-up on a referral (for the job registry). */
export { sendReferralFollowUp } from './send-referral-follow-up';
/** Demo data: help directory, referrals and a signal (src/server/demo). */
export { loadSupportDemo } from './load-support-demo';
/** Referrals to the student counsellor and psychologist in a programme over a window, counts only (the roadmap's evidence). */
export { counsellorReferrals } from './referral-figures';
