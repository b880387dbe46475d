/**
 * The face of the programme context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** The student-import job: its kind and handler (for the job registry). */
export { runStudentImport, STUDENT_IMPORT_JOB } from './run-import-job';
