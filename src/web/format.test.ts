import { describe, expect, it } from 'vitest';
import { amsterdamParts, formatDate, formatDateTime, formatTime, todayInAmsterdam } from './format';

describe('dates and times on screen', () => {
  it('shows an instant in Amsterdam time, 24-hour, without seconds, in either language', () => {
    // 14:30:21 UTC in winter is 15:30 in Amsterdam.
    expect(formatDateTime('2026-12-10T14:30:21Z', 'medium', 'nl')).toBe('10 dec 2026, 15:30');
    expect(formatDateTime('2026-12-10T14:30:21Z', 'medium', 'en')).toBe('10 Dec 2026, 15:30');
    expect(formatTime('2026-07-01T22:05:59Z', 'nl')).toBe('00:05');
    expect(formatTime('2026-12-10T14:30:21Z', 'en')).toBe('15:30');
  });

  it('shows a calendar date as that day, whatever the time zone', () => {
    expect(formatDate('2026-10-06', 'long', 'nl')).toBe('6 oktober 2026');
    expect(formatDate('2026-10-06', 'full', 'en')).toBe('Tuesday, 6 October 2026');
    // Late evening UTC on the 31st is already the 1st in Amsterdam.
    expect(formatDate('2026-12-31T23:30:00Z', 'long', 'nl')).toBe('1 januari 2027');
  });

  it('gives form fields the Amsterdam date and time, across the clock change', () => {
    expect(amsterdamParts('2026-03-29T00:30:00Z')).toEqual({ date: '2026-03-29', time: '01:30' });
    expect(amsterdamParts('2026-03-29T01:30:00Z')).toEqual({ date: '2026-03-29', time: '03:30' });
    expect(todayInAmsterdam(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});
