/**
 * An intake's compensation scheme and the settings the hours need (#17 item 1). Stored inside the
 * intake settings, so it is versioned per academic year and every change is in the change log.
 */
import { z } from 'zod';
import { isIsoDate } from './allowance';

export const SCHEMES = ['allowance', 'salary', 'credits'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const RatePeriodSetting = z.strictObject({
  from: z.string().refine(isIsoDate, { message: 'invalid_date', params: { key: 'invalidDate' } }),
  under21Cents: z.number().int().min(0).max(10_000),
  from21Cents: z.number().int().min(0).max(10_000),
});

const minutes = (max: number) => z.number().int().min(0).max(max);

export const CompensationSettings = z
  .strictObject({
    scheme: z.enum(SCHEMES),
    /** Hourly rates with the date each takes effect (allowance scheme). */
    rates: z.array(RatePeriodSetting).min(1).max(40),
    /** Standard length of each kind of work, in minutes: what a held session counts, not its booked time. */
    standardMinutes: z.strictObject({ communitySession: minutes(480), training: minutes(480), intervision: minutes(480), oneOnOne: minutes(240) }),
    /** Preparation counted for every community session and one-on-one the coach led. */
    preparationMinutesPerSession: minutes(240),
    /** The promised pay day: this day of the month after the statement's month (capped at its last day). */
    payDayOfNextMonth: z.number().int().min(1).max(31),
  })
  .superRefine((s, ctx) => {
    const froms = s.rates.map((r) => r.from);
    if (new Set(froms).size !== froms.length) ctx.addIssue({ code: 'custom', path: ['rates'], message: 'duplicate_rate_date', params: { key: 'duplicateRateDate' } });
  });
export type CompensationSettings = z.infer<typeof CompensationSettings>;

/** The report's rates (€2.50 under 21, €5.00 from 21, S4S 2022–23), a two-hour session, 30 minutes of preparation, paid on the 25th. */
export function defaultCompensationSettings(): CompensationSettings {
  return {
    scheme: 'allowance',
    rates: [{ from: '2022-09-01', under21Cents: 250, from21Cents: 500 }],
    standardMinutes: { communitySession: 120, training: 180, intervision: 120, oneOnOne: 45 },
    preparationMinutesPerSession: 30,
    payDayOfNextMonth: 25,
  };
}

/** The promised pay date of a month's statement: `day` of the next month, at most its last day. */
export function promisedPayDate(month: string, day: number): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** The month before `month` (YYYY-MM). */
export function previousMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The academic year (2026-2027) a month (YYYY-MM) lies in: September to August. */
export function academicYearOf(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const start = m >= 9 ? y : y - 1;
  return `${start}-${start + 1}`;
}
