/**
 * A coach's monthly statement (#17 item 4), computed from work lines: under the allowance scheme
 * with the FORMAT.md calculation (bands, rates, amounts, warnings); under the salary and credits
 * schemes as hours only. Also what a statement's payment looks like to the coach.
 */
import { calculateAllowance, type AllowanceWarning, type Band, type FiscalLimits, type RatePeriod } from './allowance';
import type { Scheme } from './scheme';
import type { WorkLine } from './work';

export type StatementLine = WorkLine & { band: Band | null; rateCents: number | null; amountCents: number | null };
export type StatementWarning = AllowanceWarning | 'missing_birth_date' | 'no_rate_in_force';
export type ComputedStatement = { lines: StatementLine[]; totalMinutes: number; totalCents: number; yearToDateCents: number; warnings: StatementWarning[] };

export type StatementInput = {
  month: string;
  scheme: Scheme;
  birthDate: string | null;
  rates: readonly RatePeriod[];
  limits: readonly FiscalLimits[];
  paidEarlierThisYearCents: number;
  work: readonly WorkLine[];
};

/**
 * The statement of one month. Work outside the month is left out (as the calculation does). An
 * allowance statement without the coach's birth date has hours but no amounts yet, and says so.
 * Throws AllowanceError when a work date has no rate in force.
 */
export function computeStatement(input: StatementInput): ComputedStatement {
  const work = input.work.filter((w) => w.date.slice(0, 7) === input.month);
  const totalMinutes = work.reduce((sum, w) => sum + w.minutes, 0);
  const hoursOnly = (warnings: StatementWarning[]): ComputedStatement => ({
    lines: work.map((w) => ({ ...w, band: null, rateCents: null, amountCents: null })),
    totalMinutes,
    totalCents: 0,
    yearToDateCents: input.scheme === 'allowance' ? input.paidEarlierThisYearCents : 0,
    warnings,
  });
  if (input.scheme !== 'allowance') return hoursOnly([]);
  if (!input.birthDate) return hoursOnly(['missing_birth_date']);
  const result = calculateAllowance({
    month: input.month,
    birthDate: input.birthDate,
    rates: [...input.rates],
    limits: [...input.limits],
    paidEarlierThisYearCents: input.paidEarlierThisYearCents,
    work: work.map((w) => ({ date: w.date, minutes: w.minutes, kind: w.kind })),
  });
  return {
    lines: work.map((w, i) => {
      const line = result.lines[i]!;
      return { ...w, band: line.band, rateCents: line.rateCents, amountCents: line.amountCents };
    }),
    totalMinutes,
    totalCents: result.totalCents,
    yearToDateCents: result.yearToDateCents,
    warnings: result.warnings,
  };
}

export const STATEMENT_STATUSES = ['open', 'confirmed', 'disputed', 'approved'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export const PAY_STATUSES = ['notApproved', 'notPaidOut', 'scheduled', 'overdue', 'paidOnTime', 'paidLate'] as const;
/**
 * What the coach sees about the money: not approved yet; approved under a scheme that pays no
 * money (notPaidOut); approved and on its way before the promised date (scheduled); overdue; or
 * paid — on time or late.
 */
export type PayStatus = (typeof PAY_STATUSES)[number];

export function payStatus(s: { status: StatementStatus; scheme: Scheme; promisedPayDate: string | null; paidOn: string | null }, today: string): PayStatus {
  if (s.status !== 'approved') return 'notApproved';
  if (s.scheme !== 'allowance') return 'notPaidOut';
  if (s.paidOn) return s.promisedPayDate && s.paidOn > s.promisedPayDate ? 'paidLate' : 'paidOnTime';
  return s.promisedPayDate && today > s.promisedPayDate ? 'overdue' : 'scheduled';
}
