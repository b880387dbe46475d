/**
 * The coach lifecycle: an application is submitted, discussed in an intake conversation and
 * decided on; a selected coach onboards (agreement, first training), becomes active, may pause,
 * and leaves with a warm handover of their communities.
 */

export const APPLICATION_STATUSES = ['submitted', 'conversationPlanned', 'selected', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const COACH_STATUSES = ['onboarding', 'active', 'paused', 'leaving', 'left'] as const;
export type CoachStatus = (typeof COACH_STATUSES)[number];

const APPLICATION_NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['conversationPlanned', 'rejected', 'withdrawn'],
  conversationPlanned: ['selected', 'rejected', 'withdrawn', 'conversationPlanned'],
  selected: [],
  rejected: [],
  withdrawn: [],
};

const COACH_NEXT: Record<CoachStatus, readonly CoachStatus[]> = {
  onboarding: ['active', 'left'],
  active: ['paused', 'leaving'],
  paused: ['active', 'leaving'],
  leaving: ['left', 'active'],
  left: [],
};

export const canMoveApplication = (from: ApplicationStatus, to: ApplicationStatus) => APPLICATION_NEXT[from].includes(to);
export const nextApplicationStatuses = (from: ApplicationStatus) => APPLICATION_NEXT[from];

export type Onboarding = { agreementSignedOn: string | null; firstTrainingOn: string | null };

export type CoachTransitionProblem = 'notAllowed' | 'onboardingIncomplete' | 'openCommunities';

/**
 * May a coach move from `from` to `to`? Becoming active needs a signed agreement and a first
 * training; leaving for good needs every community handed over first.
 */
export function checkCoachTransition(
  from: CoachStatus,
  to: CoachStatus,
  context: { onboarding: Onboarding; communitiesLed: number },
): CoachTransitionProblem | null {
  if (!COACH_NEXT[from].includes(to)) return 'notAllowed';
  if (to === 'active' && from === 'onboarding' && (!context.onboarding.agreementSignedOn || !context.onboarding.firstTrainingOn)) {
    return 'onboardingIncomplete';
  }
  if (to === 'left' && context.communitiesLed > 0) return 'openCommunities';
  return null;
}

export const nextCoachStatuses = (from: CoachStatus) => COACH_NEXT[from];

/** Coaches who can take a community: onboarding coaches not yet, leaving and left ones no longer. */
export const canLeadCommunity = (status: CoachStatus) => status === 'active' || status === 'paused';
