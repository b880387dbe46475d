import { describe, expect, it } from 'vitest';
import { digestWeekOf, mondayOf, nextDigestWeek } from './digest-week';

describe('the weekly digest’s week', () => {
  it('is due on Monday 07:00 in Amsterdam, winter and summer, and reports on the week before', () => {
    const winter = digestWeekOf('2026-12-07');
    expect(winter.dueAt.toISOString()).toBe('2026-12-07T06:00:00.000Z');
    expect(winter.from.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(winter.to.toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(digestWeekOf('2026-06-08').dueAt.toISOString()).toBe('2026-06-08T05:00:00.000Z');
  });

  it('finds the Monday of the Amsterdam day, not the UTC day', () => {
    expect(mondayOf(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07'); // Monday 00:30 in Amsterdam, still Sunday in UTC
    expect(mondayOf(new Date('2026-12-06T22:30:00Z'))).toBe('2026-11-30');
    expect(mondayOf(new Date('2026-12-13T12:00:00Z'))).toBe('2026-12-07'); // Sunday
  });

  it('the next digest is this Monday’s until 07:00, then next Monday’s', () => {
    expect(nextDigestWeek(new Date('2026-12-07T05:59:00Z')).week).toBe('2026-12-07');
    expect(nextDigestWeek(new Date('2026-12-07T06:00:00Z')).week).toBe('2026-12-14');
    expect(nextDigestWeek(new Date('2026-12-10T12:00:00Z')).week).toBe('2026-12-14');
  });
});
