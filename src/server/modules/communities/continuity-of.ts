import { and, eq, inArray, lte } from 'drizzle-orm';
import { continuityOf, type Continuity } from '../../../domain/communities/continuity';
import type { Db } from '../../db/client';
import { sessions } from '../../db/schema';
import { coachPeriodsOf, membershipsOf } from './manage-repository';

/** Continuity figures for several communities at once (see domain/communities/continuity.ts). */
export async function continuityFor(db: Db, communities: { id: string; createdAt: Date }[], now: Date): Promise<Map<string, Continuity>> {
  const ids = communities.map((c) => c.id);
  const [periods, memberships, held] = await Promise.all([
    coachPeriodsOf(db, ids),
    membershipsOf(db, ids),
    ids.length === 0
      ? Promise.resolve([])
      : db
          .select({ communityId: sessions.communityId, startsAt: sessions.startsAt, organiserId: sessions.organiserId })
          .from(sessions)
          // Community sessions (a class's class-wide sessions, ADR 0027) that took place: planned (not cancelled) and begun.
          .where(and(inArray(sessions.communityId, ids), inArray(sessions.type, ['community', 'classWide']), eq(sessions.status, 'planned'), lte(sessions.startsAt, now))),
  ]);
  return new Map(
    communities.map((c) => [
      c.id,
      continuityOf({
        start: c.createdAt,
        now,
        coachPeriods: periods.filter((p) => p.communityId === c.id).map((p) => ({ coachId: p.coachId, from: p.startedAt, to: p.endedAt })),
        memberships: memberships
          .filter((m) => m.communityId === c.id)
          .map((m) => ({ personId: m.personId, joinedOn: m.joinedOn, reason: m.joinedReason, leftOn: m.leftOn, leftReason: m.leftReason })),
        sessions: held.filter((s) => s.communityId === c.id).map((s) => ({ at: s.startsAt, leaderId: s.organiserId })),
      }),
    ]),
  );
}
