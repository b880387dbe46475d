/**
 * Approved allowance statements with their pay dates, paid or not, of an institution (optionally
 * one programme or one coach): what the payouts context needs for "paid on time", the coach's
 * payments and the overdue reminders. Statements of 0 cents are left out (nothing to pay).
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { compensationStatements } from '../../db/schema';
import type { PayableStatement } from './payable';

export type ApprovedStatement = PayableStatement & { paidOn: string | null; payoutId: string | null };

export async function listApprovedStatements(db: Db, filter: { institutionId: string; programmeId?: string; coachPersonId?: string }): Promise<ApprovedStatement[]> {
  const rows = await db
    .select()
    .from(compensationStatements)
    .where(
      and(
        eq(compensationStatements.institutionId, filter.institutionId),
        eq(compensationStatements.status, 'approved'),
        eq(compensationStatements.scheme, 'allowance'),
        gt(compensationStatements.totalCents, 0),
        filter.programmeId ? eq(compensationStatements.programmeId, filter.programmeId) : undefined,
        filter.coachPersonId ? eq(compensationStatements.coachPersonId, filter.coachPersonId) : undefined,
      ),
    )
    .orderBy(asc(compensationStatements.month), asc(compensationStatements.id));
  return rows.flatMap((r) =>
    r.promisedPayDate && r.approvedAt
      ? [{ statementId: r.id, coachPersonId: r.coachPersonId, programmeId: r.programmeId, month: r.month, amountCents: r.totalCents, promisedPayDate: r.promisedPayDate, approvedAt: r.approvedAt, paidOn: r.paidOn, payoutId: r.payoutId }]
      : [],
  );
}
