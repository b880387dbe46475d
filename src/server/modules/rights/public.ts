/**
 * The face of the rights context (issue 19): the data subject's export and erasure, both
 * generated from the personal-data registry. Everything else in this folder is private; ESLint
 * refuses imports past this file (ADR 0008).
 */

/** The routes: my data (JSON, HTML), my erasure request, the erasure requests for staff. */
export { rightsRoutes } from './routes';
/** Everything held about a person, table by table (the export; tests, the CLI). */
export { collectMyData, subjectTables, type MyData } from './collect-my-data';
/** Carries out an erasure request; erases a person's rows as the registry says (tests). */
export { carryOutErasure, erasePersonRows, requestErasure } from './erasure';
