/** The fiscal-limit forecast of coaches for the current year, from their statements and the year plan. */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { forecastLimits, type Forecast } from '../../../domain/compensation/forecast';
import { workLines } from '../../../domain/compensation/work';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import { compensationStatements } from '../../db/schema';
import { fiscalLimitsOf } from './fiscal-limits';
import { monthBounds, plannedEvents, type CoachForPay } from './repository';
import { schemesFor } from './scheme-of';

/**
 * Per coach (allowance scheme, birth date known): months with a statement count with its amount;
 * from the first month without one to the year's end, the sessions on the year plan (led, or a
 * training or intervision of their programme) count at the standard lengths. Null for a coach the
 * forecast cannot be made for.
 */
export async function forecastFor(services: Services, coaches: readonly CoachForPay[]): Promise<Map<string, Forecast | null>> {
  const result = new Map<string, Forecast | null>();
  if (coaches.length === 0) return result;
  const today = zonedParts(services.now());
  const year = today.year;
  const month = `${year}-${String(today.month).padStart(2, '0')}`;
  const institutionId = coaches[0]!.institutionId;
  const [limits, schemes, statements] = await Promise.all([
    fiscalLimitsOf(services, institutionId),
    schemesFor(services.db, coaches.map((c) => c.programmeId), month),
    services.db
      .select({ coachId: compensationStatements.coachPersonId, month: compensationStatements.month, cents: compensationStatements.totalCents })
      .from(compensationStatements)
      .where(and(inArray(compensationStatements.coachPersonId, coaches.map((c) => c.personId)), gte(compensationStatements.month, `${year}-01`), lte(compensationStatements.month, `${year}-12`), eq(compensationStatements.scheme, 'allowance'))),
  ]);
  for (const coach of coaches) {
    const scheme = schemes.get(coach.programmeId)!;
    if (scheme.settings.scheme !== 'allowance' || !coach.birthDate) {
      result.set(coach.personId, null);
      continue;
    }
    const own = new Map(statements.filter((s) => s.coachId === coach.personId).map((s) => [s.month, s.cents]));
    let first = 1;
    while (first <= 12 && own.has(`${year}-${String(first).padStart(2, '0')}`)) first++;
    const events =
      first > 12
        ? []
        : await plannedEvents(services.db, {
            institutionId,
            coachId: coach.personId,
            programmeId: coach.programmeId,
            from: monthBounds(`${year}-${String(first).padStart(2, '0')}`).from,
            to: monthBounds(`${year}-12`).to,
          });
    result.set(coach.personId, forecastLimits({ year, birthDate: coach.birthDate, rates: scheme.settings.rates, limits, statementCents: own, planned: workLines(events, scheme.settings) }));
  }
  return result;
}
