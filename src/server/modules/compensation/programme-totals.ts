/**
 * A programme's compensation per month, summed (the evidence dashboard and the impact report,
 * issue 18): hours, cost and how many coaches the month describes, so the caller can suppress
 * months about fewer than five coaches. Statements of every status count (hours are hours); the
 * cost only of approved allowance statements (what the programme pays).
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { compensationStatements } from '../../db/schema';

export type ProgrammeCompensationMonth = { month: string; coaches: number; minutes: number; approvedCents: number };

/** Months `fromMonth` ≤ month < `toMonth` (YYYY-MM), oldest first; only months with statements. */
export async function programmeCompensationTotals(db: Db, filter: { programmeId: string; intakeId?: string; fromMonth: string; toMonth: string }): Promise<ProgrammeCompensationMonth[]> {
  const rows = await db
    .select({
      month: compensationStatements.month,
      coaches: sql<number>`count(distinct ${compensationStatements.coachPersonId})::int`,
      minutes: sql<number>`coalesce(sum(${compensationStatements.totalMinutes}), 0)::int`,
      approvedCents: sql<number>`coalesce(sum(${compensationStatements.totalCents}) filter (where ${compensationStatements.status} = 'approved'), 0)::bigint`,
    })
    .from(compensationStatements)
    .where(
      and(
        eq(compensationStatements.programmeId, filter.programmeId),
        filter.intakeId ? eq(compensationStatements.intakeId, filter.intakeId) : undefined,
        gte(compensationStatements.month, filter.fromMonth),
        lt(compensationStatements.month, filter.toMonth),
      ),
    )
    .groupBy(compensationStatements.month)
    .orderBy(compensationStatements.month);
  return rows.map((r) => ({ month: r.month, coaches: Number(r.coaches), minutes: Number(r.minutes), approvedCents: Number(r.approvedCents) }));
}
