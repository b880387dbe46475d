/**
 * The face of the jobs context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** Schedules a job in the transaction of the change that causes it. */
export { scheduleJob } from './jobs';
/** Cancels the unfinished job with this dedupe key. */
export { cancelJob } from './jobs';
/** A long job's heartbeat: keeps its lease. */
export { extendLease } from './jobs';
/** Attempts before a job is given up. */
export { MAX_ATTEMPTS } from './jobs';
/** Due and running jobs and the oldest due job's wait (the metrics endpoint). */
export { queueDepth, type QueueDepth } from './jobs';
/** Runs a just-scheduled job in this process now. */
export { runJobNow } from './run-due-jobs';
/** A job handler, and the registry of handlers by kind. */
export type { JobHandler, JobHandlers, JobLog } from './run-due-jobs';
/** Starts the poller that claims and runs due jobs (main.ts). */
export { startJobPoller, type RetentionPurge } from './poller';
