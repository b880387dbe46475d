import type { Referral } from '../../../contracts/support';
import type { Actor } from '../../../domain/access/policy';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import type { FollowUpOutcome } from '../../../domain/support/referrals';
import type { Services } from '../../context';
import { requireConsent } from '../consent/public';
import { cancelJob } from '../jobs/public';
import { toReferrals } from './referral-mapping';
import { supportRepository, type ReferralResource } from './repository';

export type AnswerReferralFollowUpOptions = { services: Services; actor: Actor; referral: ReferralResource; outcome: FollowUpOutcome };

/** The coach answers "did it help?"; an answer before the reminder cancels the reminder. */
export async function answerReferralFollowUp({ services, actor, referral, outcome }: AnswerReferralFollowUpOptions): Promise<Referral> {
  return services.db.transaction(async (tx) => {
    await requireConsent(tx, referral.coacheeId, CONSENT_FOR.coachingData);
    const now = services.now();
    await supportRepository(tx).setReferral(referral.row.id, { followUpOutcome: outcome, followUpAnsweredAt: now });
    await cancelJob(tx, `referral-follow-up:${referral.row.id}`);
    const [mapped] = await toReferrals(tx, actor.institutionId, [
      { ...referral, row: { ...referral.row, followUpOutcome: outcome, followUpAnsweredAt: now } },
    ]);
    return mapped!;
  });
}
