/**
 * The face of the research context: all that other contexts, the composition root (app.ts,
 * main.ts, job-handlers.ts), the demo and the CLI may use. Everything else in this folder is
 * private; ESLint refuses imports past this file (ADR 0008).
 */

/** The CLI's export: every approved study to DIR/<study-id>/ (data.csv, codebook.json, README.md), logged. */
export { exportApprovedStudies, type ExportedStudy } from './export-approved-studies';
/** Demo data: research consents of the demo coachees and one approved study. */
export { loadResearchDemo } from './load-research-demo';
/** Retention: deletes export files whose download link expired (the log rows stay). */
export { purgeExpiredExportFiles } from './purge-expired';
