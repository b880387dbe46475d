/**
 * Access rules for people and their roles (module `people`): finding people, creating staff,
 * granting and revoking roles, deactivating accounts. The rule that matters most: nobody grants a
 * role wider than their own. A beheerder (institution-wide) grants the staff roles of their own
 * institution; a coordinator grants only studentcoach, seniorcoach and leercoach, and only in a
 * programme they coordinate; nobody grants themselves anything; nothing crosses institutions.
 * Keeping one beheerder per institution needs a count, so the use case checks it, not this rule.
 */
import type { Action } from '../actions';
import { isCoordinatorOf, type Actor } from '../actor';
import type { Role } from '../roles';

export type PeopleDirectoryResource = {
  /** The institution's people: search them, create a staff member. */
  kind: 'peopleDirectory';
  institutionId: string;
};

export type PersonResource = {
  /** One person's account, roles and role history, as someone else manages them. */
  kind: 'person';
  institutionId: string;
  personId: string;
  /** Programmes the person holds a role in or is enrolled in (a class of one of its intakes). */
  programmeIds: readonly string[];
  /** Holds a coachee or studentcoach role anywhere: a student, not staff. */
  isStudent: boolean;
};

export type RoleGrantResource = {
  /** One role of one person at one scope: granted, revoked, or (seniorcoach, leercoach) its details set. */
  kind: 'roleGrant';
  institutionId: string;
  holderId: string;
  role: Role;
  /** null: institution-wide. */
  programmeId: string | null;
};

/** Roles only ever held institution-wide. */
export const INSTITUTION_WIDE_ROLES: readonly Role[] = ['beheerder', 'finance'];
/** Roles only ever held for one programme. */
export const PROGRAMME_ROLES: readonly Role[] = ['coachee', 'studentcoach', 'seniorcoach', 'leercoach'];
/** What a beheerder grants (coachees come from the student import). */
export const BEHEERDER_GRANTS: readonly Role[] = ['coordinator', 'leercoach', 'seniorcoach', 'studentcoach', 'onderzoeker', 'finance', 'opleidingsmanagement', 'beheerder'];
/** What a coordinator grants, in a programme they coordinate. */
export const COORDINATOR_GRANTS: readonly Role[] = ['studentcoach', 'seniorcoach', 'leercoach'];

/** Is this role held at this scope at all (beheerder only institution-wide, a leercoach only in a programme)? */
export function isValidScope(role: Role, programmeId: string | null): boolean {
  if (INSTITUTION_WIDE_ROLES.includes(role)) return programmeId === null;
  if (PROGRAMME_ROLES.includes(role)) return programmeId !== null;
  return true;
}

/** An institution-wide beheerder of this institution (a programme-scoped one does not count). */
export const isBeheerderOf = (a: Actor, institutionId: string) =>
  a.institutionId === institutionId && a.grants.some((g) => g.role === 'beheerder' && g.institutionId === institutionId && g.programmeId === null);

const coordinatesAny = (a: Actor, institutionId: string) =>
  a.institutionId === institutionId && a.grants.some((g) => g.role === 'coordinator' && g.institutionId === institutionId);

export function peopleDirectoryRule(action: Action, a: Actor, r: PeopleDirectoryResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  if (action === 'people:search') return isBeheerderOf(a, r.institutionId) || coordinatesAny(a, r.institutionId);
  if (action === 'people:create') return isBeheerderOf(a, r.institutionId);
  return false;
}

export function personRule(action: Action, a: Actor, r: PersonResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  const beheerder = isBeheerderOf(a, r.institutionId);
  if (action === 'person:deactivate') return beheerder && r.personId !== a.personId;
  if (action !== 'person:read') return false;
  if (beheerder) return true;
  // A coordinator sees the students of their programmes and the institution's staff (to link a
  // leercoach), never the students of another programme.
  return (
    coordinatesAny(a, r.institutionId) &&
    (!r.isStudent || r.programmeIds.some((programmeId) => isCoordinatorOf(a, { institutionId: r.institutionId, programmeId })))
  );
}

export function roleGrantRule(action: Action, a: Actor, r: RoleGrantResource): boolean {
  if (action !== 'role:grant' && action !== 'role:revoke') return false;
  if (a.institutionId !== r.institutionId || !isValidScope(r.role, r.programmeId)) return false;
  // Nobody widens their own access; giving up a role of one's own is allowed (the use case keeps
  // the institution's last beheerder).
  if (action === 'role:grant' && r.holderId === a.personId) return false;
  if (isBeheerderOf(a, r.institutionId) && BEHEERDER_GRANTS.includes(r.role)) return true;
  return (
    r.programmeId !== null &&
    COORDINATOR_GRANTS.includes(r.role) &&
    isCoordinatorOf(a, { institutionId: r.institutionId, programmeId: r.programmeId })
  );
}
