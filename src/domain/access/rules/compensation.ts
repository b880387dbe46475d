/**
 * Access rules for coach compensation (#17, module `compensation`). Pay is between the coach, the
 * people who approve it and finance: a leercoach, coachee or onderzoeker never sees any of it; a
 * coach only their own; a senior coach only the extra work of the coaches they supervise; the
 * coordinator their programme; finance reads approved statements.
 */
import type { Action } from '../actions';
import { holds, isCoachOf, isCoordinatorOf, type Actor } from '../actor';

/** A coach's compensation: their statements, birth date, extra work and fiscal-limit forecast. */
export type CompensationAccountResource = { kind: 'compensationAccount'; institutionId: string; programmeId: string; coachId: string };

/** One monthly statement. */
export type CompensationStatementResource = { kind: 'compensationStatement'; institutionId: string; programmeId: string; coachId: string; status: 'open' | 'confirmed' | 'disputed' | 'approved' };

/** Extra work a coach asked to be paid for. */
export type CompensationExtraWorkResource = {
  kind: 'compensationExtraWork';
  institutionId: string;
  programmeId: string;
  coachId: string;
  /** Senior coaches who supervise the coach. */
  supervisorIds: readonly string[];
};

/** A programme's statements per month (the coordinator's overview). */
export type CompensationProgrammeResource = { kind: 'compensationProgramme'; institutionId: string; programmeId: string };

/** The institution's fiscal limits of the volunteer allowance. */
export type CompensationInstitutionResource = { kind: 'compensationInstitution'; institutionId: string };

export function compensationAccountRule(action: Action, a: Actor, r: CompensationAccountResource): boolean {
  if (action === 'compensation:readAccount' || action === 'compensation:setBirthDate') return isCoachOf(a, r) || isCoordinatorOf(a, r);
  if (action === 'compensation:addExtraWork') return isCoachOf(a, r);
  return false;
}

export function compensationStatementRule(action: Action, a: Actor, r: CompensationStatementResource): boolean {
  if (action === 'compensation:readStatement')
    return isCoachOf(a, r) || isCoordinatorOf(a, r) || (r.status === 'approved' && holds(a, 'finance', r.institutionId, r.programmeId));
  if (action === 'compensation:reviewStatement') return isCoachOf(a, r);
  if (action === 'compensation:approveStatement') return isCoordinatorOf(a, r);
  return false;
}

export function compensationExtraWorkRule(action: Action, a: Actor, r: CompensationExtraWorkResource): boolean {
  if (action !== 'compensation:decideExtraWork') return false;
  return isCoordinatorOf(a, r) || (r.supervisorIds.includes(a.personId) && holds(a, 'seniorcoach', r.institutionId, r.programmeId));
}

export function compensationProgrammeRule(action: Action, a: Actor, r: CompensationProgrammeResource): boolean {
  if (action === 'compensation:readProgramme' || action === 'compensation:approveProgramme') return isCoordinatorOf(a, r);
  return false;
}

export function compensationInstitutionRule(action: Action, a: Actor, r: CompensationInstitutionResource): boolean {
  if (action === 'compensation:readFiscalYears')
    return holds(a, 'beheerder', r.institutionId) || holds(a, 'coordinator', r.institutionId) || holds(a, 'finance', r.institutionId);
  if (action === 'compensation:manageFiscalYears') return holds(a, 'beheerder', r.institutionId);
  return false;
}
