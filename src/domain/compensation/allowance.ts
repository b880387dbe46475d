/**
 * The volunteer allowance of one coach for one month, exactly as
 * `../shared/benchmarks/allowance/FORMAT.md` defines it: integer cents, the age band on each day
 * (the 21st birthday itself counts as 21), the rate in force on that date, each line rounded once
 * half up, and three warnings against the fiscal limits of the calendar year. No floating point:
 * amounts are computed in BigInt and must fit a safe integer.
 */
import { z } from 'zod';

export const WORK_KINDS = ['session', 'training', 'intervision', 'oneOnOne', 'preparation', 'other'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export type Band = 'under21' | 'from21';

export const ALLOWANCE_WARNINGS = ['rate_above_fiscal_hourly_max', 'month_cap_exceeded', 'year_cap_exceeded'] as const;
export type AllowanceWarning = (typeof ALLOWANCE_WARNINGS)[number];

/** A rate period: valid from `from` until the next period's `from`. */
export type RatePeriod = { from: string; under21Cents: number; from21Cents: number };
/** The Belastingdienst's limits of the volunteer allowance for one calendar year. */
export type FiscalLimits = { year: number; maxPerHourUnder21Cents: number; maxPerHourFrom21Cents: number; maxPerMonthCents: number; maxPerYearCents: number };
export type WorkEntry = { date: string; minutes: number; kind: WorkKind };

export type AllowanceInput = {
  month: string;
  birthDate: string;
  rates: RatePeriod[];
  limits: FiscalLimits[];
  paidEarlierThisYearCents: number;
  work: WorkEntry[];
};

export type AllowanceLine = { date: string; kind: WorkKind; minutes: number; band: Band; rateCents: number; amountCents: number };
export type AllowanceResult = { month: string; lines: AllowanceLine[]; totalCents: number; yearToDateCents: number; warnings: AllowanceWarning[] };

/** A calculation that cannot be made; `message` names the problem in one line. */
export class AllowanceError extends Error {
  constructor(
    readonly code: 'malformed' | 'no_rate_in_force' | 'amount_too_large',
    message: string,
  ) {
    super(message);
    this.name = 'AllowanceError';
  }
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** True for a month written YYYY-MM. */
export function isIsoMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const IsoDate = z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD');
const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The input schema; `parseAllowanceInput` turns its first issue into one readable line. */
export const AllowanceInputSchema = z.object({
  month: z.string().refine(isIsoMonth, 'expected a month YYYY-MM'),
  birthDate: IsoDate,
  rates: z.array(z.object({ from: IsoDate, under21Cents: Cents, from21Cents: Cents })),
  limits: z.array(
    z.object({ year: z.number().int(), maxPerHourUnder21Cents: Cents, maxPerHourFrom21Cents: Cents, maxPerMonthCents: Cents, maxPerYearCents: Cents }),
  ),
  paidEarlierThisYearCents: Cents,
  work: z.array(
    z.object({
      date: IsoDate,
      minutes: z.number().int('minutes must be a whole number').min(0, 'minutes must not be negative').max(Number.MAX_SAFE_INTEGER),
      kind: z.enum(WORK_KINDS, { error: (issue) => `unknown kind ${JSON.stringify(issue.input)}` }),
    }),
  ),
});

/** Validates untrusted input (a parsed JSON value); throws an AllowanceError naming the first problem. */
export function parseAllowanceInput(raw: unknown): AllowanceInput {
  const parsed = AllowanceInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'input';
  throw new AllowanceError('malformed', `${where}: ${issue?.message ?? 'invalid'}`);
}

/** `from21` when the person is 21 or older on `date` (the birthday itself counts). */
export function bandOn(birthDate: string, date: string): Band {
  const age = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const hadBirthday = date.slice(5) >= birthDate.slice(5);
  return age > 21 || (age === 21 && hadBirthday) ? 'from21' : 'under21';
}

/** The rate period in force on `date` (the latest `from` on or before it), or null. */
export function rateOn(rates: readonly RatePeriod[], date: string): RatePeriod | null {
  let best: RatePeriod | null = null;
  for (const rate of rates) if (rate.from <= date && (best === null || rate.from >= best.from)) best = rate;
  return best;
}

/** floor((minutes × rate + 30) / 60): one line's amount, rounded once, half up. */
export function lineAmountCents(minutes: number, rateCents: number): number {
  const amount = (BigInt(minutes) * BigInt(rateCents) + 30n) / 60n;
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) throw new AllowanceError('amount_too_large', 'an amount is too large to compute');
  return Number(amount);
}

function safeSum(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new AllowanceError('amount_too_large', 'the total is too large to compute');
  return sum;
}

/** The month's allowance: lines in input order, totals and the fiscal warnings (FORMAT.md). */
export function calculateAllowance(input: AllowanceInput): AllowanceResult {
  const lines: AllowanceLine[] = [];
  for (const entry of input.work) {
    if (entry.date.slice(0, 7) !== input.month) continue;
    const rate = rateOn(input.rates, entry.date);
    if (!rate) throw new AllowanceError('no_rate_in_force', `no rate in force on ${entry.date}`);
    const band = bandOn(input.birthDate, entry.date);
    const rateCents = band === 'from21' ? rate.from21Cents : rate.under21Cents;
    lines.push({ date: entry.date, kind: entry.kind, minutes: entry.minutes, band, rateCents, amountCents: lineAmountCents(entry.minutes, rateCents) });
  }
  const totalCents = lines.reduce((sum, line) => safeSum(sum, line.amountCents), 0);
  const yearToDateCents = safeSum(input.paidEarlierThisYearCents, totalCents);
  const limits = input.limits.find((l) => l.year === Number(input.month.slice(0, 4)));
  const warnings: AllowanceWarning[] = [];
  if (limits) {
    const maxFor = (band: Band) => (band === 'from21' ? limits.maxPerHourFrom21Cents : limits.maxPerHourUnder21Cents);
    if (lines.some((line) => line.rateCents > maxFor(line.band))) warnings.push('rate_above_fiscal_hourly_max');
    if (totalCents > limits.maxPerMonthCents) warnings.push('month_cap_exceeded');
    if (yearToDateCents > limits.maxPerYearCents) warnings.push('year_cap_exceeded');
  }
  return { month: input.month, lines, totalCents, yearToDateCents, warnings };
}
