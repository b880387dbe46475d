/**
 * The face of the communities context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** Gives a community a new coach (or none) and records the change in its coach history. */
export { changeCoach } from './manage-repository';
/** Demo data: communities with members (src/server/demo). */
export { loadCommunitiesDemo } from './load-communities-demo';
