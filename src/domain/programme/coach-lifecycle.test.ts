import { describe, expect, it } from 'vitest';
import { canLeadCommunity, canMoveApplication, checkCoachTransition, type CoachStatus, type Onboarding } from './coach-lifecycle';

const done: Onboarding = { agreementSignedOn: '2026-08-20', firstTrainingOn: '2026-08-28' };
const none: Onboarding = { agreementSignedOn: null, firstTrainingOn: null };

describe('coach lifecycle', () => {
  it.each<[CoachStatus, CoachStatus, Onboarding, number, ReturnType<typeof checkCoachTransition>]>([
    ['onboarding', 'active', done, 0, null],
    ['onboarding', 'active', none, 0, 'onboardingIncomplete'],
    ['onboarding', 'active', { ...done, firstTrainingOn: null }, 0, 'onboardingIncomplete'],
    ['active', 'paused', done, 2, null],
    ['paused', 'active', done, 2, null],
    ['active', 'leaving', done, 2, null],
    ['leaving', 'left', done, 1, 'openCommunities'],
    ['leaving', 'left', done, 0, null],
    ['left', 'active', done, 0, 'notAllowed'],
    ['onboarding', 'paused', done, 0, 'notAllowed'],
  ])('%s → %s', (from, to, onboarding, communitiesLed, expected) => {
    expect(checkCoachTransition(from, to, { onboarding, communitiesLed })).toBe(expected);
  });

  it('moves applications forward only', () => {
    expect(canMoveApplication('submitted', 'conversationPlanned')).toBe(true);
    expect(canMoveApplication('conversationPlanned', 'selected')).toBe(true);
    expect(canMoveApplication('submitted', 'selected')).toBe(false);
    expect(canMoveApplication('rejected', 'selected')).toBe(false);
  });

  it('lets only active or paused coaches lead a community', () => {
    expect(['onboarding', 'active', 'paused', 'leaving', 'left'].filter((s) => canLeadCommunity(s as CoachStatus))).toEqual(['active', 'paused']);
  });
});
