/**
 * The face of the scheduling context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** Starts a scheduling run in a worker (the CLI). */
export { startSchedulingRun } from './start-run';
/** A scheduling run with its result (the CLI). */
export { getSchedulingRun } from './get-run';
/** Publishes a run into the year plan (the CLI). */
export { publishSchedulingRun } from './publish-run';
/** The scheduling job kinds and their handlers (for the job registry). */
export { schedulingJobHandlers } from './purge-timetables';
/** Demo data: a scheduling set-up (src/server/demo). */
export { loadSchedulingDemo } from './load-scheduling-demo';
/** The February intake's periods and class timetables (#21 item 3, class-wide proposals). */
export { loadFebruaryTimetablesDemo } from './load-scheduling-demo';
