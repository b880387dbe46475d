/**
 * The face of the caseloads context (individual coaching, #21 item 3): all that other contexts,
 * the composition root (app.ts, main.ts, job-handlers.ts), the demo and the CLI may use.
 * Everything else in this folder is private; ESLint refuses imports past this file (ADR 0008).
 */

/** The format change question inside the intake settings save (409 until confirmed; then keep or end the memberships). */
export { applyFormatChange } from './format-change';
/** Assign the intake's students to the coaches' caseloads (demo data). */
export { assignIntakeCaseloads } from './assign-caseloads';
/** HTTP routes (app.ts). */
export { caseloadRoutes } from './routes';
/** The programme's student coaches and whether each is available (class-wide coaching links them to classes too). */
export { coachesOfProgramme, type CoachRow } from './repository';
/** Planned sessions in a time span that keep these people busy (organiser, coachee or member): class-wide proposals avoid the coach's. */
export { plannedSessionsOf } from './repository';
