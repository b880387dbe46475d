/**
 * The face of the grouping context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** Starts a grouping run in a worker (the CLI). */
export { startGroupingRun } from './start-grouping-run';
/** Accepts a run: communities with coaches (the CLI). */
export { acceptGroupingRun } from './accept-grouping-run';
/** A grouping run as the API presents it (the CLI). */
export { presentRun } from './present-run';
/** One grouping run, or null (the CLI). */
export { runById } from './repository';
/** The attributes an institution enabled (the CLI). */
export { enabledAttributes } from './repository';
/** Demo data: disclosed attributes (src/server/demo). */
export { loadGroupingDemo } from './load-grouping-demo';
