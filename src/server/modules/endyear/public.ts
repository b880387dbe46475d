/**
 * The face of the end-of-year report context (issue 18 item 4: the coach's "kort eindverslag" and
 * portfolio PDF): all that other contexts, the composition root (app.ts) and the demo may use.
 * Everything else in this folder is private; ESLint refuses imports past this file (ADR 0008).
 */

/** The routes (app.ts). */
export { endyearRoutes } from './routes';
/** The consented, anonymous reflection texts of a programme's academic year (the impact report). */
export { coachReflections } from './coach-reflections';
/** Demo data: end-of-year reports of the demo coaches (src/server/demo). */
export { loadEndyearDemo } from './load-endyear-demo';
