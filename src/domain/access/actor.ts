/**
 * Who asks the access policy, and the role checks its rules share. Consumers import these from
 * `policy.ts`; the rules under `rules/` import them from here.
 */
import type { Role, RoleGrant } from './roles';

export type Actor = {
  personId: string;
  institutionId: string;
  grants: readonly RoleGrant[];
};

/** Does the actor hold `role` over this institution and (if given) this programme? */
export function holds(actor: Actor, role: Role, institutionId: string, programmeId?: string): boolean {
  if (actor.institutionId !== institutionId) return false;
  return actor.grants.some(
    (g) =>
      g.role === role &&
      g.institutionId === institutionId &&
      (g.programmeId === null || programmeId === undefined || g.programmeId === programmeId),
  );
}

export const isCoordinatorOf = (a: Actor, r: { institutionId: string; programmeId: string }) =>
  holds(a, 'coordinator', r.institutionId, r.programmeId);

export const isCoachOf = (a: Actor, r: { coachId: string; institutionId: string; programmeId: string }) =>
  r.coachId === a.personId && holds(a, 'studentcoach', r.institutionId, r.programmeId);

/** People who run or supervise sessions: they add to the activity library and build session plans. */
export const runsSessions = (a: Actor, institutionId: string) =>
  holds(a, 'studentcoach', institutionId) || holds(a, 'seniorcoach', institutionId) || holds(a, 'coordinator', institutionId);

/** People who run or supervise sessions in this programme (issue 21 item 8: programme-only library items). */
export const runsSessionsIn = (a: Actor, institutionId: string, programmeId: string) =>
  holds(a, 'studentcoach', institutionId, programmeId) || holds(a, 'seniorcoach', institutionId, programmeId) || holds(a, 'coordinator', institutionId, programmeId);
