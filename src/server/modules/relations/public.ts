/**
 * The face of the relations context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** A community as a policy resource, with its relations (coach, members, supervisors, leercoaches). */
export type { CommunityResource } from './repository';
/** Communities of an institution (all, or the given ids) with their relations, for the access policy and lists. */
export { loadCommunityResources } from './repository';
/** Names and e-mail addresses of people, by id. */
export { namesOf } from './repository';
/** A programme of the institution, as a policy resource. */
export { programmeResource } from './repository';
/** The programme an intake belongs to, as a policy resource (with the intake's id). */
export { intakeResource } from './repository';
/** A coachee as a policy resource, with the coaches of their current communities. */
export { coacheeResource } from './repository';
