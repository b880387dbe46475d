/**
 * A student coach's own availability (#7): the teaching periods that have not ended of the intakes
 * where they coach a community, each with the weekly windows they (or the coordinator) declared.
 * Saving goes through the same route and policy rule as the coordinator's.
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { MyAvailabilityResponse } from '../../../contracts/scheduling';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import { coachAvailability, communities, intakes, programmes, teachingPeriods } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { periodCoachResource, type PeriodRow } from './repository';

export async function listMyAvailability({ services, actor, locale }: { services: Services; actor: Actor; locale: 'nl' | 'en' }): Promise<MyAvailabilityResponse> {
  const db = services.db;
  const today = zonedParts(services.now()).date;
  const led = await db.selectDistinct({ intakeId: communities.intakeId }).from(communities).where(eq(communities.coachId, actor.personId));
  if (led.length === 0) return { periods: [] };
  const rows = await db
    .select({ period: teachingPeriods, month: intakes.month, academicYear: intakes.academicYear, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
    .from(teachingPeriods)
    .innerJoin(intakes, eq(intakes.id, teachingPeriods.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(and(inArray(teachingPeriods.intakeId, led.map((l) => l.intakeId)), gte(teachingPeriods.lastDate, today), eq(programmes.institutionId, actor.institutionId)))
    .orderBy(asc(teachingPeriods.firstDate), asc(teachingPeriods.name));
  const declared = rows.length
    ? await db.select().from(coachAvailability).where(and(eq(coachAvailability.personId, actor.personId), inArray(coachAvailability.periodId, rows.map((r) => r.period.id))))
    : [];
  const periods: MyAvailabilityResponse['periods'] = [];
  for (const r of rows) {
    const resource = await periodCoachResource(db, actor.institutionId, r.period.id, actor.personId);
    if (!resource || !isAllowed(actor, 'coach:setAvailability', resource)) continue;
    const own = declared.find((d) => d.periodId === r.period.id);
    periods.push({
      id: r.period.id,
      name: r.period.name,
      firstDate: r.period.firstDate,
      lastDate: r.period.lastDate,
      started: r.period.firstDate <= today,
      intake: { programmeName: locale === 'en' ? r.nameEn : r.nameNl, month: r.month, academicYear: r.academicYear },
      windows: own ? (own.windows as NonNullable<MyAvailabilityResponse['periods'][number]['windows']>) : null,
      updatedAt: own ? own.updatedAt.toISOString() : null,
    });
  }
  return { periods };
}

/** A coach changes only periods that have not ended; the coordinator may still correct an ended one. */
export function assertMayChangeAvailability(services: Services, actor: Actor, period: PeriodRow, programmeId: string) {
  const coordinator = isAllowed(actor, 'programme:manageScheduling', { kind: 'programme', institutionId: actor.institutionId, programmeId });
  if (!coordinator && period.lastDate < zonedParts(services.now()).date) throw new AppError('scheduling_period_ended');
}
