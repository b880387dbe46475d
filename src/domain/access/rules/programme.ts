/**
 * Access rules for the institution, its programmes and their classes (modules `admin`,
 * `programme`, and the programme-wide actions of `scheduling`, `grouping` and `support`).
 */
import type { Action } from '../actions';
import { holds, isCoordinatorOf, runsSessions, runsSessionsIn, type Actor } from '../actor';

export type InstitutionResource = { kind: 'institution'; institutionId: string };

export type ProgrammeResource = { kind: 'programme'; institutionId: string; programmeId: string };

export type ClassResource = {
  /** A class (klas): its leercoach sees who is in it, never coaching content. */
  kind: 'class';
  institutionId: string;
  programmeId: string;
  leercoachId: string | null;
};

export function institutionRule(action: Action, actor: Actor, resource: InstitutionResource): boolean {
  if (action === 'institution:read') return actor.institutionId === resource.institutionId;
  if (action === 'institution:manage' || action === 'outbox:read' || action === 'retention:read')
    return holds(actor, 'beheerder', resource.institutionId);
  if (action === 'library:create') return runsSessions(actor, resource.institutionId);
  return false;
}

export function programmeRule(action: Action, actor: Actor, resource: ProgrammeResource): boolean {
  if (action === 'programme:read')
    return actor.institutionId === resource.institutionId && actor.grants.some((g) => g.programmeId === null || g.programmeId === resource.programmeId);
  if (action === 'programme:manage')
    return isCoordinatorOf(actor, resource) || holds(actor, 'beheerder', resource.institutionId);
  // Students, coaches and communities are the coordinator's; the beheerder keeps the structure.
  if (action === 'programme:manageStudents' || action === 'programme:manageCoaches' || action === 'programme:manageCommunities' || action === 'programme:formCommunities' || action === 'programme:manageScheduling')
    return isCoordinatorOf(actor, resource);
  // The 100-day answers (reasons included) and the welcome of students switching in: the coordinator.
  if (action === 'programme:readHundredDay' || action === 'programme:welcomeSwitches') return isCoordinatorOf(actor, resource);
  if (action === 'signal:raise') return holds(actor, 'studentcoach', resource.institutionId, resource.programmeId);
  if (action === 'programme:handleSignals') return isCoordinatorOf(actor, resource);
  // An activity for this programme's coaches only: someone who runs sessions in it (issue 21 item 8).
  if (action === 'library:create') return runsSessionsIn(actor, resource.institutionId, resource.programmeId);
  // Programme updates ("what changes in the curriculum this period") come from the programme.
  if (action === 'programme:postUpdate')
    return isCoordinatorOf(actor, resource) || holds(actor, 'leercoach', resource.institutionId, resource.programmeId);
  return false;
}

export function classRule(action: Action, actor: Actor, resource: ClassResource): boolean {
  return (
    action === 'class:read' &&
    (isCoordinatorOf(actor, resource) ||
      (resource.leercoachId === actor.personId && holds(actor, 'leercoach', resource.institutionId, resource.programmeId)))
  );
}
