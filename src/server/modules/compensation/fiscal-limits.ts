/** The fiscal limits of the volunteer allowance: the shipped years (content) and the years the beheerder added. */
import { and, asc, eq } from 'drizzle-orm';
import type { FiscalLimits } from '../../../domain/compensation/allowance';
import type { FiscalLimitYear } from '../../../contracts/content/fiscal-limits';
import type { Services } from '../../context';
import { compensationFiscalYears } from '../../db/schema';
import { AppError } from '../../errors/app-error';

export type FiscalYearRow = FiscalLimitYear & { shipped: boolean };

/** Every known year, shipped and added, in year order. */
export async function fiscalYears(services: Services, institutionId: string): Promise<FiscalYearRow[]> {
  const added = await services.db
    .select()
    .from(compensationFiscalYears)
    .where(eq(compensationFiscalYears.institutionId, institutionId))
    .orderBy(asc(compensationFiscalYears.year));
  const shipped = services.content.fiscalLimits.years.map((y) => ({ ...y, shipped: true }));
  const known = new Set(shipped.map((y) => y.year));
  const own = added
    .filter((y) => !known.has(y.year))
    .map((y) => ({
      year: y.year,
      maxPerHourUnder21Cents: y.maxPerHourUnder21Cents,
      maxPerHourFrom21Cents: y.maxPerHourFrom21Cents,
      maxPerMonthCents: y.maxPerMonthCents,
      maxPerYearCents: y.maxPerYearCents,
      source: y.source,
      shipped: false,
    }));
  return [...shipped, ...own].sort((a, b) => a.year - b.year);
}

/** The limits in the calculation's shape. */
export async function fiscalLimitsOf(services: Services, institutionId: string): Promise<FiscalLimits[]> {
  return (await fiscalYears(services, institutionId)).map(({ year, maxPerHourUnder21Cents, maxPerHourFrom21Cents, maxPerMonthCents, maxPerYearCents }) => ({
    year,
    maxPerHourUnder21Cents,
    maxPerHourFrom21Cents,
    maxPerMonthCents,
    maxPerYearCents,
  }));
}

/** The beheerder adds a year the content does not have yet; a shipped or already added year is refused. */
export async function addFiscalYear(options: { services: Services; institutionId: string; actorId: string; year: FiscalLimitYear }): Promise<void> {
  const { services, year } = options;
  if (services.content.fiscalLimits.years.some((y) => y.year === year.year)) throw new AppError('fiscal_year_exists', 'year is shipped content', { year: year.year });
  const inserted = await services.db
    .insert(compensationFiscalYears)
    .values({ institutionId: options.institutionId, addedById: options.actorId, ...year })
    .onConflictDoNothing()
    .returning({ id: compensationFiscalYears.id });
  if (inserted.length === 0) throw new AppError('fiscal_year_exists', 'year already added', { year: year.year });
}

/** Removes a year the beheerder added (a mistyped figure); shipped years cannot be removed. */
export async function removeFiscalYear(options: { services: Services; institutionId: string; year: number }): Promise<void> {
  const removed = await options.services.db
    .delete(compensationFiscalYears)
    .where(and(eq(compensationFiscalYears.institutionId, options.institutionId), eq(compensationFiscalYears.year, options.year)))
    .returning({ id: compensationFiscalYears.id });
  if (removed.length === 0) throw new AppError('not_found');
}
