/**
 * The face of the insight context (issue 18: the programme dashboard and the impact report).
 * Its routes are registered in app.ts; the bench counts figures through it and job-handlers.ts
 * takes the weekly digest's job from it. ESLint refuses imports past this file (ADR 0008).
 */

/** Counts every dashboard figure of a programme in a period, before suppression (the bench). */
export { countFigures, buildSections } from './build-dashboard';
/** The coordinator's weekly digest: job kind, handler and the poller's hook that schedules it (job-handlers.ts). */
export { COORDINATOR_DIGEST_JOB, scheduleCoordinatorDigests, sendCoordinatorDigests } from './weekly-digest';
