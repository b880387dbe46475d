import { describe, expect, it } from 'vitest';
import { erasureDueOn } from './erasure';

describe('erasureDueOn: one month after the Dutch day the person asked (issue 21 item 8: "today" is Amsterdam\'s)', () => {
  it('counts a request at 23:30 UTC on a winter evening from the next (Dutch) day', () => {
    // 14 December 23:30 UTC is 15 December 00:30 in Amsterdam.
    expect(erasureDueOn(new Date('2026-12-14T23:30:00Z'))).toBe('2027-01-15');
    // 30 November 23:30 UTC is 1 December in Amsterdam: due on 1 January, not 30 December.
    expect(erasureDueOn(new Date('2026-11-30T23:30:00Z'))).toBe('2027-01-01');
  });

  it('keeps the same day next month, or its last day', () => {
    expect(erasureDueOn(new Date('2026-12-14T12:00:00Z'))).toBe('2027-01-14');
    expect(erasureDueOn(new Date('2027-01-31T10:00:00Z'))).toBe('2027-02-28');
    // Summer: 22:30 UTC is already the next day in Amsterdam (UTC+2).
    expect(erasureDueOn(new Date('2027-05-30T22:30:00Z'))).toBe('2027-06-30');
  });
});
