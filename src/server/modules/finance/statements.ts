/**
 * The allowance statements this context pays, read through the compensation context's face.
 * Until that context is merged in, there are none (wired at the merge of branch comp-core).
 */
import type { Db } from '../../db/client';

export type PayableStatement = {
  statementId: string;
  coachPersonId: string;
  programmeId: string;
  month: string;
  amountCents: number;
  promisedPayDate: string;
  approvedAt: Date;
};

/** An approved statement with its pay dates (paid or not): paid on time, the coach's payments. */
export type ApprovedStatement = PayableStatement & { paidOn: string | null; payoutId: string | null };

export async function payableStatements(_db: Db, _institutionId: string): Promise<PayableStatement[]> {
  return [];
}

export async function approvedStatements(_db: Db, _filter: { institutionId: string; programmeId?: string; coachId?: string }): Promise<ApprovedStatement[]> {
  return [];
}

export async function markStatementsPaid(_db: Db, _options: { statementIds: string[]; payoutId: string; paidOn: string }): Promise<void> {}

export async function setStatementsPayout(_db: Db, _options: { statementIds: string[]; payoutId: string }): Promise<void> {}
