/**
 * Publishing a run: each community's chosen weekly slot becomes the sessions of its year plan in
 * the teaching period (the year-plan generator: the intake's frequency, holidays skipped). Future
 * year-plan sessions the community already has in the period are moved to the new slot (keeping
 * their RSVPs), surplus ones cancelled, missing ones created; reminders follow, and everyone in a
 * community whose sessions moved gets one mail, and one per session that was dropped. The monthly
 * coach training and intervision become sessions too (coach-meetings.ts). Calendar feeds are built
 * per request, so they show the new sessions at once.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PublishRunResponse } from '../../../contracts/scheduling';
import { PlanContext } from '../../../domain/scheduling/assess-plan';
import type { SchedulingInstance } from '../../../domain/scheduling/instance';
import { pairSessions } from '../../../domain/scheduling/pair-sessions';
import { clockToMinutes } from '../../../domain/scheduling/time';
import { generateYearPlan } from '../../../domain/sessions/year-plan';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { communities, programmes, intakes, schedulingPlacements, schedulingRuns, sessions, sessionSeries } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { cancelSessionReminders, holidaysOf, intakePeriod, mailPeople, scheduleSessionReminders } from '../sessions/public';
import { planRunCoachMeetings, publishCoachMeetings, type CoachMeetingSnapshot } from './coach-meetings';
import { currentSlots, DAY_CODES } from './current-slots';
import { communitiesOf, latestPublishedRun, locationsOf, periodRow, runRow } from './repository';

type Placement = typeof schedulingPlacements.$inferSelect;

export async function publishSchedulingRun({ services, runId, actorId }: { services: Services; runId: string; actorId: string | null }): Promise<PublishRunResponse> {
  const db = services.db;
  const run = await runRow(db, runId);
  if (!run || run.status !== 'done' || !run.instance || run.publishedAt) throw new AppError('run_not_ready');
  const [newest] = await db.select({ id: schedulingRuns.id }).from(schedulingRuns).where(and(eq(schedulingRuns.periodId, run.periodId), eq(schedulingRuns.status, 'done'))).orderBy(sql`${schedulingRuns.createdAt} desc`).limit(1);
  if (newest?.id !== run.id) throw new AppError('run_not_ready', 'a newer run exists');
  const period = (await periodRow(db, run.periodId))!;
  const placements = await db.select().from(schedulingPlacements).where(eq(schedulingPlacements.runId, runId));
  const ctx = new PlanContext(run.instance as SchedulingInstance);
  const chosen = placements.map((p) => ({ community: p.communityId, day: p.day, start: p.start, location: p.locationId }));
  for (const p of chosen) if (ctx.assess(p.community, p, chosen).blockers.length > 0) throw new AppError('slot_unavailable', `blocked at publish: ${p.community}`);

  const [intake] = await db.select({ institutionId: programmes.institutionId, programmeId: programmes.id }).from(intakes).innerJoin(programmes, eq(programmes.id, intakes.programmeId)).where(eq(intakes.id, run.intakeId));
  const yearPeriod = await intakePeriod(db, run.intakeId);
  const holidays = await holidaysOf(db, intake!.institutionId, yearPeriod.academicYear);
  const rows = await communitiesOf(db, run.intakeId);
  // An online community needs no room; only the others share the rooms.
  const online = new Set(rows.filter((c) => c.sessionMode === 'online').map((c) => c.id));
  const roomOf = assignRooms(await locationsOf(db, run.intakeId), placements.filter((p) => !online.has(p.communityId)), new Map(rows.map((c) => [c.id, c.memberIds.length + 1])), run.sessionMinutes);
  const now = services.now();
  const totals = { created: 0, moved: 0, cancelled: 0, notified: 0 };
  const meetingTotals = { created: 0, moved: 0, cancelled: 0, notified: 0 };
  let meetingsPublished: CoachMeetingSnapshot | null = null;

  await db.transaction(async (tx) => {
    const current = await currentSlots(tx, period, now, placements.map((p) => p.communityId));
    for (const p of placements) {
      const community = rows.find((c) => c.id === p.communityId);
      if (!community) continue;
      const [names] = await tx.select({ name: communities.name }).from(communities).where(eq(communities.id, p.communityId));
      const location = roomOf.get(p.communityId) ?? '';
      const plan = generateYearPlan({
        firstDate: period.firstDate,
        lastDate: period.lastDate,
        weekday: DAY_CODES.indexOf(p.day as (typeof DAY_CODES)[number]) + 1,
        startTime: p.start,
        durationMinutes: run.sessionMinutes,
        sessionsPerMonth: yearPeriod.settings.sessionsPerMonth,
        holidays,
      }).filter((s) => s.startsAt.getTime() > now.getTime());
      const existingIds = current.get(p.communityId)?.sessionIds ?? [];
      const existing = existingIds.length ? await tx.select({ id: sessions.id, startsAt: sessions.startsAt }).from(sessions).where(inArray(sessions.id, existingIds)).orderBy(sessions.startsAt) : [];
      const participants = [...community.memberIds, ...(community.coachId ? [community.coachId] : [])];
      let firstMove: { row: typeof sessions.$inferSelect; before: Date } | null = null;
      const dropped: (typeof sessions.$inferSelect)[] = [];
      for (const { existing: id, target } of pairSessions(plan, existing)) {
        if (id && target) {
          const [before] = await tx.select().from(sessions).where(eq(sessions.id, id));
          if (!before || (before.startsAt.getTime() === target.startsAt.getTime() && before.location === location && before.endsAt.getTime() === target.endsAt.getTime())) continue;
          const [row] = await tx
            .update(sessions)
            .set({ startsAt: target.startsAt, endsAt: target.endsAt, location, version: sql`${sessions.version} + 1`, updatedAt: now })
            .where(eq(sessions.id, id))
            .returning();
          await scheduleSessionReminders(tx, row!, now);
          firstMove ??= { row: row!, before: before.startsAt };
          totals.moved++;
        } else if (id) {
          const [row] = await tx.update(sessions).set({ status: 'cancelled', version: sql`${sessions.version} + 1`, updatedAt: now }).where(eq(sessions.id, id)).returning();
          await cancelSessionReminders(tx, row!.id);
          dropped.push(row!);
          totals.cancelled++;
        } else if (target) {
          const [row] = await tx
            .insert(sessions)
            .values({ institutionId: intake!.institutionId, programmeId: intake!.programmeId, type: 'community', communityId: p.communityId, organiserId: community.coachId, location: community.sessionMode === 'online' ? '' : location, mode: community.sessionMode, meetingLink: community.sessionMode === 'onCampus' ? '' : community.meetingLink, startsAt: target.startsAt, endsAt: target.endsAt, fromYearPlan: true })
            .returning();
          await scheduleSessionReminders(tx, row!, now);
          totals.created++;
        }
      }
      if (firstMove) {
        await mailPeople({ services, db: tx, institutionId: intake!.institutionId, personIds: participants, key: 'seriesMoved', row: firstMove.row, communityName: names?.name ?? null, previousStartsAt: firstMove.before });
      }
      // A session the new plan no longer holds (a shorter period, a lower frequency) is called off
      // with the same mail as a coach's own cancellation, one per dropped date.
      for (const row of dropped) await mailPeople({ services, db: tx, institutionId: intake!.institutionId, personIds: participants, key: 'cancelled', row, communityName: names?.name ?? null });
      if (firstMove || dropped.length > 0) totals.notified += participants.length;
      await upsertSeries(tx, p, period, run.sessionMinutes, yearPeriod.settings.sessionsPerMonth, location);
    }
    const meetings = await planRunCoachMeetings(tx, run, period, intake!.institutionId);
    if (meetings) {
      const previous = await latestPublishedRun(tx, run.periodId);
      const published = await publishCoachMeetings({ services, tx, run, plan: meetings, previous: (previous?.coachMeetings as CoachMeetingSnapshot | null)?.published, actorId, now, totals: meetingTotals });
      meetingsPublished = { ...meetings.snapshot, published };
    }
    const [marked] = await tx
      .update(schedulingRuns)
      .set({ publishedAt: now, publishedById: actorId, ...(meetingsPublished ? { coachMeetings: meetingsPublished } : {}) })
      .where(and(eq(schedulingRuns.id, runId), sql`${schedulingRuns.publishedAt} is null`))
      .returning({ id: schedulingRuns.id });
    if (!marked) throw new AppError('conflict');
  });
  return { ...totals, coachMeetings: meetingTotals };
}

/** The community's series follows its latest published slot; its dates cover every period published. */
async function upsertSeries(tx: Db, p: Placement, period: { firstDate: string; lastDate: string }, durationMinutes: number, sessionsPerMonth: number, location: string) {
  const weekday = DAY_CODES.indexOf(p.day as (typeof DAY_CODES)[number]) + 1;
  const [old] = await tx.select().from(sessionSeries).where(eq(sessionSeries.communityId, p.communityId));
  const firstDate = old && old.firstDate < period.firstDate ? old.firstDate : period.firstDate;
  const lastDate = old && old.lastDate > period.lastDate ? old.lastDate : period.lastDate;
  const values = { weekday, startTime: p.start, durationMinutes, sessionsPerMonth, firstDate, lastDate, location };
  await tx.insert(sessionSeries).values({ communityId: p.communityId, ...values }).onConflictDoUpdate({ target: sessionSeries.communityId, set: values });
}

/**
 * A room per session: per location and day, sessions by start time take the smallest free room
 * that seats the community and its coach (interval scheduling; the solver already kept the number
 * of overlapping sessions within the rooms). The session's place reads "room, location".
 */
export function assignRooms(
  locations: { id: string; name: string; rooms: { name: string; capacity: number }[] }[],
  placements: Pick<Placement, 'communityId' | 'day' | 'start' | 'locationId'>[],
  seats: ReadonlyMap<string, number>,
  sessionMinutes: number,
): Map<string, string> {
  const result = new Map<string, string>();
  for (const location of locations) {
    for (const day of DAY_CODES) {
      const here = placements.filter((p) => p.locationId === location.id && p.day === day).sort((a, b) => a.start.localeCompare(b.start));
      const freeAt = new Map<object, number>();
      const rooms = [...location.rooms].sort((a, b) => a.capacity - b.capacity);
      for (const p of here) {
        const start = clockToMinutes(p.start);
        const need = seats.get(p.communityId) ?? 1;
        const room = rooms.find((r) => r.capacity >= need && (freeAt.get(r) ?? 0) <= start) ?? rooms.find((r) => (freeAt.get(r) ?? 0) <= start);
        if (room) freeAt.set(room, start + sessionMinutes);
        result.set(p.communityId, room ? `${room.name}, ${location.name}` : location.name);
      }
    }
  }
  return result;
}
