/** Referrals (PRODUCT P10): the fact that a coach referred a coachee to a resource — not the content. */

/** How long after a referral the coach is asked whether it helped. */
export const REFERRAL_FOLLOW_UP_DAYS = 21;

export const FOLLOW_UP_OUTCOMES = ['helped', 'partly', 'not_helped', 'unknown'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** The follow-up is due a few weeks after the referral, at 09:00 UTC so it never lands at night. */
export function followUpDueAt(referredOn: Date): Date {
  const due = new Date(referredOn.getTime() + REFERRAL_FOLLOW_UP_DAYS * 86_400_000);
  due.setUTCHours(9, 0, 0, 0);
  return due;
}

/** A referral cannot be dated in the future, nor more than a year back. */
export function isPlausibleReferralDate(referredOn: Date, now: Date): boolean {
  const day = 86_400_000;
  return referredOn.getTime() <= now.getTime() + day && referredOn.getTime() >= now.getTime() - 366 * day;
}
