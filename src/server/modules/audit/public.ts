/**
 * The face of the audit context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** Records one read of someone's special-category data in the read audit. */
export { recordRead } from './audit-log';
/** Who read a subject's data, newest first (for the subject). */
export { listReadsOf } from './audit-log';
