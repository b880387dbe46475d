/**
 * The face of the growth context (#21 item 6: nominations of future coaches, training feedback,
 * the coach handbook): all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** Link a new coach application to the nomination it came from (the apply form, in its transaction). */
export { linkApplicationToNomination } from './nominations';
/** Which applications came from a nomination, and by whom (the coordinator's application list). */
export { nominationsOfApplications } from './nominations';
/** Demo data: past coach trainings with feedback (src/server/demo). */
export { loadGrowthDemo } from './load-growth-demo';
