import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coachingYearOf, compareViews, planReminderDueAt, ROADMAP_STATUSES, suppressed } from './roadmap';

describe('roadmap rules', () => {
  it('says where views differ and how far apart they lie', () => {
    expect(compareViews([])).toEqual({ differ: false, spread: 0, lowest: null, highest: null });
    expect(compareViews(['started', 'started'])).toMatchObject({ differ: false, spread: 0 });
    expect(compareViews(['notStarted', 'embedded', 'started'])).toEqual({ differ: true, spread: 3, lowest: 'notStarted', highest: 'embedded' });
    fc.assert(fc.property(fc.array(fc.constantFrom(...ROADMAP_STATUSES), { minLength: 1 }), (views) => compareViews(views).differ === new Set(views).size > 1));
  });

  it('names the coaching year by the September it starts in', () => {
    expect(coachingYearOf(new Date('2030-08-31T12:00:00Z'))).toBe(2029);
    expect(coachingYearOf(new Date('2030-09-01T00:00:00Z'))).toBe(2030);
  });

  it('reminds a week before the due date, or now when that has passed', () => {
    const now = new Date('2030-03-10T10:00:00Z');
    expect(planReminderDueAt('2030-04-01', now).toISOString()).toBe('2030-03-25T07:00:00.000Z');
    expect(planReminderDueAt('2030-03-12', now)).toBe(now);
  });

  it('suppresses a figure about fewer than five people', () => {
    expect(suppressed(4, 80)).toBeNull();
    expect(suppressed(5, 80)).toBe(80);
  });
});
