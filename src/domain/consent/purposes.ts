/**
 * Which consent each kind of processing needs. Features ask `requireConsent(db, subjectId,
 * CONSENT_FOR.<purpose>)` (src/server/modules/consent/has-consent.ts) before a read or write by
 * someone other than the subject, so a withdrawal takes effect on the very next request.
 */
export const CONSENT_FOR = {
  /** Storing and using coaching data: check-ins, notes, the resilience map, referrals. */
  coachingData: 'coaching-data',
  /** The coach reading the coachee's check-ins (on top of coaching-data). */
  checkinsToCoach: 'share-checkins-with-coach',
  /** Including the person's data in research exports. */
  research: 'research-use',
  /** Recording a conversation. */
  audioRecording: 'audio-recording',
  /** Counting a student's background (first in family to study, international, home language) when forming communities. */
  groupingBackground: 'grouping-background',
} as const;

export type ConsentPurpose = keyof typeof CONSENT_FOR;
