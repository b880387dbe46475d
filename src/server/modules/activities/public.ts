/**
 * The face of the activities context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** The activities a person may read: built-in ones and the custom ones shared with them. */
export { readableActivities } from './activity-library';
/** The activities of session plans, in the reader's language. */
export { resolvePlanActivities } from './session-plans';
/** A library item (custom activity or plan) as a policy resource. */
export { libraryItemOf } from './repository';
/** One session plan of an institution, or null. */
export { sessionPlanById } from './repository';
