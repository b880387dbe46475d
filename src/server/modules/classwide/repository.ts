/** All SQL of the class-wide context (#21 item 3, ADR 0027): classes of an intake and their class communities. */
import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Db } from '../../db/client';
import { classes, classMembers, communities, communityCoachPeriods, communityMembers, intakes, programmes, sessions, teachingPeriods, timetables } from '../../db/schema';

/** The intake with its programme and readable settings (locked for update inside a transaction when asked). */
export async function intakeOf(db: Db, intakeId: string, lock = false) {
  const query = db
    .select({ id: intakes.id, programmeId: intakes.programmeId, institutionId: programmes.institutionId, month: intakes.month, settings: intakes.settings })
    .from(intakes)
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(intakes.id, intakeId));
  const [row] = lock ? await query.for('update', { of: intakes }) : await query;
  if (!row) return null;
  return { ...row, settings: readIntakeSettings(row.settings, row.month).settings };
}

/** The intake's classes with their number of students. */
export async function classesWithSize(db: Db, intakeId: string) {
  const rows = await db
    .select({ id: classes.id, code: classes.code, size: sql<number>`(select count(*)::int from ${classMembers} cm where cm.class_id = ${classes.id})` })
    .from(classes)
    .where(eq(classes.intakeId, intakeId))
    .orderBy(asc(classes.code), asc(classes.id));
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
}

/** The intake's class communities with their class and coach. */
export async function classCommunitiesOf(db: Db, intakeId: string) {
  return db
    .select({ id: communities.id, classId: communities.classId, coachId: communities.coachId })
    .from(communities)
    .where(and(eq(communities.intakeId, intakeId), eq(communities.kind, 'class')))
    .orderBy(asc(communities.createdAt), asc(communities.id));
}

/** Coach periods per community: a count above one is a coach change. */
export async function coachPeriodCounts(db: Db, communityIds: string[]): Promise<Map<string, number>> {
  if (communityIds.length === 0) return new Map();
  const rows = await db
    .select({ communityId: communityCoachPeriods.communityId, n: sql<number>`count(*)::int` })
    .from(communityCoachPeriods)
    .where(inArray(communityCoachPeriods.communityId, communityIds))
    .groupBy(communityCoachPeriods.communityId);
  return new Map(rows.map((r) => [r.communityId, Number(r.n)]));
}

/** The programme's student coaches: the caseloads context's list (one notion of an available coach). */
export { coachesOfProgramme, type CoachRow } from '../caseloads/public';

export async function insertClassCommunity(db: Db, intakeId: string, classId: string, name: string, at: Date) {
  const [row] = await db.insert(communities).values({ intakeId, classId, kind: 'class', name, createdAt: at }).returning({ id: communities.id });
  return row!.id;
}

/**
 * The class community's members follow the class: students enrolled and not yet a member join
 * ('initial' when the community is new, else 'added'); members no longer enrolled leave as moved
 * (a change of class is no ending). Returns the number of current members and how many joined and left.
 */
export async function syncMembers(db: Db, communityId: string, classId: string, at: Date, fresh: boolean): Promise<{ members: number; joined: number; left: number }> {
  const enrolled = (await db.select({ id: classMembers.personId }).from(classMembers).where(eq(classMembers.classId, classId))).map((r) => r.id);
  const current = await db
    .select({ id: communityMembers.id, personId: communityMembers.personId })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), isNull(communityMembers.leftOn)));
  const has = new Set(current.map((c) => c.personId));
  const joining = enrolled.filter((id) => !has.has(id));
  const leaving = current.filter((c) => !enrolled.includes(c.personId)).map((c) => c.id);
  if (joining.length) await db.insert(communityMembers).values(joining.map((personId) => ({ communityId, personId, joinedOn: at, joinedReason: fresh ? 'initial' : 'added' })));
  if (leaving.length) await db.update(communityMembers).set({ leftOn: at, leftReason: 'moved' }).where(inArray(communityMembers.id, leaving));
  if (joining.length || leaving.length) await db.update(communities).set({ version: sql`${communities.version} + 1` }).where(eq(communities.id, communityId));
  return { members: enrolled.length, joined: joining.length, left: leaving.length };
}

/** The coach's class communities (of any intake) with their intake and programme. */
export async function classCommunitiesOfCoach(db: Db, coachId: string) {
  return db
    .select({ id: communities.id, code: communities.name, month: intakes.month, academicYear: intakes.academicYear, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
    .from(communities)
    .innerJoin(intakes, eq(intakes.id, communities.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(and(eq(communities.coachId, coachId), eq(communities.kind, 'class')))
    .orderBy(asc(intakes.academicYear), asc(communities.name), asc(communities.id));
}

/** Current member counts of communities. */
export async function currentSizes(db: Db, communityIds: string[]): Promise<Map<string, number>> {
  if (communityIds.length === 0) return new Map();
  const rows = await db
    .select({ communityId: communityMembers.communityId, n: sql<number>`count(*)::int` })
    .from(communityMembers)
    .where(and(inArray(communityMembers.communityId, communityIds), isNull(communityMembers.leftOn)))
    .groupBy(communityMembers.communityId);
  return new Map(rows.map((r) => [r.communityId, Number(r.n)]));
}

/** The class-wide sessions of these class communities (cancelled ones included, for their status). */
export async function classSessionsOf(db: Db, communityIds: string[]) {
  if (communityIds.length === 0) return [];
  return db
    .select({ id: sessions.id, communityId: sessions.communityId, startsAt: sessions.startsAt, endsAt: sessions.endsAt, location: sessions.location, mode: sessions.mode, status: sessions.status })
    .from(sessions)
    .where(and(inArray(sessions.communityId, communityIds), eq(sessions.type, 'classWide')))
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
}

/** A stored timetable block: weekday key, local clock times and a campus location (null off campus). */
export type TimetableBlock = { day: string; start: string; end: string; location: string | null };

/** The teaching periods of an intake, in order. */
export async function periodsOfIntake(db: Db, intakeId: string) {
  return db
    .select({ id: teachingPeriods.id, name: teachingPeriods.name, firstDate: teachingPeriods.firstDate, lastDate: teachingPeriods.lastDate })
    .from(teachingPeriods)
    .where(eq(teachingPeriods.intakeId, intakeId))
    .orderBy(asc(teachingPeriods.firstDate), asc(teachingPeriods.name));
}

/** The class's own timetables per period. */
export async function classTimetables(db: Db, classId: string, periodIds: string[]) {
  if (periodIds.length === 0) return [];
  const rows = await db
    .select({ periodId: timetables.periodId, blocks: timetables.blocks })
    .from(timetables)
    .where(and(eq(timetables.classId, classId), inArray(timetables.periodId, periodIds)));
  return rows.map((r) => ({ periodId: r.periodId, blocks: r.blocks as TimetableBlock[] }));
}

/** Personal timetables of these people per period (a student's or the coach's own week). */
export async function personalTimetables(db: Db, personIds: string[], periodIds: string[]) {
  if (periodIds.length === 0 || personIds.length === 0) return [];
  const rows = await db
    .select({ personId: timetables.personId, periodId: timetables.periodId, blocks: timetables.blocks })
    .from(timetables)
    .where(and(inArray(timetables.personId, personIds), inArray(timetables.periodId, periodIds)));
  return rows.map((r) => ({ personId: r.personId!, periodId: r.periodId, blocks: r.blocks as TimetableBlock[] }));
}

/** The coach's classes' timetables in these periods (a student coach follows lessons too). */
export async function classTimetablesOfPerson(db: Db, personId: string, periodIds: string[]) {
  if (periodIds.length === 0) return [];
  const rows = await db
    .select({ periodId: timetables.periodId, blocks: timetables.blocks })
    .from(timetables)
    .innerJoin(classMembers, eq(classMembers.classId, timetables.classId))
    .where(and(eq(classMembers.personId, personId), inArray(timetables.periodId, periodIds)));
  return rows.map((r) => ({ periodId: r.periodId, blocks: r.blocks as TimetableBlock[] }));
}

/** Enrolled students of a class. */
export async function enrolledIn(db: Db, classId: string): Promise<string[]> {
  return (await db.select({ id: classMembers.personId }).from(classMembers).where(eq(classMembers.classId, classId))).map((r) => r.id);
}

/** Planned class-wide sessions of a class community between two instants. */
export async function plannedClassSessions(db: Db, communityId: string, from: Date, to: Date) {
  return db
    .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(and(eq(sessions.communityId, communityId), eq(sessions.type, 'classWide'), eq(sessions.status, 'planned'), gte(sessions.startsAt, from), lt(sessions.startsAt, to)));
}
