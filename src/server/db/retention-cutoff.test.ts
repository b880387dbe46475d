import { describe, expect, it } from 'vitest';
import { purgeText, retentionCutoff } from './personal-data-registry';

const at = (iso: string) => new Date(iso);

describe('retentionCutoff', () => {
  it.each([
    [{ days: 90 }, '2026-12-06T10:00:00Z', '2026-09-07T10:00:00.000Z'],
    [{ days: 0 }, '2026-12-06T10:00:00Z', '2026-12-06T10:00:00.000Z'],
    // Months and years count on the Dutch calendar and clock (11:00 in Amsterdam stays 11:00).
    [{ months: 6 }, '2026-12-06T10:00:00Z', '2026-06-06T09:00:00.000Z'],
    [{ months: 6 }, '2026-08-31T10:00:00Z', '2026-02-28T11:00:00.000Z'],
    [{ months: 1 }, '2026-12-06T10:00:42.5Z', '2026-11-06T10:00:42.500Z'],
    [{ years: 2 }, '2028-02-29T10:00:00Z', '2026-02-28T10:00:00.000Z'],
    // The coaching year runs 1 September – 31 August, in Amsterdam (00:00 there is 22:00 UTC in summer).
    [{ coachingYearsAfter: 0 }, '2026-08-31T21:59:59Z', '2025-08-31T22:00:00.000Z'],
    [{ coachingYearsAfter: 0 }, '2026-08-31T22:00:00Z', '2026-08-31T22:00:00.000Z'],
    [{ coachingYearsAfter: 1 }, '2027-09-01T00:00:00Z', '2026-08-31T22:00:00.000Z'],
    [{ coachingYearsAfter: 2 }, '2027-03-15T00:00:00Z', '2024-08-31T22:00:00.000Z'],
  ] as const)('%o at %s is %s', (after, now, cutoff) => {
    expect(retentionCutoff(after, at(now)).toISOString()).toBe(cutoff);
  });

  it('says each kind of rule in words', () => {
    expect(purgeText({ by: 'retention pass', action: 'delete', from: '`created_at`', after: { days: 90 } })).toBe('Daily retention pass: deleted 90 days after `created_at`.');
    expect(purgeText({ by: 'retention pass', action: 'anonymise', from: '`x`', after: { coachingYearsAfter: 1 }, when: 'when done' })).toBe(
      'Daily retention pass: anonymised 1 year after the end of the coaching year (1 September – 31 August) that holds `x`, when done.',
    );
    expect(purgeText({ by: 'no age rule', reason: 'kept while the account exists.' })).toBe('No age rule: kept while the account exists.');
  });
});
