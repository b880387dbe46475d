/**
 * The face of the coaches context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** The cache-busting version of each coach's photo, by person id (absent: no photo). */
export { photoVersions } from './repository';
