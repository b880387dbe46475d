import { describe, expect, it } from 'vitest';
import { periodInstants } from '../../../domain/insight/periods';
import { periodDays } from './evaluation-source';

describe('periodDays: the dashboard period as Dutch calendar days (issue 21 item 8)', () => {
  it('gives back the days the period was chosen as, though its instants lie on the UTC day before', () => {
    // Amsterdam midnight of 1 December is 30 November 23:00 UTC.
    const { from, to } = periodInstants('2026-12-01', '2026-12-31');
    expect(from.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(periodDays({ from, to })).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('reads an instant at 23:30 UTC on a winter day as the next day', () => {
    expect(periodDays({ from: new Date('2026-12-14T23:30:00Z') })).toEqual({ from: '2026-12-15' });
    expect(periodDays({})).toEqual({});
  });
});
