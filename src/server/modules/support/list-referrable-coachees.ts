import type { ReferrableCoacheesResponse } from '../../../contracts/support';
import type { Actor } from '../../../domain/access/policy';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import type { Services } from '../../context';
import { withConsent } from '../consent/public';
import { supportRepository } from './repository';

export type ListReferrableCoacheesOptions = { services: Services; actor: Actor };

/** The coach's current coachees, each with whether a referral may be recorded (consent). */
export async function listReferrableCoachees({ services, actor }: ListReferrableCoacheesOptions): Promise<ReferrableCoacheesResponse> {
  if (!actor.grants.some((g) => g.role === 'studentcoach')) return { coachees: [] };
  const coachees = await supportRepository(services.db).coacheesOf(actor.personId);
  const consented = await withConsent(services.db, coachees.map((c) => c.id), CONSENT_FOR.coachingData);
  return { coachees: coachees.map((c) => ({ ...c, consented: consented.has(c.id) })) };
}
