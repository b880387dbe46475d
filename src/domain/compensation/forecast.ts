/**
 * The fiscal-limit forecast (#17 item 4): before it happens, when would the planned sessions push
 * a coach over the monthly or yearly limit of the volunteer allowance? Months already on a
 * statement count with their statement's amount; later months with the planned work.
 */
import { calculateAllowance, rateOn, type FiscalLimits, type RatePeriod } from './allowance';
import type { WorkLine } from './work';

export type ForecastMonth = { month: string; projectedCents: number; yearToDateCents: number; monthCapExceeded: boolean; yearCapExceeded: boolean };
export type Forecast = { year: number; limits: FiscalLimits | null; months: ForecastMonth[]; firstMonthOver: string | null };

export function forecastLimits(input: {
  year: number;
  birthDate: string;
  rates: readonly RatePeriod[];
  limits: readonly FiscalLimits[];
  /** Amounts of the months that have a statement, by month (YYYY-MM). */
  statementCents: ReadonlyMap<string, number>;
  /** Planned work of the months without a statement. */
  planned: readonly WorkLine[];
}): Forecast {
  const limits = input.limits.find((l) => l.year === input.year) ?? null;
  const months: ForecastMonth[] = [];
  let yearToDate = 0;
  for (let m = 1; m <= 12; m++) {
    const month = `${input.year}-${String(m).padStart(2, '0')}`;
    const known = input.statementCents.get(month);
    const work = input.planned.filter((w) => w.date.slice(0, 7) === month && rateOn(input.rates, w.date) !== null);
    const projected =
      known ??
      calculateAllowance({ month, birthDate: input.birthDate, rates: [...input.rates], limits: [], paidEarlierThisYearCents: 0, work: work.map((w) => ({ date: w.date, minutes: w.minutes, kind: w.kind })) }).totalCents;
    if (known === undefined && work.length === 0) continue;
    yearToDate += projected;
    months.push({
      month,
      projectedCents: projected,
      yearToDateCents: yearToDate,
      monthCapExceeded: limits !== null && projected > limits.maxPerMonthCents,
      yearCapExceeded: limits !== null && yearToDate > limits.maxPerYearCents,
    });
  }
  const over = months.find((m) => m.monthCapExceeded || m.yearCapExceeded);
  return { year: input.year, limits, months, firstMonthOver: over?.month ?? null };
}
