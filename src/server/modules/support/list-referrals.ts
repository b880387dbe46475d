import type { Referral } from '../../../contracts/support';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import type { Services } from '../../context';
import { recordRead } from '../audit/public';
import { requireConsent, withConsent } from '../consent/public';
import { toReferrals } from './referral-mapping';
import { supportRepository } from './repository';

export type ListReferralsOptions = {
  services: Services;
  actor: Actor;
  /** `mine`: my referrals as a coachee; `recorded`: those I recorded as a coach; `coachee`: one coachee's. */
  scope: { kind: 'mine' } | { kind: 'recorded' } | { kind: 'coachee'; coacheeId: string };
};

/**
 * Referrals the actor may read. Anyone but the coachee sees a referral only while the coachee's
 * coaching-data consent holds (asking for one coachee's list without it is refused), and every
 * such read is recorded for the coachee to see.
 */
export async function listReferrals({ services, actor, scope }: ListReferralsOptions): Promise<Referral[]> {
  const repo = supportRepository(services.db);
  const { coachingData } = CONSENT_FOR;
  let items;
  switch (scope.kind) {
    case 'mine':
      items = await repo.referralsWhere({ coacheeId: actor.personId });
      break;
    case 'recorded': {
      const recorded = await repo.referralsWhere({ coachId: actor.personId });
      const consented = await withConsent(services.db, recorded.map((r) => r.coacheeId), coachingData);
      items = recorded.filter((r) => consented.has(r.coacheeId));
      break;
    }
    case 'coachee':
      if (scope.coacheeId !== actor.personId) await requireConsent(services.db, scope.coacheeId, coachingData);
      items = await repo.referralsWhere({ coacheeId: scope.coacheeId });
      break;
  }
  const readable = items.filter((r) => isAllowed(actor, 'referral:read', r));
  for (const r of readable) {
    await recordRead(services.db, { actorId: actor.personId, subjectId: r.coacheeId, resourceType: 'referral', resourceId: r.row.id });
  }
  return toReferrals(services.db, actor.institutionId, readable);
}
