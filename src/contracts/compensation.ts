/** Requests and responses of coach compensation (#17): statements, extra work, fiscal limits. */
import { z } from 'zod';
import { isIsoDate, isIsoMonth, WORK_KINDS } from '../domain/compensation/allowance';
import { SCHEMES } from '../domain/compensation/scheme';
import { PAY_STATUSES, STATEMENT_STATUSES } from '../domain/compensation/statement';

const IsoDate = z.string().refine(isIsoDate, { message: 'invalid_date', params: { key: 'invalidDate' } });
export const Month = z.string().refine(isIsoMonth, { message: 'invalid_month', params: { key: 'invalidMonth' } });
const Person = z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() });
const Warning = z.enum(['rate_above_fiscal_hourly_max', 'month_cap_exceeded', 'year_cap_exceeded', 'missing_birth_date', 'no_rate_in_force']);
const Text = (max: number) => z.string().trim().min(1).max(max);

export const FiscalLimits = z.object({
  year: z.number().int(),
  maxPerHourUnder21Cents: z.number().int(),
  maxPerHourFrom21Cents: z.number().int(),
  maxPerMonthCents: z.number().int(),
  maxPerYearCents: z.number().int(),
});

export const StatementSummary = z.object({
  id: z.string().uuid(),
  month: z.string(),
  status: z.enum(STATEMENT_STATUSES),
  scheme: z.enum(SCHEMES),
  totalMinutes: z.number().int(),
  totalCents: z.number().int(),
  yearToDateCents: z.number().int(),
  warnings: z.array(Warning),
  promisedPayDate: z.string().nullable(),
  paidOn: z.string().nullable(),
  payStatus: z.enum(PAY_STATUSES),
});
export type StatementSummary = z.infer<typeof StatementSummary>;

export const StatementLine = z.object({
  id: z.string().uuid(),
  date: z.string(),
  kind: z.enum(WORK_KINDS),
  minutes: z.number().int(),
  band: z.enum(['under21', 'from21']).nullable(),
  rateCents: z.number().int().nullable(),
  amountCents: z.number().int().nullable(),
  disputeComment: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type StatementLine = z.infer<typeof StatementLine>;

export const StatementResponse = StatementSummary.extend({
  coach: Person,
  lines: z.array(StatementLine),
  /** What the signed-in person may do with it. */
  canReview: z.boolean(),
  canApprove: z.boolean(),
  canDownloadPdf: z.boolean(),
});
export type StatementResponse = z.infer<typeof StatementResponse>;

export const ForecastResponse = z.object({
  year: z.number().int(),
  limits: FiscalLimits.nullable(),
  months: z.array(
    z.object({ month: z.string(), projectedCents: z.number().int(), yearToDateCents: z.number().int(), monthCapExceeded: z.boolean(), yearCapExceeded: z.boolean() }),
  ),
  firstMonthOver: z.string().nullable(),
});
export type ForecastResponse = z.infer<typeof ForecastResponse>;

export const ExtraWork = z.object({
  id: z.string().uuid(),
  coach: Person,
  date: z.string(),
  minutes: z.number().int(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decisionNote: z.string().nullable(),
});
export type ExtraWork = z.infer<typeof ExtraWork>;

export const AccountResponse = z.object({
  coach: Person,
  birthDate: z.string().nullable(),
  scheme: z.enum(SCHEMES),
  statements: z.array(StatementSummary),
  yearToDate: z.object({ year: z.number().int(), cents: z.number().int(), limits: FiscalLimits.nullable() }),
  forecast: ForecastResponse.nullable(),
  extraWork: z.array(ExtraWork),
});
export type AccountResponse = z.infer<typeof AccountResponse>;

export const SetBirthDateRequest = z.strictObject({ birthDate: IsoDate });
export const AddExtraWorkRequest = z.strictObject({
  date: IsoDate,
  minutes: z.number().int().min(15).max(720),
  reason: Text(500),
});
export const DecideExtraWorkRequest = z.strictObject({ decision: z.enum(['approve', 'reject']), note: z.string().trim().max(500).optional() });
export const PendingExtraWorkResponse = z.object({ items: z.array(ExtraWork) });

export const DisputeLineRequest = z.strictObject({ comment: Text(1000) });
export const ApproveStatementRequest = z.strictObject({
  resolutions: z.array(z.strictObject({ lineId: z.string().uuid(), resolution: Text(1000) })).max(200).default([]),
});

export const ProgrammeMonthResponse = z.object({
  month: z.string(),
  scheme: z.enum(SCHEMES),
  statements: z.array(
    StatementSummary.extend({ coach: Person, disputedLines: z.number().int() }),
  ),
  /** Coaches whose planned sessions would take them over a fiscal limit this year. */
  forecastWarnings: z.array(z.object({ coach: Person, firstMonthOver: z.string(), monthCapExceeded: z.boolean(), yearCapExceeded: z.boolean() })),
  pendingExtraWork: z.number().int(),
});
export type ProgrammeMonthResponse = z.infer<typeof ProgrammeMonthResponse>;

export const ApproveProgrammeMonthResponse = z.object({
  approved: z.array(z.string().uuid()),
  skipped: z.array(z.object({ statementId: z.string().uuid(), reason: z.enum(['disputed', 'notConfirmed', 'incomplete']) })),
});
export const GenerateResponse = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

export const FiscalYear = FiscalLimits.extend({ source: z.string(), shipped: z.boolean() });
export const FiscalYearsResponse = z.object({ years: z.array(FiscalYear) });
export type FiscalYearsResponse = z.infer<typeof FiscalYearsResponse>;
const Cents = z.number().int().min(0).max(10_000_000);
export const AddFiscalYearRequest = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  maxPerHourUnder21Cents: Cents,
  maxPerHourFrom21Cents: Cents,
  maxPerMonthCents: Cents,
  maxPerYearCents: Cents,
  source: Text(500),
});
