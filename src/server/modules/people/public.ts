/**
 * The face of the people context (staff and their roles, issue 16): all that other contexts, the
 * composition root, the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008). Its routes are registered in app.ts.
 */

/** Grant a role (with its history entry), as the demo and the CLI do for a beheerder or coordinator. */
export { grantRole } from './change-role';
/** Demo data: a staff member waiting for activation, and the demo roles' history. */
export { loadPeopleDemo } from './load-people-demo';
