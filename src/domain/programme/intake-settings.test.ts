import { describe, expect, it } from 'vitest';
import { AcademicYear, carryOverSettings, changedSettings, defaultIntakeSettings, evaluationDatesOutside, EvaluationMomentSetting, evaluationWindow, IntakeSettings, previousAcademicYear, readIntakeSettings, reflectionDays, signUpCloseOutside } from './intake-settings';

describe('intake settings', () => {
  it('defaults to communities of 7–8, twice a month, a reflection after 100 days', () => {
    const s = defaultIntakeSettings('september');
    expect(IntakeSettings.parse(s)).toEqual(s);
    expect(s.communitySize).toEqual({ min: 7, max: 8 });
    expect(s.sessionsPerMonth).toBe(2);
    expect(reflectionDays(s)[0]).toBe(100);
  });

  it.each([
    ['min above max', { communitySize: { min: 9, max: 8 } }, 'communitySize.min'],
    ['opt-in without a reflection after the first phase', { participation: 'optInAfterFirstPhase', phases: [{ name: 'Jaar', days: 300, reflectionAtEnd: false }] }, 'phases'],
    ['no phases', { phases: [] }, 'phases'],
    ['zero sessions', { sessionsPerMonth: 0 }, 'sessionsPerMonth'],
    ['an unknown field', { colour: 'red' }, ''],
  ])('rejects %s', (_label, change, path) => {
    const result = IntakeSettings.safeParse({ ...defaultIntakeSettings('september'), ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('reads the empty settings of older intakes as the defaults, and keeps what it can', () => {
    expect(readIntakeSettings({}, 'february')).toEqual({ settings: defaultIntakeSettings('february'), upgraded: true });
    const partial = readIntakeSettings({ sessionsPerMonth: 1 }, 'september');
    expect(partial.settings.sessionsPerMonth).toBe(1);
    expect(partial.upgraded).toBe(true);
    expect(readIntakeSettings(defaultIntakeSettings('september'), 'september').upgraded).toBe(false);
    expect(readIntakeSettings('garbage', 'september').settings).toEqual(defaultIntakeSettings('september'));
  });

  it('knows academic years', () => {
    expect(AcademicYear.safeParse('2026-2027').success).toBe(true);
    expect(AcademicYear.safeParse('2026-2028').success).toBe(false);
    expect(previousAcademicYear('2026-2027')).toBe('2025-2026');
  });
});

describe('changedSettings', () => {
  it('names the settings that differ, in a fixed order', () => {
    const before = defaultIntakeSettings('september');
    expect(changedSettings(before, before)).toEqual([]);
    expect(changedSettings(null, before)).toEqual([]);
    const after = { ...before, sessionsPerMonth: 3, communitySize: { min: 6, max: 8 }, phases: [{ ...before.phases[0]!, days: 90 }, before.phases[1]!] };
    expect(changedSettings(before, after)).toEqual(['phases', 'sessionsPerMonth', 'communitySize']);
  });
});

describe('questionnaire moments in the intake year', () => {
  it('a September intake runs September–August, a February intake a year from February', () => {
    expect(evaluationWindow('2026-2027', 'september')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(evaluationWindow('2026-2027', 'february')).toEqual({ from: '2026-09-01', to: '2028-01-31' });
  });
  it('names each date outside the window, and older settings ask both coachees and coaches', () => {
    const window = evaluationWindow('2026-2027', 'september');
    const moments = [EvaluationMomentSetting.parse({ moment: 'T0', opensOn: '2026-08-31', closesOn: '2026-09-20', mode: 'anonymous' }), EvaluationMomentSetting.parse({ moment: 'T2', opensOn: '2027-06-01', closesOn: '2027-06-20', mode: 'anonymous' })];
    expect(evaluationDatesOutside(moments, window)).toEqual(['evaluations.0.opensOn']);
    expect(moments[0]!.audience).toEqual(['coachees', 'coaches']);
  });
  it('refuses a moment without anyone to ask', () => {
    const settings = { ...defaultIntakeSettings('september'), evaluations: [{ moment: 'T1', opensOn: '2026-12-01', closesOn: '2026-12-15', mode: 'anonymous', audience: [] }] };
    expect(IntakeSettings.safeParse(settings).error?.issues.map((i) => i.message)).toEqual(['evaluation_no_audience']);
  });
});

describe('carryOverSettings', () => {
  const last = { ...defaultIntakeSettings('september'), evaluations: [{ moment: 'T0' as const, opensOn: '2026-09-08', closesOn: '2026-09-22', mode: 'confidential' as const, audience: ['coachees' as const] }, { moment: 'T2' as const, opensOn: '2027-02-28', closesOn: '2027-06-30', mode: 'anonymous' as const, audience: ['coachees' as const] }] };

  it("moves last year's questionnaire moments to the same days of the new intake's year, inside its window", () => {
    const next = carryOverSettings(last, '2026-2027', '2027-2028');
    expect(next.evaluations.map((e) => [e.opensOn, e.closesOn])).toEqual([
      ['2027-09-08', '2027-09-22'],
      ['2028-02-28', '2028-06-30'],
    ]);
    expect(evaluationDatesOutside(next.evaluations, evaluationWindow('2027-2028', 'september'))).toEqual([]);
    expect({ ...next, evaluations: [] }).toEqual({ ...last, evaluations: [] });
  });

  it('turns 29 February into 28 February in a year without it, and changes nothing within the same year', () => {
    const leap = { ...last, evaluations: [{ ...last.evaluations[0]!, opensOn: '2028-02-29', closesOn: '2028-03-10' }] };
    expect(carryOverSettings(leap, '2027-2028', '2028-2029').evaluations[0]).toMatchObject({ opensOn: '2029-02-28', closesOn: '2029-03-10' });
    expect(carryOverSettings(last, '2026-2027', '2026-2027')).toBe(last);
  });

  it("moves the sign-up closing date to the new intake's year, and keeps none as none", () => {
    const optIn = { ...last, participation: 'optIn' as const, signUp: { closesOn: '2026-09-25' } };
    const next = carryOverSettings(optIn, '2026-2027', '2027-2028');
    expect(next.signUp).toEqual({ closesOn: '2027-09-25' });
    expect(signUpCloseOutside(next.signUp, evaluationWindow('2027-2028', 'september'))).toEqual([]);
    expect(carryOverSettings(last, '2026-2027', '2027-2028').signUp).toEqual({ closesOn: null });
  });
});

describe('the sign-up closing date', () => {
  it('reads older settings without one as none', () => {
    const { signUp, ...older } = defaultIntakeSettings('september');
    expect(signUp).toEqual({ closesOn: null });
    expect(readIntakeSettings(older, 'september')).toEqual({ settings: defaultIntakeSettings('september'), upgraded: false });
  });
  it("must fall within the intake's year", () => {
    const window = evaluationWindow('2026-2027', 'september');
    expect(signUpCloseOutside({ closesOn: '2026-09-20' }, window)).toEqual([]);
    expect(signUpCloseOutside({ closesOn: '2027-09-01' }, window)).toEqual(['signUp.closesOn']);
    expect(signUpCloseOutside({ closesOn: '2026-08-31' }, window)).toEqual(['signUp.closesOn']);
    expect(signUpCloseOutside({ closesOn: null }, window)).toEqual([]);
  });
  it('refuses a day that is no date', () => {
    expect(IntakeSettings.safeParse({ ...defaultIntakeSettings('september'), signUp: { closesOn: '2026-13-01' } }).success).toBe(false);
  });
});
