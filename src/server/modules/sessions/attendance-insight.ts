/** Attendance figures: per community, per coachee, per class; three missed in a row is a signal. */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { holds, isAllowed, type Actor } from '../../../domain/access/policy';
import { attendanceRate, MISSED_IN_A_ROW_SIGNAL, trailingMissed, trendOf, type AttendanceStatus } from '../../../domain/sessions/attendance';
import type { AttendanceSignalsResponse, ClassAttendanceResponse, CommunityInsightResponse } from '../../../contracts/sessions';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { attendanceMarks, classes, classMembers, communities, communityMembers, intakes, people, sessions } from '../../db/schema';
import { loadCommunityResources, type CommunityResource } from '../relations/public';
import { participationOfCommunity } from '../participation/public';
import { AppError } from '../../errors/app-error';
import { attendanceSharedWithLeercoach } from '../../../domain/participation/modes';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';

type Marked = { sessionId: string; personId: string; status: AttendanceStatus };

/** Past, not cancelled group sessions of the communities (a class's class-wide sessions too, ADR 0027), oldest first, with their marks. */
async function pastSessionsWithMarks(db: Db, communityIds: string[], now: Date) {
  if (communityIds.length === 0) return { list: [], marks: [] as Marked[] };
  const list = await db
    .select({ id: sessions.id, communityId: sessions.communityId, startsAt: sessions.startsAt })
    .from(sessions)
    .where(and(inArray(sessions.communityId, communityIds), inArray(sessions.type, ['community', 'outing', 'classWide']), eq(sessions.status, 'planned'), lt(sessions.startsAt, now)))
    .orderBy(asc(sessions.startsAt));
  const marks = list.length
    ? ((await db.select({ sessionId: attendanceMarks.sessionId, personId: attendanceMarks.personId, status: attendanceMarks.status }).from(attendanceMarks).where(inArray(attendanceMarks.sessionId, list.map((s) => s.id)))) as Marked[])
    : [];
  return { list, marks };
}

function figuresFor(personId: string, sessionIds: string[], marks: Marked[]) {
  const statuses = sessionIds.map((id) => marks.find((m) => m.sessionId === id && m.personId === personId)?.status ?? null);
  const marked = statuses.filter((s): s is AttendanceStatus => s !== null);
  return { attended: marked.filter((s) => s === 'present' || s === 'late').length, marked: marked.length, missedInARow: trailingMissed(statuses) };
}

/** Is the actor only a leercoach here (then: only their own class's students, figures only)? */
const leercoachOnly = (actor: Actor, c: CommunityResource) =>
  !isAllowed(actor, 'community:read', c) && holds(actor, 'leercoach', c.institutionId, c.programmeId);

export async function getCommunityInsight({ services, actor, community }: { services: Services; actor: Actor; community: CommunityResource }): Promise<CommunityInsightResponse> {
  const db = services.db;
  const { list, marks: all } = await pastSessionsWithMarks(db, [community.id], services.now());
  let memberIds = [...community.memberIds];
  let marks = all;
  if (leercoachOnly(actor, community)) {
    // Only when attendance counts toward the programme (compulsory, #21); otherwise the same 404 as a missing community.
    const mode = await participationOfCommunity(db, community.id);
    if (!mode || !attendanceSharedWithLeercoach(mode)) throw new AppError('not_found');
    // Figures of their own class's students only: also the per-session rates and the trend.
    const mine = await db.select({ personId: classMembers.personId }).from(classMembers).innerJoin(classes, eq(classes.id, classMembers.classId)).where(eq(classes.leercoachId, actor.personId));
    memberIds = memberIds.filter((id) => mine.some((m) => m.personId === id));
    marks = all.filter((m) => memberIds.includes(m.personId));
  }
  const rates = list.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), rate: attendanceRate(marks.filter((m) => m.sessionId === s.id).map((m) => m.status)) }));
  const names = memberIds.length ? await db.select({ id: people.id, firstName: people.firstName, lastName: people.lastName }).from(people).where(inArray(people.id, memberIds)) : [];
  const sessionIds = list.map((s) => s.id);
  return {
    communityId: community.id,
    communityName: community.name,
    trend: trendOf(rates.flatMap((r) => (r.rate === null ? [] : [r.rate]))),
    sessions: rates,
    coachees: names
      .map((n) => {
        const f = figuresFor(n.id, sessionIds, marks);
        return { ...n, ...f, signal: f.missedInARow >= MISSED_IN_A_ROW_SIGNAL };
      })
      .sort((a, b) => a.firstName.localeCompare(b.firstName)),
  };
}

/** Coachees who missed three sessions in a row, for their coach and the coordinator. */
export async function listAttendanceSignals({ services, actor }: { services: Services; actor: Actor }): Promise<AttendanceSignalsResponse> {
  const db = services.db;
  const all = await loadCommunityResources(db, actor.institutionId);
  const mine = all.filter((c) => c.coachId === actor.personId || holds(actor, 'coordinator', c.institutionId, c.programmeId));
  const { list, marks } = await pastSessionsWithMarks(db, mine.map((c) => c.id), services.now());
  const memberIds = [...new Set(mine.flatMap((c) => c.memberIds))];
  const names = memberIds.length ? await db.select({ id: people.id, firstName: people.firstName, lastName: people.lastName }).from(people).where(inArray(people.id, memberIds)) : [];
  const signals: AttendanceSignalsResponse['signals'] = [];
  for (const c of mine) {
    const ids = list.filter((s) => s.communityId === c.id).map((s) => s.id);
    for (const personId of c.memberIds) {
      const { missedInARow } = figuresFor(personId, ids, marks);
      const n = names.find((x) => x.id === personId);
      if (missedInARow >= MISSED_IN_A_ROW_SIGNAL && n) signals.push({ communityId: c.id, communityName: c.name, coachee: n, missedInARow });
    }
  }
  return { signals };
}

/**
 * The leercoach's view: attendance figures of their class's students, and per community the
 * figures of those students only — never logbooks, check-ins, notes or any coaching content.
 */
export async function getClassAttendance({ services, classId }: { services: Services; classId: string }): Promise<ClassAttendanceResponse> {
  const db = services.db;
  const [klass] = await db
    .select({ code: classes.code, programmeId: intakes.programmeId, settings: intakes.settings, month: intakes.month })
    .from(classes)
    .innerJoin(intakes, eq(intakes.id, classes.intakeId))
    .where(eq(classes.id, classId));
  const participation = klass ? readIntakeSettings(klass.settings, klass.month).settings.participation : 'voluntary';
  if (!attendanceSharedWithLeercoach(participation)) {
    // Taking part is the student's choice (#21, ADR 0020): no attendance figure reaches the class page.
    return { classId, code: klass?.code ?? '', programmeId: klass?.programmeId ?? '', participation, attendanceShared: false, communities: [], students: [] };
  }
  const students = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(classMembers)
    .innerJoin(people, eq(people.id, classMembers.personId))
    .where(eq(classMembers.classId, classId));
  const ids = students.map((s) => s.id);
  const memberships = ids.length
    ? await db
        .select({ communityId: communityMembers.communityId, personId: communityMembers.personId, name: communities.name })
        .from(communityMembers)
        .innerJoin(communities, eq(communities.id, communityMembers.communityId))
        .where(inArray(communityMembers.personId, ids))
    : [];
  const communityIds = [...new Set(memberships.map((m) => m.communityId))];
  const { list, marks } = await pastSessionsWithMarks(db, communityIds, services.now());
  const perCommunity = communityIds.map((id) => {
    const studentIds = new Set(memberships.filter((m) => m.communityId === id).map((m) => m.personId));
    const held = list.filter((x) => x.communityId === id);
    const own = marks.filter((m) => studentIds.has(m.personId) && held.some((x) => x.id === m.sessionId));
    const rates = held.flatMap((x) => {
      const rate = attendanceRate(own.filter((m) => m.sessionId === x.id).map((m) => m.status));
      return rate === null ? [] : [rate];
    });
    return {
      id,
      name: memberships.find((m) => m.communityId === id)?.name ?? '',
      students: studentIds.size,
      attended: own.filter((m) => m.status === 'present' || m.status === 'late').length,
      marked: own.length,
      trend: trendOf(rates),
    };
  });
  return {
    classId,
    code: klass?.code ?? '',
    programmeId: klass?.programmeId ?? '',
    participation,
    attendanceShared: true,
    communities: perCommunity.sort((a, b) => a.name.localeCompare(b.name)),
    students: students
      .map((s) => {
        const own = new Set(memberships.filter((m) => m.personId === s.id).map((m) => m.communityId));
        return { ...s, ...figuresFor(s.id, list.filter((x) => x.communityId && own.has(x.communityId)).map((x) => x.id), marks) };
      })
      .sort((a, b) => a.firstName.localeCompare(b.firstName)),
  };
}

/** One coachee's current streak of missed sessions in a community: where it began (the signal's identity). */
export type AttendanceStreak = { communityId: string; coachId: string | null; personId: string; streakStartSessionId: string; streakSessionIds: string[]; missedInARow: number };

/**
 * The "three missed in a row" signals standing now in the communities where attendance was marked
 * since `since` (the signal can only arise by marking): per current member, the streak and the
 * session it began with. Counts and ids only; across all institutions (the signal mail's hook).
 */
export async function attendanceStreaksSince(db: Db, now: Date, since: Date): Promise<AttendanceStreak[]> {
  const touched = await db
    .selectDistinct({ communityId: sessions.communityId })
    .from(attendanceMarks)
    .innerJoin(sessions, eq(sessions.id, attendanceMarks.sessionId))
    .where(and(gte(attendanceMarks.markedAt, since), isNotNull(sessions.communityId)));
  const communityIds = touched.flatMap((t) => (t.communityId ? [t.communityId] : []));
  if (communityIds.length === 0) return [];
  const { list, marks } = await pastSessionsWithMarks(db, communityIds, now);
  const coaches = await db.select({ id: communities.id, coachId: communities.coachId }).from(communities).where(inArray(communities.id, communityIds));
  const members = await db
    .select({ communityId: communityMembers.communityId, personId: communityMembers.personId })
    .from(communityMembers)
    .where(and(inArray(communityMembers.communityId, communityIds), isNull(communityMembers.leftOn)));
  const result: AttendanceStreak[] = [];
  for (const c of coaches) {
    const ids = list.filter((s) => s.communityId === c.id).map((s) => s.id);
    for (const m of members.filter((x) => x.communityId === c.id)) {
      const own = ids.filter((id) => marks.some((k) => k.sessionId === id && k.personId === m.personId));
      const { missedInARow } = figuresFor(m.personId, own, marks);
      if (missedInARow < MISSED_IN_A_ROW_SIGNAL) continue;
      result.push({ communityId: c.id, coachId: c.coachId, personId: m.personId, streakStartSessionId: own[own.length - missedInARow]!, streakSessionIds: own.slice(-missedInARow), missedInARow });
    }
  }
  return result;
}
