import type { RecordReferralRequest, Referral } from '../../../contracts/support';
import type { Actor, Resource } from '../../../domain/access/policy';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import { followUpDueAt, isPlausibleReferralDate } from '../../../domain/support/referrals';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { requireConsent } from '../consent/public';
import { scheduleJob } from '../jobs/public';
import { toReferrals } from './referral-mapping';
import { supportRepository } from './repository';

export const REFERRAL_FOLLOW_UP_JOB = 'referral.follow-up';

export type RecordReferralOptions = {
  services: Services;
  actor: Actor;
  /** The coachee, as the access rule loaded it (the actor coaches them). */
  coachee: Extract<Resource, { kind: 'coachee' }>;
  input: RecordReferralRequest;
};

/**
 * Records that the coach referred the coachee to a resource, with the coachee's agreement, and
 * schedules the follow-up question to the coach. Needs the coachee's coaching-data consent.
 */
export async function recordReferral({ services, actor, coachee, input }: RecordReferralOptions): Promise<Referral> {
  const referredOn = new Date(`${input.referredOn}T12:00:00Z`);
  if (!isPlausibleReferralDate(referredOn, services.now())) {
    throw new AppError('validation_failed', 'implausible referral date', {}, [{ path: 'referredOn', message: 'invalid' }]);
  }
  return services.db.transaction(async (tx) => {
    await requireConsent(tx, coachee.coacheeId, CONSENT_FOR.coachingData);
    const repo = supportRepository(tx);
    const resource = await repo.helpResource(input.resourceId);
    // Only an entry the coachee can find themselves: institution-wide, or of the coachee's programme.
    const otherProgramme = resource?.programmeId != null && resource.programmeId !== coachee.programmeId;
    if (!resource || resource.institutionId !== actor.institutionId || resource.archivedAt || otherProgramme) {
      throw new AppError('validation_failed', 'unknown help resource', {}, [{ path: 'resourceId', message: 'invalid' }]);
    }
    const dueAt = followUpDueAt(referredOn);
    const row = await repo.insertReferral({
      institutionId: actor.institutionId,
      programmeId: coachee.programmeId,
      coacheeId: coachee.coacheeId,
      coachId: actor.personId,
      resourceId: resource.id,
      referredOn: input.referredOn,
      coacheeAgreed: input.coacheeAgreed,
      followUpDueAt: dueAt,
    });
    await scheduleJob(tx, { kind: REFERRAL_FOLLOW_UP_JOB, payload: { referralId: row.id }, dueAt, dedupeKey: `referral-follow-up:${row.id}` });
    const [mapped] = await toReferrals(tx, actor.institutionId, [
      { kind: 'referral', institutionId: row.institutionId, programmeId: row.programmeId, coacheeId: row.coacheeId, coachId: actor.personId, row },
    ]);
    return mapped!;
  });
}
