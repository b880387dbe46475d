import { describe, expect, it } from 'vitest';
import { attendanceSharedWithLeercoach, groupingPool, modeChangeConsequences, modeChangeNeedsConfirmation, signUpDaysLeft, signUpOpen, signUpRate, usesSignUp } from './modes';

describe('participation modes', () => {
  it('shares attendance with the leercoach only when participation is compulsory', () => {
    expect(attendanceSharedWithLeercoach('compulsory')).toBe(true);
    for (const mode of ['voluntary', 'optIn', 'optInAfterFirstPhase'] as const) expect(attendanceSharedWithLeercoach(mode)).toBe(false);
  });

  it('groups only signed-up students in opt-in mode, everyone otherwise', () => {
    const students = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(groupingPool('optIn', students, new Set(['b'])).map((s) => s.id)).toEqual(['b']);
    expect(groupingPool('compulsory', students, new Set(['b'])).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(usesSignUp('optInAfterFirstPhase')).toBe(false);
  });

  it('keeps signing up open until the communities are formed', () => {
    expect(signUpOpen('optIn', false)).toBe(true);
    expect(signUpOpen('optIn', true)).toBe(false);
    expect(signUpOpen('voluntary', false)).toBe(false);
  });

  it('closes signing up at the end of the closing day or when communities are formed, whichever comes first', () => {
    expect(signUpOpen('optIn', false, '2026-12-18', '2026-12-17')).toBe(true);
    expect(signUpOpen('optIn', false, '2026-12-18', '2026-12-18')).toBe(true);
    expect(signUpOpen('optIn', false, '2026-12-18', '2026-12-19')).toBe(false);
    expect(signUpOpen('optIn', true, '2026-12-18', '2026-12-01')).toBe(false);
    expect(signUpOpen('optIn', false, null, '2027-06-01')).toBe(true);
    expect(signUpOpen('compulsory', false, '2026-12-18', '2026-12-01')).toBe(false);
  });

  it('counts the days left to the closing day, across month and year ends', () => {
    expect(signUpDaysLeft('2026-12-18', '2026-12-04')).toBe(14);
    expect(signUpDaysLeft('2026-12-18', '2026-12-18')).toBe(0);
    expect(signUpDaysLeft('2027-01-02', '2026-12-30')).toBe(3);
    // Across the change to summer time (29 March 2026) a day is still one day.
    expect(signUpDaysLeft('2026-03-30', '2026-03-28')).toBe(2);
    expect(signUpDaysLeft('2026-12-18', '2026-12-19')).toBeNull();
    expect(signUpDaysLeft(null, '2026-12-19')).toBeNull();
  });

  it('says what a mode change does and asks only when it changes the mode of an intake with members', () => {
    const toOptIn = modeChangeConsequences({ from: 'compulsory', to: 'optIn', memberIds: ['a', 'b', 'c'], signedUp: new Set(['a']) });
    expect(toOptIn).toEqual({ from: 'compulsory', to: 'optIn', members: 3, notSignedUp: 2, leercoachSees: 'stops' });
    expect(modeChangeNeedsConfirmation(toOptIn)).toBe(true);
    const toCompulsory = modeChangeConsequences({ from: 'voluntary', to: 'compulsory', memberIds: ['a'], signedUp: new Set() });
    expect(toCompulsory).toMatchObject({ notSignedUp: 0, leercoachSees: 'starts' });
    expect(modeChangeNeedsConfirmation(modeChangeConsequences({ from: 'voluntary', to: 'optIn', memberIds: [], signedUp: new Set() }))).toBe(false);
    expect(modeChangeNeedsConfirmation(modeChangeConsequences({ from: 'voluntary', to: 'voluntary', memberIds: ['a'], signedUp: new Set() }))).toBe(false);
  });

  it('rounds the sign-up rate and has none without students', () => {
    expect(signUpRate(3, 8)).toBe(38);
    expect(signUpRate(0, 0)).toBeNull();
  });
});
