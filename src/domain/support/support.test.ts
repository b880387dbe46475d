import { describe, expect, it } from 'vitest';
import { followUpDueAt, isPlausibleReferralDate, REFERRAL_FOLLOW_UP_DAYS } from './referrals';
import { canMoveSignal, mayIdentifyRaiser, SIGNAL_STATUSES } from './signals';

describe('signal status transitions', () => {
  it.each([
    ['open', 'in_progress', true],
    ['open', 'forwarded', true],
    ['open', 'closed', true],
    ['in_progress', 'open', false],
    ['forwarded', 'forwarded', true],
    ['forwarded', 'closed', true],
    ['closed', 'in_progress', true],
    ['closed', 'forwarded', false],
    ['closed', 'open', false],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(canMoveSignal(from, to)).toBe(expected);
  });

  it('never moves a signal back to open', () => {
    for (const from of SIGNAL_STATUSES) expect(canMoveSignal(from, 'open')).toBe(false);
  });
});

describe('anonymised signals', () => {
  it.each([
    ['the raiser of an anonymised signal', 'coach', true, true],
    ['anyone else on an anonymised signal', 'coordinator', true, false],
    ['anyone on a named signal', 'coordinator', false, true],
  ] as const)('%s may identify the raiser: %s', (_, viewer, anonymous, expected) => {
    expect(mayIdentifyRaiser(viewer, { raisedById: 'coach', anonymous })).toBe(expected);
  });
});

describe('referral follow-up', () => {
  it(`is due ${REFERRAL_FOLLOW_UP_DAYS} days later at 09:00 UTC`, () => {
    expect(followUpDueAt(new Date('2026-10-05T15:30:00Z')).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('accepts dates up to a year back and not in the future', () => {
    const now = new Date('2026-10-05T12:00:00Z');
    expect(isPlausibleReferralDate(new Date('2026-10-05T00:00:00Z'), now)).toBe(true);
    expect(isPlausibleReferralDate(new Date('2025-10-10T00:00:00Z'), now)).toBe(true);
    expect(isPlausibleReferralDate(new Date('2026-10-08T00:00:00Z'), now)).toBe(false);
    expect(isPlausibleReferralDate(new Date('2024-10-01T00:00:00Z'), now)).toBe(false);
  });
});
