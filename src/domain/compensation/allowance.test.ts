import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AllowanceError, bandOn, calculateAllowance, lineAmountCents, parseAllowanceInput, WORK_KINDS, type AllowanceInput } from './allowance';

const RATES = [
  { from: '2025-09-01', under21Cents: 250, from21Cents: 500 },
  { from: '2026-09-01', under21Cents: 275, from21Cents: 550 },
];
const LIMITS_2026 = { year: 2026, maxPerHourUnder21Cents: 340, maxPerHourFrom21Cents: 580, maxPerMonthCents: 21000, maxPerYearCents: 210000 };

const input = (over: Partial<AllowanceInput> = {}): AllowanceInput => ({
  month: '2026-11',
  birthDate: '2005-11-15',
  rates: RATES,
  limits: [LIMITS_2026],
  paidEarlierThisYearCents: 45000,
  work: [],
  ...over,
});

describe('the allowance calculation (FORMAT.md)', () => {
  it('computes the example of the definition', () => {
    const result = calculateAllowance(
      input({
        work: [
          { date: '2026-11-03', minutes: 120, kind: 'session' },
          { date: '2026-11-15', minutes: 90, kind: 'training' },
        ],
      }),
    );
    expect(result).toEqual({
      month: '2026-11',
      lines: [
        { date: '2026-11-03', kind: 'session', minutes: 120, band: 'under21', rateCents: 275, amountCents: 550 },
        { date: '2026-11-15', kind: 'training', minutes: 90, band: 'from21', rateCents: 550, amountCents: 825 },
      ],
      totalCents: 1375,
      yearToDateCents: 46375,
      warnings: [],
    });
  });

  it.each([
    // turning 21 on the 1st: the whole month is from21
    ['2005-11-01', '2026-11-01', 'from21'],
    ['2005-11-01', '2026-10-31', 'under21'],
    // turning 21 on the last day of the month: only that day is from21
    ['2005-11-30', '2026-11-29', 'under21'],
    ['2005-11-30', '2026-11-30', 'from21'],
    // mid-month: the birthday itself counts as 21
    ['2005-11-15', '2026-11-14', 'under21'],
    ['2005-11-15', '2026-11-15', 'from21'],
    // older and younger by years
    ['1990-12-31', '2026-01-01', 'from21'],
    ['2010-01-01', '2026-12-31', 'under21'],
    // born in December, turning 21 in the next calendar year
    ['2005-12-31', '2026-12-30', 'under21'],
  ])('born %s, on %s the band is %s', (birthDate, date, band) => {
    expect(bandOn(birthDate, date)).toBe(band);
  });

  it('splits a month at the 21st birthday mid-month', () => {
    const result = calculateAllowance(
      input({
        birthDate: '2005-11-15',
        work: [
          { date: '2026-11-14', minutes: 60, kind: 'session' },
          { date: '2026-11-15', minutes: 60, kind: 'session' },
        ],
      }),
    );
    expect(result.lines.map((l) => [l.band, l.rateCents, l.amountCents])).toEqual([
      ['under21', 275, 275],
      ['from21', 550, 550],
    ]);
  });

  it('uses the rate in force on each date when the rate changes mid-month, whatever the order of the rates', () => {
    const rates = [
      { from: '2026-11-16', under21Cents: 300, from21Cents: 600 },
      { from: '2026-01-01', under21Cents: 250, from21Cents: 500 },
    ];
    const result = calculateAllowance(
      input({
        birthDate: '2000-01-01',
        rates,
        work: [
          { date: '2026-11-15', minutes: 60, kind: 'session' },
          { date: '2026-11-16', minutes: 60, kind: 'session' },
        ],
      }),
    );
    expect(result.lines.map((l) => l.rateCents)).toEqual([500, 600]);
    expect(result.totalCents).toBe(1100);
  });

  it.each([
    // 1 minute at 250: 250/60 = 4.1666… → 4
    [1, 250, 4],
    // 3 minutes at 250: 750/60 = 12.5 → 13 (half up)
    [3, 250, 13],
    // 6 minutes at 5: 30/60 = 0.5 → 1
    [6, 5, 1],
    // 5 minutes at 5: 25/60 → 0
    [5, 5, 0],
    // 45 minutes at 275: 206.25 → 206
    [45, 275, 206],
    // 50 minutes at 275: 229.1666… → 229
    [50, 275, 229],
    [0, 500, 0],
  ])('%i minutes at %i cents an hour is %i cents (half up, once per line)', (minutes, rate, amount) => {
    expect(lineAmountCents(minutes, rate)).toBe(amount);
  });

  it('rounds each line on its own, not the total', () => {
    const result = calculateAllowance(
      input({
        birthDate: '2000-01-01',
        rates: [{ from: '2026-01-01', under21Cents: 250, from21Cents: 250 }],
        work: [
          { date: '2026-11-02', minutes: 3, kind: 'other' },
          { date: '2026-11-03', minutes: 3, kind: 'other' },
        ],
      }),
    );
    // each 12.5 → 13; the unrounded sum 25 would be 25 too, but 1 + 1 minute shows it: see below
    expect(result.totalCents).toBe(26);
    const ones = calculateAllowance(
      input({
        birthDate: '2000-01-01',
        rates: [{ from: '2026-01-01', under21Cents: 250, from21Cents: 250 }],
        work: [
          { date: '2026-11-02', minutes: 1, kind: 'other' },
          { date: '2026-11-03', minutes: 1, kind: 'other' },
        ],
      }),
    );
    expect(ones.totalCents).toBe(8);
  });

  it('warns when a rate is above the fiscal hourly maximum of its band', () => {
    const result = calculateAllowance(
      input({
        birthDate: '2000-01-01',
        rates: [{ from: '2026-01-01', under21Cents: 250, from21Cents: 581 }],
        work: [{ date: '2026-11-02', minutes: 60, kind: 'session' }],
      }),
    );
    expect(result.warnings).toEqual(['rate_above_fiscal_hourly_max']);
    const atMax = calculateAllowance(
      input({ birthDate: '2000-01-01', rates: [{ from: '2026-01-01', under21Cents: 250, from21Cents: 580 }], work: [{ date: '2026-11-02', minutes: 60, kind: 'session' }] }),
    );
    expect(atMax.warnings).toEqual([]);
    // the under-21 band has its own maximum
    const young = calculateAllowance(
      input({ birthDate: '2010-01-01', rates: [{ from: '2026-01-01', under21Cents: 341, from21Cents: 500 }], work: [{ date: '2026-11-02', minutes: 60, kind: 'session' }] }),
    );
    expect(young.warnings).toEqual(['rate_above_fiscal_hourly_max']);
  });

  it('warns when the month total is above the monthly cap, not when it equals it', () => {
    const rates = [{ from: '2026-01-01', under21Cents: 500, from21Cents: 500 }];
    const at = calculateAllowance(input({ birthDate: '2000-01-01', rates, paidEarlierThisYearCents: 0, work: [{ date: '2026-11-02', minutes: 42 * 60, kind: 'session' }] }));
    expect(at.totalCents).toBe(21000);
    expect(at.warnings).toEqual([]);
    const above = calculateAllowance(input({ birthDate: '2000-01-01', rates, paidEarlierThisYearCents: 0, work: [{ date: '2026-11-02', minutes: 42 * 60 + 1, kind: 'session' }] }));
    expect(above.warnings).toEqual(['month_cap_exceeded']);
  });

  it('warns when the year to date is above the yearly cap; all three warnings come in the defined order', () => {
    const rates = [{ from: '2026-01-01', under21Cents: 600, from21Cents: 600 }];
    const year = calculateAllowance(input({ rates: [{ from: '2026-01-01', under21Cents: 100, from21Cents: 100 }], paidEarlierThisYearCents: 209999, work: [{ date: '2026-11-02', minutes: 60, kind: 'session' }] }));
    expect(year.warnings).toEqual(['year_cap_exceeded']);
    const all = calculateAllowance(input({ rates, paidEarlierThisYearCents: 200000, work: [{ date: '2026-11-02', minutes: 3000, kind: 'session' }, { date: '2026-11-03', minutes: 60, kind: 'other' }] }));
    expect(all.warnings).toEqual(['rate_above_fiscal_hourly_max', 'month_cap_exceeded', 'year_cap_exceeded']);
  });

  it('checks nothing in a year without published limits', () => {
    const result = calculateAllowance(
      input({ limits: [{ ...LIMITS_2026, year: 2025 }], rates: [{ from: '2026-01-01', under21Cents: 9999, from21Cents: 9999 }], paidEarlierThisYearCents: 10 ** 9, work: [{ date: '2026-11-02', minutes: 6000, kind: 'session' }] }),
    );
    expect(result.warnings).toEqual([]);
  });

  it('ignores work outside the month, keeps the input order, and counts every kind', () => {
    const result = calculateAllowance(
      input({
        birthDate: '2000-01-01',
        work: [
          { date: '2026-11-30', minutes: 60, kind: 'oneOnOne' },
          { date: '2026-10-31', minutes: 60, kind: 'session' },
          { date: '2026-12-01', minutes: 60, kind: 'session' },
          { date: '2026-11-01', minutes: 30, kind: 'preparation' },
        ],
      }),
    );
    expect(result.lines.map((l) => l.date)).toEqual(['2026-11-30', '2026-11-01']);
    expect(result.totalCents).toBe(550 + 275);
  });

  it('refuses a work date before the first rate, but not one outside the month', () => {
    expect(() => calculateAllowance(input({ work: [{ date: '2026-11-02', minutes: 60, kind: 'session' }], rates: [{ from: '2026-11-03', under21Cents: 1, from21Cents: 1 }] }))).toThrow(
      new AllowanceError('no_rate_in_force', 'no rate in force on 2026-11-02'),
    );
    expect(calculateAllowance(input({ work: [{ date: '2020-01-01', minutes: 60, kind: 'session' }] })).lines).toEqual([]);
  });

  it.each([
    ['an unknown kind', { work: [{ date: '2026-11-02', minutes: 60, kind: 'party' }] }, /unknown kind "party"/],
    ['negative minutes', { work: [{ date: '2026-11-02', minutes: -1, kind: 'session' }] }, /minutes must not be negative/],
    ['fractional minutes', { work: [{ date: '2026-11-02', minutes: 1.5, kind: 'session' }] }, /minutes must be a whole number/],
    ['an invalid date', { work: [{ date: '2026-02-30', minutes: 60, kind: 'session' }] }, /work\.0\.date/],
    ['an invalid month', { month: '2026-13' }, /month/],
    ['an invalid birth date', { birthDate: '15-11-2005' }, /birthDate/],
    ['fractional cents', { rates: [{ from: '2026-01-01', under21Cents: 2.5, from21Cents: 5 }] }, /rates\.0\.under21Cents/],
    ['missing work', { work: undefined }, /work/],
  ])('refuses %s', (_name, over, message) => {
    const raw: Record<string, unknown> = { ...input(), ...over };
    expect(() => parseAllowanceInput(raw)).toThrow(message);
  });

  const workArb = fc.array(
    fc.record({
      date: fc.integer({ min: 1, max: 30 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`),
      minutes: fc.integer({ min: 0, max: 6000 }),
      kind: fc.constantFrom(...WORK_KINDS),
    }),
    { maxLength: 40 },
  );

  it('property: the total is the sum of the lines, every amount an integer within half a cent of the exact value', () => {
    fc.assert(
      fc.property(workArb, fc.integer({ min: 0, max: 100000 }), (work, paid) => {
        const result = calculateAllowance(input({ work, paidEarlierThisYearCents: paid }));
        expect(result.totalCents).toBe(result.lines.reduce((s, l) => s + l.amountCents, 0));
        expect(result.yearToDateCents).toBe(paid + result.totalCents);
        for (const line of result.lines) {
          expect(Number.isInteger(line.amountCents)).toBe(true);
          const exactTimes60 = line.minutes * line.rateCents;
          expect(Math.abs(line.amountCents * 60 - exactTimes60)).toBeLessThanOrEqual(30);
        }
      }),
    );
  });

  it('property: splitting a month in two keeps each line, and the order of the rates does not matter', () => {
    fc.assert(
      fc.property(workArb, (work) => {
        const whole = calculateAllowance(input({ work }));
        const reversed = calculateAllowance(input({ work, rates: [...RATES].reverse() }));
        expect(reversed).toEqual(whole);
        const first = calculateAllowance(input({ work: work.slice(0, 10) }));
        const rest = calculateAllowance(input({ work: work.slice(10) }));
        expect([...first.lines, ...rest.lines]).toEqual(whole.lines);
      }),
    );
  });
});
