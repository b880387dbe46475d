import { z } from 'zod';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import { translate } from '../../../i18n/translate';
import { hasConsent } from '../consent/public';
import { mailContactOf } from '../identity/public';
import type { JobHandler } from '../jobs/public';
import { supportRepository } from './repository';

const Payload = z.object({ referralId: z.string().uuid() });

/**
 * The job behind a referral's follow-up: an e-mail asking the coach whether the referral helped.
 * It names no coachee and no resource — only a link into peerkracht, where the coach signs in.
 * Nothing is sent once answered, or when the coachee has withdrawn consent.
 */
export const sendReferralFollowUp: JobHandler = async ({ services, job }) => {
  const { referralId } = Payload.parse(job.payload);
  await services.db.transaction(async (tx) => {
    const repo = supportRepository(tx);
    const referral = await repo.referral(referralId);
    if (!referral || !referral.row.coachId || referral.row.followUpAnsweredAt || referral.row.followUpSentAt) return;
    if (!(await hasConsent(tx, referral.coacheeId, CONSENT_FOR.coachingData))) return;
    const coach = await mailContactOf(tx, referral.row.coachId);
    if (!coach) return;
    const locale = coach.locale === 'en' ? 'en' : 'nl';
    await services.mailer.enqueue(tx, {
      institutionId: referral.institutionId,
      to: coach.email,
      subject: translate(locale, 'support.mail.referralFollowUp.subject'),
      text: translate(locale, 'support.mail.referralFollowUp.body', { name: coach.firstName, link: `${services.config.publicUrl}/support/referrals` }),
    });
    await repo.setReferral(referralId, { followUpSentAt: services.now() });
  });
};
