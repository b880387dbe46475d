/**
 * Contract of `content/fiscal-limits.json`: the limits of the Dutch volunteer allowance
 * (vrijwilligersvergoeding) per calendar year, as the Belastingdienst publishes them, each with its
 * source. A year without an entry has no limit check; the beheerder can add a year in the app.
 */
import { z } from 'zod';
import { ContentVersion } from './building-blocks';

const Cents = z.number().int().min(0).max(10_000_000);

export const FiscalLimitYear = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  maxPerHourUnder21Cents: Cents,
  maxPerHourFrom21Cents: Cents,
  maxPerMonthCents: Cents,
  maxPerYearCents: Cents,
  /** Where the figures come from (publication and address). */
  source: z.string().min(1).max(500),
});
export type FiscalLimitYear = z.infer<typeof FiscalLimitYear>;

export const FiscalLimitsFile = z
  .strictObject({ version: ContentVersion, years: z.array(FiscalLimitYear).min(1) })
  .superRefine((f, ctx) => {
    const seen = new Set<number>();
    f.years.forEach((y, i) => {
      if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `duplicate year ${y.year}` });
      seen.add(y.year);
    });
  });
export type FiscalLimitsFile = z.infer<typeof FiscalLimitsFile>;
