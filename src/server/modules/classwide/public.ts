/**
 * The face of the class-wide context (#21 item 3, ADR 0027): all that other contexts, the
 * composition root (app.ts, main.ts, job-handlers.ts), the demo and the CLI may use.
 * Everything else in this folder is private; ESLint refuses imports past this file (ADR 0008).
 */

/** HTTP routes (app.ts). */
export { classwideRoutes } from './routes';
/** Class communities follow enrolment: every path that writes class_members calls this in its transaction. */
export { syncClassCommunities } from './sync-class-communities';
/** Proposed class sessions of every linked class of a class-wide intake (the scheduling page shows them). */
export { classProposalsOfIntake } from './class-session-proposals';
