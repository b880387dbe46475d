/**
 * The face of the retention context: the daily retention pass of the personal-data registry's
 * rules. Everything else in this folder is private; ESLint refuses imports past this file (ADR 0008).
 */

/** The job kind of the daily retention pass and its handler (job-handlers.ts). */
export { RETENTION_PASS_JOB, runRetentionPassJob } from './retention-job';
/** Schedules the next daily pass; a retention hook of the job poller (job-handlers.ts). */
export { scheduleRetentionPass } from './retention-job';
/** When the next daily pass is due (02:00 UTC). */
export { nextRetentionRun } from './retention-job';
/** Runs the pass now, or only counts what it would remove (`dryRun`); the beheerder's dry run, the CLI. */
export { runRetentionPass, type RetentionPassResult } from './run-retention-pass';
/** The domain of an anonymised person's e-mail (never deliverable); erasure uses it too. */
export { ANONYMISED_DOMAIN } from './rules';
