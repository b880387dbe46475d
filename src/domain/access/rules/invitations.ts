/**
 * Access rules for invitations (module `invitations`): who may send a person their activation
 * invitation, or see whether they activated. An intake's invitations as a whole go with
 * `programme:manageStudents` (rules/programme.ts).
 */
import type { Action } from '../actions';
import { holds, isCoordinatorOf, type Actor } from '../actor';

export type InviteeResource = {
  /** A person as the one to invite: their institution and the programmes they belong to. */
  kind: 'invitee';
  institutionId: string;
  personId: string;
  /** Programmes of their programme-scoped roles and of the intakes whose classes they are in. */
  programmeIds: readonly string[];
};

/** The beheerder invites anyone in the institution; a coordinator anyone in their programme. Nobody invites themselves. */
export function inviteeRule(action: Action, actor: Actor, resource: InviteeResource): boolean {
  if (action !== 'invitation:send' && action !== 'invitation:read') return false;
  if (resource.personId === actor.personId) return false;
  if (holds(actor, 'beheerder', resource.institutionId)) return true;
  return resource.programmeIds.some((programmeId) => isCoordinatorOf(actor, { institutionId: resource.institutionId, programmeId }));
}
