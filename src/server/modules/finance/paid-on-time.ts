/**
 * The "paid on time" figure of a programme or an institution, from every approved statement and
 * claim with its promised date. Offered in the face: the evidence dashboard reads it too.
 */
import { paidOnTime, type PayableItem } from '../../../domain/finance/paid-on-time';
import type { Db } from '../../db/client';
import { financeRepository } from './repository';
import { approvedStatements } from './statements';

export async function paidOnTimeItems(db: Db, scope: { institutionId: string; programmeId?: string }): Promise<PayableItem[]> {
  const [claims, statements] = await Promise.all([financeRepository(db).approvedClaims(scope.institutionId, scope.programmeId), approvedStatements(db, scope)]);
  return [
    ...claims.flatMap((c) => (c.promisedPayDate ? [{ promisedPayDate: c.promisedPayDate, paidOn: c.paidOn }] : [])),
    ...statements.map((s) => ({ promisedPayDate: s.promisedPayDate, paidOn: s.paidOn })),
  ];
}

/** Share of statements and claims paid by their promised date, per month and per year (`today`: YYYY-MM-DD). */
export async function getPaidOnTime(db: Db, scope: { institutionId: string; programmeId?: string }, today: string) {
  return paidOnTime(await paidOnTimeItems(db, scope), today);
}
