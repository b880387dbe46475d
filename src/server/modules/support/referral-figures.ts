/**
 * Referrals to second-line help inside the institution (student counsellors, student psychologists)
 * in a programme over a window, as counts only (the roadmap's evidence, issue 22). No person is named.
 */
import { and, countDistinct, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { helpResources, referrals } from '../../db/schema';

/** Help categories of the second line inside the institution: the student counsellor and the psychologist. */
const SECOND_LINE = ['personal-circumstances', 'mental-health'];

/** Referrals and different coachees referred, between `from` and `to` (YYYY-MM-DD, both inclusive). */
export async function counsellorReferrals(db: Db, scope: { programmeId: string; from: string; to: string }): Promise<{ referrals: number; coachees: number }> {
  const [row] = await db
    .select({ referrals: sql<number>`count(*)::int`, coachees: countDistinct(referrals.coacheeId) })
    .from(referrals)
    .innerJoin(helpResources, eq(helpResources.id, referrals.resourceId))
    .where(and(eq(referrals.programmeId, scope.programmeId), eq(helpResources.kind, 'inside'), inArray(helpResources.category, SECOND_LINE), gte(referrals.referredOn, scope.from), lte(referrals.referredOn, scope.to)));
  return { referrals: row?.referrals ?? 0, coachees: row?.coachees ?? 0 };
}
