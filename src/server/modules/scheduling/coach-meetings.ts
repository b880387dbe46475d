/**
 * The monthly coach training and intervision of a scheduling run (#7 item 2): the run keeps the
 * coaches' weeks and the groups it saw; the proposal is computed from them and the run's current
 * community slots (so an override of a coach's community moves their meeting along), shown on the
 * run and published as coachTraining / intervision sessions of the programme.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RunResponse } from '../../../contracts/scheduling';
import type { BusyBlock } from '../../../domain/scheduling/instance';
import { pairSessions } from '../../../domain/scheduling/pair-sessions';
import {
  coachMeetingGroups,
  planCoachMeetings,
  type CoachMeetingGroup,
  type CoachMeetingProposal,
  type CoachWeek,
} from '../../../domain/scheduling/plan-coach-meetings';
import type { AvailabilityWindow } from '../../../domain/scheduling/product-instance';
import { clockToMinutes, minutesToClock } from '../../../domain/scheduling/time';
import type { Holiday } from '../../../domain/sessions/year-plan';
import { zonedToInstant } from '../../../domain/sessions/zoned-time';
import type { Db } from '../../db/client';
import { coachSupervision, intakes, programmes, schedulingPlacements, sessions } from '../../db/schema';
import { cancelSessionReminders, holidaysOf, intakePeriod, mailPeople, scheduleSessionReminders } from '../sessions/public';
import type { Services } from '../../context';
import { locationsOf, namesOf, type PeriodRow, type RunRow } from './repository';

/** What a run stores: the weeks without the community sessions (those follow the placements). */
export type CoachMeetingSnapshot = {
  coaches: Omit<CoachWeek, 'sessions'>[];
  groups: CoachMeetingGroup[];
  /** Session ids per group of the publication (so a republication moves them). */
  published?: Record<string, string[]>;
};

/** The coaches' weeks and the groups, taken when the run starts. */
export async function coachMeetingSnapshot(
  db: Db,
  intakeId: string,
  coachIds: readonly string[],
  busy: ReadonlyMap<string, readonly BusyBlock[]>,
  withTimetable: ReadonlySet<string>,
  availability: ReadonlyMap<string, readonly AvailabilityWindow[]>,
): Promise<CoachMeetingSnapshot> {
  const ids = [...new Set(coachIds)].sort();
  const [intake] = await db.select({ programmeId: intakes.programmeId }).from(intakes).where(eq(intakes.id, intakeId));
  const supervision = ids.length && intake
    ? await db
        .select({ seniorId: coachSupervision.seniorId, coachId: coachSupervision.coachId })
        .from(coachSupervision)
        .where(and(eq(coachSupervision.programmeId, intake.programmeId), inArray(coachSupervision.coachId, ids)))
        .orderBy(asc(coachSupervision.seniorId))
    : [];
  // A coach with two senior coaches joins the intervision of the first (stable) one.
  const seniorOf = new Map<string, string>();
  for (const s of supervision) if (!seniorOf.has(s.coachId)) seniorOf.set(s.coachId, s.seniorId);
  return {
    coaches: ids.map((id) => ({ id, classes: [...(busy.get(id) ?? [])], availability: availability.has(id) ? [...availability.get(id)!] : null, hasTimetable: withTimetable.has(id) })),
    groups: coachMeetingGroups(ids, seniorOf),
  };
}

export type CoachMeetingPlan = { snapshot: CoachMeetingSnapshot; proposals: CoachMeetingProposal[]; holidays: Holiday[] };

/** The proposal for a finished run, with the coaches' community sessions at their chosen slots. */
export async function planRunCoachMeetings(db: Db, run: RunRow, period: PeriodRow, institutionId: string): Promise<CoachMeetingPlan | null> {
  const snapshot = run.coachMeetings as CoachMeetingSnapshot | null;
  const instance = run.instance as { communities: { id: string; coach: string }[]; locations: { id: string }[] } | null;
  if (!snapshot || !instance) return null;
  const placements = await db.select().from(schedulingPlacements).where(eq(schedulingPlacements.runId, run.id));
  const coachOf = new Map(instance.communities.map((c) => [c.id, c.coach]));
  const own = new Map<string, BusyBlock[]>();
  for (const p of placements) {
    const coach = coachOf.get(p.communityId);
    if (!coach) continue;
    const end = minutesToClock(Math.min(24 * 60, clockToMinutes(p.start) + run.sessionMinutes));
    own.set(coach, [...(own.get(coach) ?? []), { day: p.day, start: p.start, end, location: p.locationId }]);
  }
  const { academicYear } = await intakePeriod(db, run.intakeId);
  const holidays = await holidaysOf(db, institutionId, academicYear);
  const rooms = await locationsOf(db, run.intakeId);
  const proposals = planCoachMeetings({
    firstDate: period.firstDate,
    lastDate: period.lastDate,
    holidays,
    locations: instance.locations.map((l) => l.id),
    largestRoom: Object.fromEntries(rooms.map((l) => [l.id, Math.max(0, ...l.rooms.map((r) => r.capacity))])),
    coaches: snapshot.coaches.map((c) => ({ ...c, sessions: own.get(c.id) ?? [] })),
    groups: snapshot.groups,
  });
  return { snapshot, proposals, holidays };
}

/** The run screen's view: slot, dates and who can come (names only; reasons as codes). */
export async function coachMeetingsView(db: Db, plan: CoachMeetingPlan | null): Promise<RunResponse['coachMeetings']> {
  if (!plan) return [];
  const people = plan.snapshot.coaches.map((c) => c.id).concat(plan.snapshot.groups.flatMap((g) => (g.seniorId ? [g.seniorId] : [])));
  const names = await namesOf(db, people);
  const nameOf = (id: string) => names.get(id) ?? '—';
  const byName = <T extends { name: string }>(list: T[]) => list.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return plan.proposals.map((p) => ({
    id: p.group,
    kind: p.kind,
    senior: p.seniorId ? { id: p.seniorId, name: nameOf(p.seniorId) } : null,
    slot: p.slot ? { day: p.slot.day, start: p.slot.start, end: p.slot.end, locationId: p.slot.location } : null,
    lateEvening: p.lateEvening,
    waitingMinutes: p.waitingMinutes,
    dates: p.dates,
    coaches: byName(
      p.attendance.map((a) => ({
        name: nameOf(a.coach),
        kind: a.kind,
        waitingMinutes: a.kind === 'waiting' ? a.waitingMinutes : 0,
        noTimetable: a.kind === 'trip' && a.noTimetable,
        reason: a.kind === 'cannot' ? a.reason : null,
      })),
    ),
  }));
}

/**
 * Publishes the meetings: per group, its dates in the future become sessions of the programme
 * (organised by the senior coach for a supervision group, else by the publisher). Sessions an
 * earlier publication of the period made are moved onto the new dates (keeping their RSVPs), the
 * surplus cancelled — the invited coaches are told — and missing ones created.
 */
export async function publishCoachMeetings(options: {
  services: Services;
  tx: Db;
  run: RunRow;
  plan: CoachMeetingPlan;
  previous: CoachMeetingSnapshot['published'];
  actorId: string | null;
  now: Date;
  totals: { created: number; moved: number; cancelled: number; notified: number };
}): Promise<Record<string, string[]>> {
  const { services, tx, run, plan, now, totals } = options;
  const [intake] = await tx.select({ institutionId: programmes.institutionId, programmeId: programmes.id }).from(intakes).innerJoin(programmes, eq(programmes.id, intakes.programmeId)).where(eq(intakes.id, run.intakeId));
  const locations = await locationsOf(tx, run.intakeId);
  const published: Record<string, string[]> = {};
  for (const p of plan.proposals) {
    const group = plan.snapshot.groups.find((g) => g.id === p.group)!;
    const location = p.slot ? placeOf(locations, p.slot.location, group.coaches.length + (group.seniorId ? 1 : 0)) : '';
    const targets = p.slot
      ? p.dates.map((date) => ({ startsAt: zonedToInstant(date, p.slot!.start), endsAt: zonedToInstant(date, p.slot!.end) })).filter((t) => t.startsAt.getTime() > now.getTime())
      : [];
    const existing = (options.previous?.[p.group] ?? []).length
      ? await tx.select().from(sessions).where(and(inArray(sessions.id, options.previous![p.group]!), eq(sessions.status, 'planned'))).orderBy(asc(sessions.startsAt))
      : [];
    const future = existing.filter((s) => s.startsAt.getTime() > now.getTime());
    const ids: string[] = existing.filter((s) => s.startsAt.getTime() <= now.getTime()).map((s) => s.id);
    const invited = [...group.coaches];
    for (const pair of pairSessions(targets, future)) {
      const target = pair.target;
      const before = future.find((s) => s.id === pair.existing);
      if (before && target) {
        ids.push(before.id);
        if (before.startsAt.getTime() === target.startsAt.getTime() && before.endsAt.getTime() === target.endsAt.getTime() && before.location === location) continue;
        const [row] = await tx.update(sessions).set({ startsAt: target.startsAt, endsAt: target.endsAt, location, version: before.version + 1, updatedAt: now }).where(eq(sessions.id, before.id)).returning();
        await scheduleSessionReminders(tx, row!, now);
        await mailPeople({ services, db: tx, institutionId: intake!.institutionId, personIds: invited, key: 'moved', row: row!, communityName: null, previousStartsAt: before.startsAt });
        totals.moved++;
        totals.notified += invited.length;
      } else if (before) {
        const [row] = await tx.update(sessions).set({ status: 'cancelled', version: before.version + 1, updatedAt: now }).where(eq(sessions.id, before.id)).returning();
        await cancelSessionReminders(tx, row!.id);
        await mailPeople({ services, db: tx, institutionId: intake!.institutionId, personIds: invited, key: 'cancelled', row: row!, communityName: null });
        totals.cancelled++;
        totals.notified += invited.length;
      } else if (target) {
        const [row] = await tx
          .insert(sessions)
          .values({
            institutionId: intake!.institutionId,
            programmeId: intake!.programmeId,
            type: p.kind,
            organiserId: group.seniorId ?? options.actorId,
            location,
            startsAt: target.startsAt,
            endsAt: target.endsAt,
            fromYearPlan: true,
          })
          .returning();
        await scheduleSessionReminders(tx, row!, now);
        ids.push(row!.id);
        totals.created++;
      }
    }
    published[p.group] = ids;
  }
  return published;
}

/** "Room, location": the smallest room seating the group, else the largest; the location alone without rooms. */
function placeOf(locations: { id: string; name: string; rooms: { name: string; capacity: number }[] }[], locationId: string, seats: number): string {
  const location = locations.find((l) => l.id === locationId);
  if (!location) return '';
  const rooms = [...location.rooms].sort((a, b) => a.capacity - b.capacity);
  const room = rooms.find((r) => r.capacity >= seats) ?? rooms.at(-1);
  return room ? `${room.name}, ${location.name}` : location.name;
}
