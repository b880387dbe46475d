/**
 * What the payouts context needs from the statements: the approved, unpaid allowance statements,
 * marking them paid in its own transaction, and their payment status for the coach.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { payStatus, type PayStatus } from '../../../domain/compensation/statement';
import type { Scheme } from '../../../domain/compensation/scheme';
import type { StatementStatus } from '../../../domain/compensation/statement';
import type { Db } from '../../db/client';
import { compensationStatements } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { payableStatements } from './repository';

export type PayableStatement = {
  statementId: string;
  coachPersonId: string;
  programmeId: string;
  /** YYYY-MM */
  month: string;
  amountCents: number;
  /** YYYY-MM-DD */
  promisedPayDate: string;
  approvedAt: Date;
};

/** Approved, allowance-scheme, unpaid statements of an institution, oldest month first (statements of 0 cents are left out). */
export async function listPayableStatements(db: Db, institutionId: string): Promise<PayableStatement[]> {
  const rows = await payableStatements(db, institutionId);
  return rows
    .filter((r) => r.totalCents > 0)
    .map((r) => ({
      statementId: r.id,
      coachPersonId: r.coachPersonId,
      programmeId: r.programmeId,
      month: r.month,
      amountCents: r.totalCents,
      promisedPayDate: r.promisedPayDate!,
      approvedAt: r.approvedAt!,
    }));
}

/**
 * Marks statements paid by a payout (in the caller's transaction): sets `paid_on` and
 * `payout_id`. Refuses (409 `conflict`, nothing changed by this call) when any of them is not
 * approved, not an allowance statement, or already paid.
 */
export async function markStatementsPaid(tx: Db, options: { statementIds: readonly string[]; payoutId: string; paidOn: string }): Promise<void> {
  const ids = [...new Set(options.statementIds)];
  if (ids.length === 0) return;
  const updated = await tx
    .update(compensationStatements)
    .set({ paidOn: options.paidOn, payoutId: options.payoutId })
    .where(and(inArray(compensationStatements.id, ids), eq(compensationStatements.status, 'approved'), eq(compensationStatements.scheme, 'allowance'), isNull(compensationStatements.paidOn)))
    .returning({ id: compensationStatements.id });
  if (updated.length !== ids.length) throw new AppError('conflict', `${ids.length - updated.length} statement(s) not payable or already paid`);
}

export type StatementPayStatus = {
  statementId: string;
  month: string;
  status: StatementStatus;
  scheme: Scheme;
  amountCents: number;
  promisedPayDate: string | null;
  paidOn: string | null;
  payoutId: string | null;
  payStatus: PayStatus;
};

/** The payment status of statements — a coach's (`coachPersonId`) or given ones (`statementIds`) — on `today` (YYYY-MM-DD). */
export async function statementPayStatus(db: Db, options: { coachPersonId?: string; statementIds?: readonly string[]; today: string }): Promise<StatementPayStatus[]> {
  if (!options.coachPersonId && !options.statementIds) return [];
  const rows = await db
    .select()
    .from(compensationStatements)
    .where(
      and(
        options.coachPersonId ? eq(compensationStatements.coachPersonId, options.coachPersonId) : undefined,
        options.statementIds ? inArray(compensationStatements.id, options.statementIds.length > 0 ? [...options.statementIds] : ['00000000-0000-0000-0000-000000000000']) : undefined,
      ),
    );
  return rows
    .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0))
    .map((r) => {
      const status = r.status as StatementStatus;
      const scheme = r.scheme as Scheme;
      return {
        statementId: r.id,
        month: r.month,
        status,
        scheme,
        amountCents: r.totalCents,
        promisedPayDate: r.promisedPayDate,
        paidOn: r.paidOn,
        payoutId: r.payoutId,
        payStatus: payStatus({ status, scheme, promisedPayDate: r.promisedPayDate, paidOn: r.paidOn }, options.today),
      };
    });
}
