import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentHolds, deriveConsentState, type ConsentEvent } from './consent-state';

const at = (minute: number) => new Date(Date.UTC(2026, 8, 1, 9, minute));
const ev = (kind: ConsentEvent['kind'], minute: number, consentId = 'coaching-data', textVersion = 1): ConsentEvent => ({
  consentId,
  kind,
  textVersion,
  at: at(minute),
});

describe('deriveConsentState', () => {
  it.each([
    ['no events', [], 'unanswered', false],
    ['a grant', [ev('grant', 1)], 'granted', true],
    ['a grant then a withdrawal', [ev('grant', 1), ev('withdraw', 2)], 'withdrawn', false],
    ['withdrawn then granted again', [ev('grant', 1), ev('withdraw', 2), ev('grant', 3)], 'granted', true],
    ['events out of order', [ev('withdraw', 5), ev('grant', 1)], 'withdrawn', false],
    ['only another consent', [ev('grant', 1, 'research-use')], 'unanswered', false],
    ['a withdrawal without a grant', [ev('withdraw', 1)], 'withdrawn', false],
  ] as const)('%s → %s', (_, events, status, holds) => {
    const state = deriveConsentState('coaching-data', 1, events);
    expect(state.status).toBe(status);
    expect(consentHolds(state)).toBe(holds);
  });

  it('marks a grant of an older text as outdated, and still holding', () => {
    const state = deriveConsentState('coaching-data', 2, [ev('grant', 1, 'coaching-data', 1)]);
    expect(state).toMatchObject({ status: 'granted', outdated: true, answeredVersion: 1 });
    expect(consentHolds(state)).toBe(true);
  });

  it('lets the latest event decide, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<ConsentEvent['kind']>('grant', 'withdraw'), { minLength: 1, maxLength: 20 }), (kinds) => {
        const events = kinds.map((kind, i) => ev(kind, i));
        return consentHolds(deriveConsentState('coaching-data', 1, events)) === (kinds[kinds.length - 1] === 'grant');
      }),
    );
  });
});
