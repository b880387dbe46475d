import type { Referral } from '../../../contracts/support';
import type { Db } from '../../db/client';
import { namesOf } from '../relations/public';
import type { ReferralResource } from './repository';
import { supportRepository } from './repository';

/** Referral rows → responses, with the coachee's and coach's names and the resource's name. */
export async function toReferrals(db: Db, institutionId: string, items: readonly ReferralResource[]): Promise<Referral[]> {
  if (items.length === 0) return [];
  const names = await namesOf(db, [...new Set(items.flatMap((r) => [r.row.coacheeId, ...(r.row.coachId ? [r.row.coachId] : [])]))]);
  const resources = new Map((await supportRepository(db).helpResources(institutionId)).map((r) => [r.id, r]));
  const name = (id: string) => ({ firstName: names.get(id)?.firstName ?? '', lastName: names.get(id)?.lastName ?? '' });
  return items.map(({ row }) => {
    const resource = resources.get(row.resourceId);
    return {
      id: row.id,
      coachee: { id: row.coacheeId, ...name(row.coacheeId) },
      coach: row.coachId ? name(row.coachId) : null,
      resource: {
        id: row.resourceId,
        name: { nl: resource?.nameNl ?? '', en: resource?.nameEn ?? '' },
        archived: resource?.archivedAt != null,
      },
      referredOn: row.referredOn,
      followUpDueAt: row.followUpDueAt.toISOString(),
      followUpOutcome: row.followUpOutcome,
      followUpAnsweredAt: row.followUpAnsweredAt?.toISOString() ?? null,
    };
  });
}
