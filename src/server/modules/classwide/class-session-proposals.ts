/**
 * "Plan de klassikale bijeenkomsten" (#21 item 3, February formats, ADR 0027): for a class
 * community of a class-wide intake, one class-wide session per teaching period still to come, at
 * a time right next to the class's own lessons (from the class's timetable, or the lessons its
 * students share), never over the class's lessons, the coach's own lessons or the coach's other
 * sessions. Proposing stores nothing; accepting (possibly with changed times) plans the sessions
 * as normal class-wide sessions of the class community — the class is invited, reminders, feeds,
 * attendance and compensation follow — under the community's row lock: a double accept answers 409.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AcceptClassSessionsRequest, AcceptClassSessionsResponse, ClassSessionProposalsResponse } from '../../../contracts/classwide';
import { isFreeForClass, proposeClassSessions, type ClassProposalInput, type ProposalClass, type WeeklyLesson } from '../../../domain/sessions/class-session-proposals';
import { hasMeetingLink } from '../../../domain/sessions/session-mode';
import { addDays, zonedParts, zonedToInstant } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { communities, sessions } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { plannedSessionsOf } from '../caseloads/public';
import { loadCommunityResources, namesOf, type CommunityResource } from '../relations/public';
import { communitySessionDefaults, scheduleSessionReminders } from '../sessions/public';
import {
  classCommunitiesOf,
  classTimetables,
  classTimetablesOfPerson,
  enrolledIn,
  intakeOf,
  periodsOfIntake,
  personalTimetables,
  plannedClassSessions,
  type TimetableBlock,
} from './repository';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
/** Class sessions are proposed within school hours. */
const DAY_START = 8 * 60 + 30;
const DAY_END = 18 * 60;
/** Two weeks of weekdays from the start of each period: enough room when the coach is busy on a day. */
const SEARCH_DAYS = 10;

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const toLessons = (blocks: readonly TimetableBlock[]): WeeklyLesson[] =>
  blocks.flatMap((b) => {
    const weekday = WEEKDAYS.indexOf(b.day as (typeof WEEKDAYS)[number]) + 1;
    return weekday === 0 ? [] : [{ weekday, start: minutesOf(b.start), end: minutesOf(b.end), campus: b.location !== null }];
  });
const key = (l: WeeklyLesson) => `${l.weekday} ${l.start} ${l.end} ${l.campus}`;

type Loaded = {
  input: ClassProposalInput;
  klass: ProposalClass;
  periods: Awaited<ReturnType<typeof periodsOfIntake>>;
  planned: Map<string, Date>;
  hasTimetable: boolean;
};

/** Everything the proposer needs for one class community, read at `now`. */
async function load(db: Db, community: CommunityResource, now: Date, durationMinutes: number): Promise<Loaded> {
  if (community.communityKind !== 'class' || !community.classId || !community.coachId) throw new AppError('class_proposals_class_only');
  const intake = await intakeOf(db, community.intakeId);
  if (!intake) throw new AppError('not_found');
  if (intake.settings.format !== 'classWide') throw new AppError('intake_not_class_wide');
  const classId = community.classId;
  const coachId = community.coachId;
  const today = zonedParts(now).date;
  const periods = (await periodsOfIntake(db, community.intakeId)).filter((p) => p.lastDate > today);
  const periodIds = periods.map((p) => p.id);
  const students = await enrolledIn(db, classId);
  const [own, personal, coachOwn, coachClasses] = await Promise.all([
    classTimetables(db, classId, periodIds),
    personalTimetables(db, students, periodIds),
    personalTimetables(db, [coachId], periodIds),
    classTimetablesOfPerson(db, coachId, periodIds),
  ]);
  // The class's lessons: its own timetable; without one, the lessons every student with a timetable shares.
  const lessons: Record<string, WeeklyLesson[]> = {};
  for (const p of periods) {
    const table = own.find((t) => t.periodId === p.id);
    if (table) {
      lessons[p.id] = toLessons(table.blocks);
      continue;
    }
    const theirs = personal.filter((t) => t.periodId === p.id).map((t) => toLessons(t.blocks));
    if (theirs.length === 0) continue;
    const shared = theirs.slice(1).reduce((acc, next) => acc.filter((l) => next.some((n) => key(n) === key(l))), theirs[0]!);
    lessons[p.id] = shared;
  }
  const coachLessons: Record<string, WeeklyLesson[]> = {};
  for (const p of periods) coachLessons[p.id] = [...coachOwn, ...coachClasses].filter((t) => t.periodId === p.id).flatMap((t) => toLessons(t.blocks));
  const first = periods[0]?.firstDate ?? today;
  const last = periods.at(-1)?.lastDate ?? today;
  const from = zonedToInstant(first < today ? today : first, '00:00');
  const to = zonedToInstant(addDays(last, 1), '00:00');
  const [busyRows, classRows] = await Promise.all([plannedSessionsOf(db, [coachId], from, to), plannedClassSessions(db, community.id, from, to)]);
  const busy: Record<string, { start: number; end: number }[]> = {};
  for (const s of busyRows) {
    const a = zonedParts(s.startsAt);
    const b = zonedParts(s.endsAt);
    (busy[a.date] ??= []).push({ start: a.hour * 60 + a.minute, end: b.date === a.date ? b.hour * 60 + b.minute : 24 * 60 });
  }
  const planned = new Map<string, Date>();
  for (const s of classRows) {
    const date = zonedParts(s.startsAt).date;
    const period = periods.find((p) => p.firstDate <= date && date <= p.lastDate);
    if (period && !planned.has(period.id)) planned.set(period.id, s.startsAt);
  }
  const klass: ProposalClass = { id: community.id, coachId, lessons, plannedIn: [...planned.keys()] };
  const input: ClassProposalInput = {
    periods,
    today,
    dayStart: DAY_START,
    dayEnd: DAY_END,
    durationMinutes,
    searchDays: SEARCH_DAYS,
    classes: [klass],
    coaches: { [coachId]: { lessons: coachLessons, busy } },
  };
  return { input, klass, periods, planned, hasTimetable: Object.keys(lessons).length > 0 };
}

export async function proposeClassSessionsFor({ services, community, durationMinutes }: { services: Services; community: CommunityResource; durationMinutes: number }): Promise<ClassSessionProposalsResponse> {
  const { input, periods, planned, hasTimetable } = await load(services.db, community, services.now(), durationMinutes);
  const proposals = proposeClassSessions(input);
  return {
    communityId: community.id,
    code: community.name,
    durationMinutes,
    hasTimetable,
    proposals: periods.map((period) => {
      const p = proposals.find((x) => x.periodId === period.id)!;
      const head = { id: period.id, name: period.name, firstDate: period.firstDate, lastDate: period.lastDate };
      if (p.kind === 'alreadyPlanned') return { period: head, proposal: { kind: 'alreadyPlanned' as const, startsAt: planned.get(period.id)!.toISOString() } };
      if (p.kind === 'none') return { period: head, proposal: { kind: 'none' as const } };
      return { period: head, proposal: { kind: 'slot' as const, date: p.date, startTime: p.startTime, endTime: p.endTime, mode: p.mode, reason: p.reason } };
    }),
  };
}

/** Every linked class of a class-wide intake with its proposals (null for an intake of another format). */
export async function classProposalsOfIntake({ services, institutionId, intakeId }: { services: Services; institutionId: string; intakeId: string }) {
  const intake = await intakeOf(services.db, intakeId);
  if (!intake || intake.settings.format !== 'classWide') return null;
  const linked = (await classCommunitiesOf(services.db, intakeId)).filter((c) => c.coachId !== null);
  const resources = await loadCommunityResources(services.db, institutionId, linked.map((c) => c.id));
  const names = await namesOf(services.db, linked.map((c) => c.coachId!));
  const out = [];
  for (const community of [...resources].sort((a, b) => a.name.localeCompare(b.name))) {
    const { proposals } = await proposeClassSessionsFor({ services, community, durationMinutes: 60 });
    const coach = names.get(community.coachId!);
    out.push({ code: community.name, coachName: coach ? `${coach.firstName} ${coach.lastName}` : '', proposals });
  }
  return out;
}

type AcceptRequest = z.output<typeof AcceptClassSessionsRequest>;

export async function acceptClassSessions({ services, community, request }: { services: Services; community: CommunityResource; request: AcceptRequest }): Promise<AcceptClassSessionsResponse> {
  const now = services.now();
  const fail = (i: number, field: string, message: string) => new AppError('validation_failed', message, {}, [{ path: `sessions.${i}.${field}`, message }]);
  return services.db.transaction(async (tx) => {
    // The community's row lock: of two accepts at once, the second sees the first one's sessions.
    await tx.select({ id: communities.id }).from(communities).where(eq(communities.id, community.id)).for('update');
    const { input, klass, periods, planned } = await load(tx, community, now, request.durationMinutes);
    const seen = new Set<string>();
    const chosen = request.sessions.map((s, i) => {
      const period = periods.find((p) => p.id === s.periodId);
      // A period of another intake (or one that has ended) is not one of this class's periods.
      if (!period) throw fail(i, 'periodId', 'class_proposal_other_period');
      if (seen.has(s.periodId)) throw fail(i, 'periodId', 'class_proposal_period_twice');
      seen.add(s.periodId);
      if (s.date < period.firstDate || s.date > period.lastDate) throw fail(i, 'date', 'class_proposal_outside_period');
      const startsAt = zonedToInstant(s.date, s.startTime);
      if (startsAt.getTime() <= now.getTime()) throw fail(i, 'date', 'round_in_past');
      return { ...s, index: i, startsAt, start: minutesOf(s.startTime) };
    });
    for (const c of chosen) {
      if (planned.has(c.periodId)) throw new AppError('conflict', 'a class session is planned in this period already');
      const free = isFreeForClass({ ...input, dayStart: 0, dayEnd: 24 * 60 }, klass, c.periodId, c.date, c.start);
      if (!free) throw fail(c.index, 'startTime', 'class_proposal_overlaps');
      if (c.start + request.durationMinutes > 24 * 60) throw fail(c.index, 'startTime', 'round_past_midnight');
    }
    const defaults = (await communitySessionDefaults(tx, [community.id])).get(community.id);
    const result: AcceptClassSessionsResponse['planned'] = [];
    for (const c of chosen) {
      const meetingLink = hasMeetingLink(c.mode) ? (request.meetingLink ?? defaults?.meetingLink ?? '') : '';
      const [row] = await tx
        .insert(sessions)
        .values({
          institutionId: community.institutionId,
          programmeId: community.programmeId,
          type: 'classWide',
          communityId: community.id,
          classId: community.classId,
          organiserId: community.coachId!,
          location: c.mode === 'online' ? '' : request.location,
          mode: c.mode,
          meetingLink,
          startsAt: c.startsAt,
          endsAt: new Date(c.startsAt.getTime() + request.durationMinutes * 60_000),
        })
        .returning();
      await scheduleSessionReminders(tx, row!, now);
      result.push({ sessionId: row!.id, periodId: c.periodId, startsAt: c.startsAt.toISOString() });
    }
    return { planned: result };
  });
}
