/** All SQL of the caseloads context (individual coaching, #21 item 3). */
import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Db } from '../../db/client';
import { classes, classMembers, coachAvailability, coachProfiles, communities, communityMembers, intakes, people, programmes, roleAssignments, sessions, teachingPeriods, timetables } from '../../db/schema';

/** The intake with its programme and readable settings (locked for update inside a transaction when asked). */
export async function intakeOf(db: Db, intakeId: string, lock = false) {
  const query = db
    .select({ id: intakes.id, programmeId: intakes.programmeId, institutionId: programmes.institutionId, month: intakes.month, academicYear: intakes.academicYear, settings: intakes.settings, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
    .from(intakes)
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(intakes.id, intakeId));
  const [row] = lock ? await query.for('update', { of: intakes }) : await query;
  if (!row) return null;
  return { ...row, settings: readIntakeSettings(row.settings, row.month).settings };
}

export type CoachRow = { id: string; firstName: string; lastName: string; available: boolean };

/** The programme's student coaches; available = active (or no profile yet), not paused or leaving. */
export async function coachesOfProgramme(db: Db, institutionId: string, programmeId: string): Promise<CoachRow[]> {
  const rows = await db
    .selectDistinct({ id: people.id, firstName: people.firstName, lastName: people.lastName, status: coachProfiles.status })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .leftJoin(coachProfiles, eq(coachProfiles.personId, people.id))
    .where(and(eq(roleAssignments.institutionId, institutionId), eq(roleAssignments.role, 'studentcoach'), eq(roleAssignments.programmeId, programmeId), isNull(people.deactivatedAt)))
    .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
  return rows.map((r) => ({ id: r.id, firstName: r.firstName, lastName: r.lastName, available: (r.status ?? 'active') === 'active' }));
}

/** The intake's caseloads with their coach. */
export async function caseloadsOf(db: Db, intakeId: string) {
  return db
    .select({ id: communities.id, coachId: communities.coachId, name: communities.name })
    .from(communities)
    .where(and(eq(communities.intakeId, intakeId), eq(communities.kind, 'caseload')))
    .orderBy(asc(communities.createdAt), asc(communities.id));
}

export type StudentRow = { id: string; firstName: string; lastName: string; classCode: string };

/** The students of the intake (through its classes), each once. */
export async function studentsOfIntake(db: Db, intakeId: string): Promise<StudentRow[]> {
  const rows = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, classCode: classes.code })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(people, eq(people.id, classMembers.personId))
    .where(eq(classes.intakeId, intakeId))
    .orderBy(asc(classes.code), asc(people.lastName), asc(people.firstName), asc(people.id));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

/** Current memberships in the intake's communities (any kind): person → community. */
export async function currentPlacements(db: Db, intakeId: string) {
  return db
    .select({ personId: communityMembers.personId, communityId: communityMembers.communityId, membershipId: communityMembers.id, kind: communities.kind })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communities.intakeId, intakeId), isNull(communityMembers.leftOn)));
}

/** The next free caseload number of the intake ("Caseload 3"). */
export async function nextCaseloadNumber(db: Db, intakeId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(communities)
    .where(and(eq(communities.intakeId, intakeId), eq(communities.kind, 'caseload')));
  return Number(row?.n ?? 0) + 1;
}

export async function insertCaseload(db: Db, intakeId: string, number: number, at: Date) {
  const [row] = await db.insert(communities).values({ intakeId, kind: 'caseload', name: `Caseload ${number}`, createdAt: at }).returning({ id: communities.id });
  return row!.id;
}

export async function addMembers(db: Db, communityId: string, personIds: readonly string[], at: Date, reason: string) {
  if (personIds.length === 0) return;
  await db.insert(communityMembers).values(personIds.map((personId) => ({ communityId, personId, joinedOn: at, joinedReason: reason })));
  await bumpVersion(db, [communityId]);
}

/** Ends one open membership; false when it was ended meanwhile (a concurrent move). */
export async function endMembership(db: Db, membershipId: string, at: Date, reason: string): Promise<boolean> {
  const ended = await db
    .update(communityMembers)
    .set({ leftOn: at, leftReason: reason })
    .where(and(eq(communityMembers.id, membershipId), isNull(communityMembers.leftOn)))
    .returning({ communityId: communityMembers.communityId });
  if (ended[0]) await bumpVersion(db, [ended[0].communityId]);
  return ended.length > 0;
}

/** Ends every open membership of the intake's communities (a confirmed format change with 'end'). */
export async function endAllMemberships(db: Db, intakeId: string, at: Date, reason: string) {
  const ofIntake = db.select({ id: communities.id }).from(communities).where(eq(communities.intakeId, intakeId));
  const ended = await db
    .update(communityMembers)
    .set({ leftOn: at, leftReason: reason })
    .where(and(inArray(communityMembers.communityId, ofIntake), isNull(communityMembers.leftOn)))
    .returning({ communityId: communityMembers.communityId });
  await bumpVersion(db, [...new Set(ended.map((e) => e.communityId))]);
  return ended.length;
}

async function bumpVersion(db: Db, ids: string[]) {
  // Open community screens see a new version and reload rather than overwrite.
  if (ids.length) await db.update(communities).set({ version: sql`${communities.version} + 1` }).where(inArray(communities.id, ids));
}

/** The coach's caseloads (of any intake) with their intake. */
export async function caseloadsOfCoach(db: Db, coachId: string) {
  return db
    .select({ id: communities.id, intakeId: intakes.id, month: intakes.month, academicYear: intakes.academicYear, settings: intakes.settings, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
    .from(communities)
    .innerJoin(intakes, eq(intakes.id, communities.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(and(eq(communities.coachId, coachId), eq(communities.kind, 'caseload')))
    .orderBy(asc(intakes.academicYear), asc(communities.createdAt));
}

/** Current members of communities, with names. */
export async function membersOf(db: Db, communityIds: string[]) {
  if (communityIds.length === 0) return [];
  return db
    .select({ communityId: communityMembers.communityId, id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(communityMembers)
    .innerJoin(people, eq(people.id, communityMembers.personId))
    .where(and(inArray(communityMembers.communityId, communityIds), isNull(communityMembers.leftOn)))
    .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
}

/** Planned (not cancelled) one-on-ones of these caseloads, by this organiser. */
export async function oneOnOnesOf(db: Db, communityIds: string[], organiserId: string) {
  if (communityIds.length === 0) return [];
  return db
    .select({ id: sessions.id, coacheeId: sessions.coacheeId, startsAt: sessions.startsAt })
    .from(sessions)
    .where(and(inArray(sessions.communityId, communityIds), eq(sessions.type, 'oneOnOne'), eq(sessions.status, 'planned'), eq(sessions.organiserId, organiserId)))
    .orderBy(asc(sessions.startsAt));
}

/** The intake's teaching periods that share a day with [from, to] (inclusive local dates). */
export async function periodsBetween(db: Db, intakeId: string, from: string, to: string) {
  return db
    .select({ id: teachingPeriods.id, firstDate: teachingPeriods.firstDate, lastDate: teachingPeriods.lastDate })
    .from(teachingPeriods)
    .where(and(eq(teachingPeriods.intakeId, intakeId), lte(teachingPeriods.firstDate, to), gte(teachingPeriods.lastDate, from)));
}

/** The weekly blocks of these people in these periods: their own timetables and their classes' (of the intake). */
export async function timetableBlocksOf(db: Db, intakeId: string, periodIds: string[], personIds: string[]) {
  if (periodIds.length === 0 || personIds.length === 0) return [];
  const own = await db
    .select({ personId: timetables.personId, periodId: timetables.periodId, blocks: timetables.blocks })
    .from(timetables)
    .where(and(inArray(timetables.periodId, periodIds), inArray(timetables.personId, personIds)));
  const ofClass = await db
    .select({ personId: classMembers.personId, periodId: timetables.periodId, blocks: timetables.blocks })
    .from(timetables)
    .innerJoin(classMembers, eq(classMembers.classId, timetables.classId))
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .where(and(eq(classes.intakeId, intakeId), inArray(timetables.periodId, periodIds), inArray(classMembers.personId, personIds)));
  return [...own, ...ofClass].map((r) => ({ personId: r.personId!, periodId: r.periodId, blocks: r.blocks as { day: string; start: string; end: string; location: string | null }[] }));
}

/** The coach's stated availability per period (weekly windows). */
export async function availabilityOfCoach(db: Db, periodIds: string[], coachId: string) {
  if (periodIds.length === 0) return [];
  const rows = await db.select().from(coachAvailability).where(and(inArray(coachAvailability.periodId, periodIds), eq(coachAvailability.personId, coachId)));
  return rows.map((r) => ({ periodId: r.periodId, windows: r.windows as { day: string; start: string; end: string }[] }));
}

/** Planned sessions in [from, to) that these people organise, are the coachee of, or meet in as members. */
export async function plannedSessionsOf(db: Db, personIds: string[], from: Date, to: Date) {
  if (personIds.length === 0) return [];
  const memberOf = db.select({ id: communityMembers.communityId }).from(communityMembers).where(and(inArray(communityMembers.personId, personIds), isNull(communityMembers.leftOn)));
  const rows = await db
    .select({ id: sessions.id, type: sessions.type, communityId: sessions.communityId, organiserId: sessions.organiserId, coacheeId: sessions.coacheeId, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(
      and(
        eq(sessions.status, 'planned'),
        gte(sessions.startsAt, from),
        lt(sessions.startsAt, to),
        or(inArray(sessions.organiserId, personIds), inArray(sessions.coacheeId, personIds), and(sql`${sessions.type} <> 'oneOnOne'`, inArray(sessions.communityId, memberOf))),
      ),
    );
  const members = await db
    .select({ communityId: communityMembers.communityId, personId: communityMembers.personId })
    .from(communityMembers)
    .where(and(inArray(communityMembers.personId, personIds), isNull(communityMembers.leftOn)));
  // Who each session keeps busy: its organiser, its coachee, or (a group session) the members among these people.
  return rows.map((r) => ({
    ...r,
    people: [...new Set([r.organiserId, r.coacheeId, ...(r.type === 'oneOnOne' ? [] : members.filter((m) => m.communityId === r.communityId).map((m) => m.personId))].filter((x): x is string => x !== null && personIds.includes(x)))],
  }));
}
