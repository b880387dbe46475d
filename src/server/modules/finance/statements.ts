/**
 * The allowance statements this context pays, read and marked through the compensation
 * context's face (ADR 0008): approved, allowance-scheme statements with their promised pay date.
 */
import type { Db } from '../../db/client';
import { listApprovedStatements, listPayableStatements, markStatementsPaid as markPaid, type ApprovedStatement, type PayableStatement } from '../compensation/public';

export type { ApprovedStatement, PayableStatement };

/** Approved, unpaid statements of an institution (in a batch or not). */
export function payableStatements(db: Db, institutionId: string): Promise<PayableStatement[]> {
  return listPayableStatements(db, institutionId);
}

/** Approved statements with their pay dates, paid or not. */
export function approvedStatements(db: Db, filter: { institutionId: string; programmeId?: string; coachId?: string }): Promise<ApprovedStatement[]> {
  return listApprovedStatements(db, { institutionId: filter.institutionId, ...(filter.programmeId ? { programmeId: filter.programmeId } : {}), ...(filter.coachId ? { coachPersonId: filter.coachId } : {}) });
}

/** Marks the statements of a batch paid, in the caller's transaction (409 when one is not payable). */
export function markStatementsPaid(db: Db, options: { statementIds: string[]; payoutId: string; paidOn: string }): Promise<void> {
  return markPaid(db, options);
}
