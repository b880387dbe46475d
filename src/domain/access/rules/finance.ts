/**
 * Access rules for the money side of coach compensation (module `finance`, #17 items 5–7):
 * expense claims and their receipts, a coach's own bank account and payments, payout batches.
 * A leercoach, coachee, researcher or beheerder never sees a claim, a receipt or an IBAN; a coach
 * only their own; the coordinator their programme's claims; finance the institution's.
 */
import type { Action } from '../actions';
import { holds, isCoordinatorOf, type Actor } from '../actor';

export type ExpenseClaimResource = {
  /** An expense claim with its receipt. */
  kind: 'expenseClaim';
  institutionId: string;
  programmeId: string;
  coachId: string;
};

export type OwnCompensationResource = {
  /** A coach's own compensation: bank account, claims, payments (the `/api/me/payments` routes). */
  kind: 'ownCompensation';
  institutionId: string;
  programmeId: string;
  coachId: string;
};

export type ProgrammeFinanceResource = {
  /** A programme's claims to decide, its overdue payments and its "paid on time" figure. */
  kind: 'programmeFinance';
  institutionId: string;
  programmeId: string;
};

export type FinanceDeskResource = {
  /** The institution's payouts: what is payable, batches, the paying account. */
  kind: 'financeDesk';
  institutionId: string;
};

/** Finance for the whole institution (a programme-scoped grant does not create batches). */
const isInstitutionFinance = (a: Actor, institutionId: string) =>
  a.institutionId === institutionId && a.grants.some((g) => g.role === 'finance' && g.institutionId === institutionId && g.programmeId === null);

export function expenseClaimRule(action: Action, a: Actor, r: ExpenseClaimResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  const coordinator = isCoordinatorOf(a, r);
  // Nobody approves their own claim, also not a coordinator who coaches.
  if (action === 'expenseClaim:decide') return coordinator && r.coachId !== a.personId;
  if (action !== 'expenseClaim:read') return false;
  return (r.coachId === a.personId && holds(a, 'studentcoach', r.institutionId, r.programmeId)) || coordinator || holds(a, 'finance', r.institutionId, r.programmeId);
}

export function ownCompensationRule(action: Action, a: Actor, r: OwnCompensationResource): boolean {
  if (action !== 'compensation:manageOwn') return false;
  return r.coachId === a.personId && holds(a, 'studentcoach', r.institutionId, r.programmeId);
}

export function programmeFinanceRule(action: Action, a: Actor, r: ProgrammeFinanceResource): boolean {
  if (action !== 'programmeFinance:read') return false;
  return isCoordinatorOf(a, r);
}

export function financeDeskRule(action: Action, a: Actor, r: FinanceDeskResource): boolean {
  if (action === 'payout:manage') return isInstitutionFinance(a, r.institutionId);
  // The debtor account is the institution's: finance keeps it, the beheerder may set it up.
  if (action === 'paymentSettings:manage') return isInstitutionFinance(a, r.institutionId) || holds(a, 'beheerder', r.institutionId);
  return false;
}
