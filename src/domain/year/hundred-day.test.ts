import { describe, expect, it } from 'vitest';
import { defaultIntakeSettings } from '../programme/intake-settings';
import { answerInTime, hundredDayMoment, hundredDayMomentOf, tallyChoices } from './hundred-day';

describe('the 100-day moment', () => {
  it('asks at 09:00 Dutch time on the day the first reflective phase ends, with two weeks to answer', () => {
    const moment = hundredDayMoment(defaultIntakeSettings('september'), '2026-2027', 'september');
    // 1 September + 100 days = 10 December (CET, UTC+1).
    expect(moment?.askAt.toISOString()).toBe('2026-12-10T08:00:00.000Z');
    expect(moment?.deadline.toISOString()).toBe('2026-12-24T22:59:00.000Z');
    expect(moment?.phaseName).toBe('Eerste 100 dagen');
  });

  it('takes the first phase marked for reflection, and none when no phase is', () => {
    const s = defaultIntakeSettings('february');
    const later = { ...s, phases: [{ name: 'Start', days: 30, reflectionAtEnd: false }, { name: 'Daarna', days: 60, reflectionAtEnd: true }] };
    // 1 February 2027 + 90 days = 2 May (CEST, UTC+2).
    expect(hundredDayMoment(later, '2026-2027', 'february')?.askAt.toISOString()).toBe('2027-05-02T07:00:00.000Z');
    expect(hundredDayMoment({ ...s, phases: s.phases.map((p) => ({ ...p, reflectionAtEnd: false })) }, '2026-2027', 'february')).toBeNull();
    // Stored settings of an older shape read with the defaults.
    expect(hundredDayMomentOf({ settings: {}, academicYear: '2026-2027', month: 'september' })?.phaseName).toBe('Eerste 100 dagen');
  });

  it('counts each choice, unanswered apart, and refuses only after the deadline', () => {
    expect(tallyChoices([{ choice: 'continue' }, { choice: 'stop' }, { choice: null }, { choice: 'continue' }])).toEqual({ asked: 4, unanswered: 1, continue: 2, oneOnOnesOnly: 0, lessOften: 0, stop: 1 });
    const deadline = new Date('2026-12-24T22:59:00Z');
    expect(answerInTime(deadline, deadline)).toBe(true);
    expect(answerInTime(deadline, new Date(deadline.getTime() + 1))).toBe(false);
  });
});
