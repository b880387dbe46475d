import { continuityOf, type Continuity } from '../../../domain/communities/continuity';
import type { Db } from '../../db/client';
import { coachPeriodsOf, membershipsOf } from './manage-repository';

/** Continuity figures for several communities at once (see domain/communities/continuity.ts). */
export async function continuityFor(db: Db, communities: { id: string; createdAt: Date }[], now: Date): Promise<Map<string, Continuity>> {
  const ids = communities.map((c) => c.id);
  const [periods, memberships] = await Promise.all([coachPeriodsOf(db, ids), membershipsOf(db, ids)]);
  return new Map(
    communities.map((c) => [
      c.id,
      continuityOf({
        start: c.createdAt,
        now,
        coachPeriods: periods.filter((p) => p.communityId === c.id).map((p) => ({ coachId: p.coachId, from: p.startedAt, to: p.endedAt })),
        memberships: memberships
          .filter((m) => m.communityId === c.id)
          .map((m) => ({ personId: m.personId, initial: m.joinedReason === 'initial', leftOn: m.leftOn })),
      }),
    ]),
  );
}
