import { communitySessionDefaults } from './repository';
import { AppError } from '../../errors/app-error';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../domain/access/policy';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import { findGaps, generateYearPlan, plannedIntervalDays, type Holiday } from '../../../domain/sessions/year-plan';
import { addDays, zonedParts } from '../../../domain/sessions/zoned-time';
import type { PlanYearRequest, YearPlanResponse } from '../../../contracts/sessions';
import type { z } from 'zod';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { holidayCalendars, intakes, sessionSeries, sessions } from '../../db/schema';
import type { CommunityResource } from '../relations/public';
import { scheduleSessionReminders } from './schedule-reminders';

/** The intake's period: September intakes run 1 Sept to the summer, February intakes from 1 Feb. */
export async function intakePeriod(db: Db, intakeId: string) {
  const [intake] = await db.select().from(intakes).where(eq(intakes.id, intakeId));
  const year = intake?.academicYear ?? '2026-2027';
  const month = intake?.month ?? 'september';
  const { settings } = readIntakeSettings(intake?.settings, month);
  const endYear = Number(year.slice(5));
  const firstDate = month === 'september' ? `${year.slice(0, 4)}-09-01` : `${endYear}-02-01`;
  const byPhases = addDays(firstDate, settings.phases.reduce((n, p) => n + p.days, 0));
  const summer = `${endYear}-07-10`;
  return { academicYear: year, settings, firstDate, lastDate: byPhases < summer ? byPhases : summer };
}

export async function holidaysOf(db: Db, institutionId: string, academicYear: string): Promise<Holiday[]> {
  const [row] = await db.select().from(holidayCalendars).where(and(eq(holidayCalendars.institutionId, institutionId), eq(holidayCalendars.academicYear, academicYear)));
  return (row?.holidays as Holiday[] | undefined) ?? [];
}

/** The year plan of a community with its gaps (stretches without a session beyond the interval). */
export async function getYearPlan({ services, community }: { services: Services; community: CommunityResource }): Promise<YearPlanResponse> {
  const db = services.db;
  const period = await intakePeriod(db, community.intakeId);
  const [series] = await db.select().from(sessionSeries).where(eq(sessionSeries.communityId, community.id));
  const holidays = await holidaysOf(db, community.institutionId, period.academicYear);
  const rows = await db
    .select({ id: sessions.id, startsAt: sessions.startsAt, status: sessions.status })
    .from(sessions)
    .where(and(eq(sessions.communityId, community.id), inArray(sessions.type, ['community', 'outing'])))
    .orderBy(asc(sessions.startsAt));
  const intervalDays = plannedIntervalDays(series?.sessionsPerMonth ?? period.settings.sessionsPerMonth);
  const gaps = findGaps({
    sessionDates: rows.filter((r) => r.status === 'planned').map((r) => zonedParts(r.startsAt).date),
    // The whole intake year, never only the series' dates: publishing one teaching period makes a
    // series for that period alone, and the rest of the year without sessions is a gap (#20).
    periodStart: series && series.firstDate < period.firstDate ? series.firstDate : period.firstDate,
    periodEnd: series && series.lastDate > period.lastDate ? series.lastDate : period.lastDate,
    intervalDays,
    holidays,
  });
  return {
    communityId: community.id,
    academicYear: period.academicYear,
    intervalDays,
    series: series ? { weekday: series.weekday, startTime: series.startTime, durationMinutes: series.durationMinutes, location: series.location, firstDate: series.firstDate, lastDate: series.lastDate } : null,
    sessions: rows.map((r) => ({ id: r.id, startsAt: r.startsAt.toISOString(), status: r.status as 'planned' | 'cancelled' })),
    holidays,
    gaps,
  };
}

export type PlanYearOptions = { services: Services; actor: Actor; community: CommunityResource; request: z.output<typeof PlanYearRequest> };

/**
 * Generates the year plan from the intake settings (default twice a month), skipping the
 * holidays. Dates that already have a session are left alone; past dates are not planned.
 */
export async function planYear({ services, actor, community, request }: PlanYearOptions): Promise<YearPlanResponse> {
  // A caseload (individual coaching, #21) has no group sessions: its coach plans one-on-ones.
  if (community.communityKind === 'caseload') throw new AppError('caseload_no_group_sessions');
  const db = services.db;
  const period = await intakePeriod(db, community.intakeId);
  const holidays = await holidaysOf(db, community.institutionId, period.academicYear);
  const firstDate = request.firstDate ?? period.firstDate;
  const lastDate = request.lastDate ?? period.lastDate;
  const plan = generateYearPlan({ firstDate, lastDate, weekday: request.weekday, startTime: request.startTime, durationMinutes: request.durationMinutes, sessionsPerMonth: period.settings.sessionsPerMonth, holidays });
  let created = 0;
  await db.transaction(async (tx) => {
    const seriesValues = { weekday: request.weekday, startTime: request.startTime, durationMinutes: request.durationMinutes, sessionsPerMonth: period.settings.sessionsPerMonth, firstDate, lastDate, location: request.location };
    await tx.insert(sessionSeries).values({ communityId: community.id, ...seriesValues }).onConflictDoUpdate({ target: sessionSeries.communityId, set: seriesValues });
    const existing = await tx.select({ startsAt: sessions.startsAt }).from(sessions).where(and(eq(sessions.communityId, community.id), eq(sessions.type, 'community')));
    const taken = new Set(existing.map((e) => zonedParts(e.startsAt).date));
    const now = services.now();
    const fresh = plan.filter((p) => !taken.has(p.date) && p.startsAt.getTime() > now.getTime());
    if (fresh.length === 0) return;
    // The community's default mode and meeting link (online, hybrid) carry over to its planned sessions.
    const defaults = (await communitySessionDefaults(tx, [community.id])).get(community.id) ?? { mode: 'onCampus', meetingLink: '' };
    const rows = await tx
      .insert(sessions)
      .values(fresh.map((p) => ({ institutionId: community.institutionId, programmeId: community.programmeId, type: 'community', communityId: community.id, organiserId: community.coachId ?? actor.personId, location: defaults.mode === 'online' ? '' : request.location, mode: defaults.mode, meetingLink: defaults.mode === 'onCampus' ? '' : defaults.meetingLink, startsAt: p.startsAt, endsAt: p.endsAt, fromYearPlan: true })))
      .returning();
    for (const row of rows) await scheduleSessionReminders(tx, row, now);
    created = rows.length;
  });
  return { ...(await getYearPlan({ services, community })), created };
}

/** The institution's holidays for an academic year (coordinators keep them). */
export async function setHolidays({ services, institutionId, academicYear, holidays }: { services: Services; institutionId: string; academicYear: string; holidays: Holiday[] }) {
  await services.db
    .insert(holidayCalendars)
    .values({ institutionId, academicYear, holidays })
    .onConflictDoUpdate({ target: [holidayCalendars.institutionId, holidayCalendars.academicYear], set: { holidays } });
}
