/** All SQL of the people context: finding people, their roles with details, the role history. */
import { and, asc, desc, eq, exists, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../domain/access/roles';
import type { Db } from '../../db/client';
import {
  authSessions,
  classes,
  classMembers,
  coachSupervision,
  intakes,
  invitations,
  oidcLinks,
  passwordCredentials,
  people,
  programmes,
  roleAssignments,
  roleEvents,
  type RoleEventKind,
} from '../../db/schema';

export const PAGE_SIZE = 20;

/** Which people a search may return: all of the institution, or (a coordinator) its staff and the students of some programmes. */
export type SearchScope = { institutionId: string; studentsOfProgrammes: readonly string[] | 'all' };

export type AccountFacts = { deactivatedAt: Date | null; activated: boolean };

const STUDENT_ROLES: Role[] = ['coachee', 'studentcoach'];

/** A LIKE pattern that matches `text` literally anywhere. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Has ever set a password or signed in (a sign-in by invitation or SSO opens a session too). */
/** Activated: a password set, an activated invitation, a linked SSO account, or ever signed in. */
const activatedSql = sql<boolean>`(exists (select 1 from ${passwordCredentials} pc where pc.person_id = ${people.id}) or exists (select 1 from ${invitations} i where i.person_id = ${people.id} and i.activated_at is not null) or exists (select 1 from ${oidcLinks} o where o.person_id = ${people.id}) or exists (select 1 from ${authSessions} s where s.person_id = ${people.id}))`;

export const peopleRepository = (db: Db) => ({
  /** A page of people matching `q` (name, e-mail, student number) within the scope, ordered by name. */
  async search(scope: SearchScope, q: string, page: number) {
    const conditions: SQL[] = [eq(people.institutionId, scope.institutionId)];
    if (q) {
      const pattern = containing(q);
      conditions.push(
        or(
          ilike(sql`${people.firstName} || ' ' || ${people.lastName}`, pattern),
          ilike(people.email, pattern),
          ilike(people.studentNumber, pattern),
          exists(db.select({ one: sql`1` }).from(classMembers).where(and(eq(classMembers.personId, people.id), ilike(classMembers.studentNumber, pattern)))),
        )!,
      );
    }
    if (scope.studentsOfProgrammes !== 'all') {
      const isStudent = exists(db.select({ one: sql`1` }).from(roleAssignments).where(and(eq(roleAssignments.personId, people.id), inArray(roleAssignments.role, STUDENT_ROLES))));
      const ids = [...scope.studentsOfProgrammes];
      const tied =
        ids.length === 0
          ? sql`false`
          : or(
              exists(db.select({ one: sql`1` }).from(roleAssignments).where(and(eq(roleAssignments.personId, people.id), inArray(roleAssignments.programmeId, ids)))),
              exists(
                db
                  .select({ one: sql`1` })
                  .from(classMembers)
                  .innerJoin(classes, eq(classes.id, classMembers.classId))
                  .innerJoin(intakes, eq(intakes.id, classes.intakeId))
                  .where(and(eq(classMembers.personId, people.id), inArray(intakes.programmeId, ids))),
              ),
            )!;
      conditions.push(or(sql`not ${isStudent}`, tied)!);
    }
    const where = and(...conditions);
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(people).where(where);
    const rows = await db
      .select({
        id: people.id,
        firstName: people.firstName,
        lastName: people.lastName,
        email: people.email,
        studentNumber: people.studentNumber,
        deactivatedAt: people.deactivatedAt,
        activated: activatedSql,
      })
      .from(people)
      .where(where)
      .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE);
    return { rows, total: Number(count?.n ?? 0) };
  },

  /** A person of the institution with their account facts, or undefined. */
  async person(personId: string) {
    const [row] = await db
      .select({
        id: people.id,
        institutionId: people.institutionId,
        firstName: people.firstName,
        lastName: people.lastName,
        email: people.email,
        locale: people.locale,
        studentNumber: people.studentNumber,
        deactivatedAt: people.deactivatedAt,
        activated: activatedSql,
      })
      .from(people)
      .where(eq(people.id, personId));
    return row;
  },

  /** The programmes a person is tied to: a role in one, or enrolment in a class of its intake. */
  async programmeTies(personId: string): Promise<string[]> {
    const fromRoles = await db
      .selectDistinct({ id: roleAssignments.programmeId })
      .from(roleAssignments)
      .where(eq(roleAssignments.personId, personId));
    const fromClasses = await db
      .selectDistinct({ id: intakes.programmeId })
      .from(classMembers)
      .innerJoin(classes, eq(classes.id, classMembers.classId))
      .innerJoin(intakes, eq(intakes.id, classes.intakeId))
      .where(eq(classMembers.personId, personId));
    return [...new Set([...fromRoles, ...fromClasses].map((r) => r.id).filter((id): id is string => id !== null))];
  },

  async grantsOf(personIds: string[]) {
    if (personIds.length === 0) return [];
    return db
      .select({ personId: roleAssignments.personId, role: roleAssignments.role, programmeId: roleAssignments.programmeId, createdAt: roleAssignments.createdAt })
      .from(roleAssignments)
      .where(inArray(roleAssignments.personId, personIds))
      .orderBy(asc(roleAssignments.createdAt));
  },

  async programmesOf(institutionId: string) {
    return db
      .select({ id: programmes.id, nameNl: programmes.nameNl, nameEn: programmes.nameEn })
      .from(programmes)
      .where(eq(programmes.institutionId, institutionId))
      .orderBy(asc(programmes.nameNl));
  },

  async createPerson(row: { institutionId: string; firstName: string; lastName: string; email: string; locale: 'nl' | 'en' }) {
    const [created] = await db.insert(people).values(row).onConflictDoNothing().returning({ id: people.id });
    return created?.id;
  },

  /** Inserts the grant; false when the person already holds it (a concurrent grant won). */
  async insertGrant(grant: { personId: string; role: Role; institutionId: string; programmeId: string | null }): Promise<boolean> {
    const inserted = await db.insert(roleAssignments).values(grant).onConflictDoNothing().returning({ id: roleAssignments.id });
    return inserted.length > 0;
  },

  /** Deletes the grant; false when it was not held (a concurrent revoke won). */
  async deleteGrant(grant: { personId: string; role: Role; institutionId: string; programmeId: string | null }): Promise<boolean> {
    const deleted = await db
      .delete(roleAssignments)
      .where(
        and(
          eq(roleAssignments.personId, grant.personId),
          eq(roleAssignments.role, grant.role),
          eq(roleAssignments.institutionId, grant.institutionId),
          grant.programmeId === null ? isNull(roleAssignments.programmeId) : eq(roleAssignments.programmeId, grant.programmeId),
        ),
      )
      .returning({ id: roleAssignments.id });
    return deleted.length > 0;
  },

  async holdsGrant(grant: { personId: string; role: Role; institutionId: string; programmeId: string | null }): Promise<boolean> {
    const [row] = await db
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.personId, grant.personId),
          eq(roleAssignments.role, grant.role),
          eq(roleAssignments.institutionId, grant.institutionId),
          grant.programmeId === null ? isNull(roleAssignments.programmeId) : eq(roleAssignments.programmeId, grant.programmeId),
        ),
      );
    return row !== undefined;
  },

  /** Active institution-wide beheerders of the institution other than `personId`. */
  async otherActiveBeheerders(institutionId: string, personId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${people.id})::int` })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(
        and(
          eq(roleAssignments.institutionId, institutionId),
          eq(roleAssignments.role, 'beheerder'),
          isNull(roleAssignments.programmeId),
          isNull(people.deactivatedAt),
          ne(people.id, personId),
        ),
      );
    return Number(row?.n ?? 0);
  },

  /**
   * Serialises role and account changes within one institution for the rest of the transaction,
   * so two beheerders revoking each other at once cannot leave the institution without one.
   */
  async lockInstitution(institutionId: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`people:${institutionId}`}))`);
  },

  async setDeactivated(personId: string, at: Date | null): Promise<void> {
    await db.update(people).set({ deactivatedAt: at }).where(eq(people.id, personId));
  },

  async recordEvent(event: {
    institutionId: string;
    personId: string;
    actorId: string;
    actorRole: Role | null;
    kind: RoleEventKind;
    role?: Role | null;
    programmeId?: string | null;
    reason?: string | null;
    details?: Record<string, unknown>;
    at: Date;
  }): Promise<void> {
    await db.insert(roleEvents).values({ ...event, reason: event.reason || null, details: event.details ?? {} });
  },

  /** The person's role history, newest first, with the actor's name. */
  async history(personId: string) {
    return db
      .select({
        id: roleEvents.id,
        kind: roleEvents.kind,
        role: roleEvents.role,
        programmeId: roleEvents.programmeId,
        reason: roleEvents.reason,
        details: roleEvents.details,
        at: roleEvents.at,
        actorRole: roleEvents.actorRole,
        actorFirstName: people.firstName,
        actorLastName: people.lastName,
      })
      .from(roleEvents)
      .leftJoin(people, eq(people.id, roleEvents.actorId))
      .where(eq(roleEvents.personId, personId))
      .orderBy(desc(roleEvents.at), desc(roleEvents.id));
  },

  /** Classes of the programme's intakes, with their leercoach. */
  async classesOfProgramme(programmeId: string) {
    return db
      .select({
        id: classes.id,
        code: classes.code,
        academicYear: intakes.academicYear,
        month: intakes.month,
        leercoachId: classes.leercoachId,
        leercoachFirstName: people.firstName,
        leercoachLastName: people.lastName,
      })
      .from(classes)
      .innerJoin(intakes, eq(intakes.id, classes.intakeId))
      .leftJoin(people, eq(people.id, classes.leercoachId))
      .where(eq(intakes.programmeId, programmeId))
      .orderBy(desc(intakes.academicYear), asc(intakes.month), asc(classes.code));
  },

  /** Classes a leercoach has, per programme. */
  async classesLedBy(personId: string) {
    return db
      .select({ id: classes.id, code: classes.code, academicYear: intakes.academicYear, month: intakes.month, programmeId: intakes.programmeId })
      .from(classes)
      .innerJoin(intakes, eq(intakes.id, classes.intakeId))
      .where(eq(classes.leercoachId, personId))
      .orderBy(desc(intakes.academicYear), asc(classes.code));
  },

  /** Makes the person leercoach of exactly `classIds` among the programme's classes. */
  async setClassesLedBy(personId: string, programmeId: string, classIds: string[]): Promise<void> {
    const inProgramme = db.select({ id: classes.id }).from(classes).innerJoin(intakes, eq(intakes.id, classes.intakeId)).where(eq(intakes.programmeId, programmeId));
    await db
      .update(classes)
      .set({ leercoachId: null })
      .where(and(eq(classes.leercoachId, personId), inArray(classes.id, inProgramme)));
    if (classIds.length > 0) await db.update(classes).set({ leercoachId: personId }).where(and(inArray(classes.id, classIds), inArray(classes.id, inProgramme)));
  },

  /** Student coaches of the programme, with the names of their senior coaches there. */
  async coachesOfProgramme(programmeId: string) {
    const coaches = await db
      .selectDistinct({ id: people.id, firstName: people.firstName, lastName: people.lastName })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(and(eq(roleAssignments.role, 'studentcoach'), eq(roleAssignments.programmeId, programmeId), isNull(people.deactivatedAt)))
      .orderBy(asc(people.lastName), asc(people.firstName));
    const links = await db
      .select({ coachId: coachSupervision.coachId, seniorId: coachSupervision.seniorId, firstName: people.firstName, lastName: people.lastName })
      .from(coachSupervision)
      .innerJoin(people, eq(people.id, coachSupervision.seniorId))
      .where(eq(coachSupervision.programmeId, programmeId));
    return coaches.map((c) => ({ ...c, seniors: links.filter((l) => l.coachId === c.id) }));
  },

  /** The coaches a senior coach supervises, per programme. */
  async supervisedBy(seniorId: string) {
    return db
      .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, programmeId: coachSupervision.programmeId })
      .from(coachSupervision)
      .innerJoin(people, eq(people.id, coachSupervision.coachId))
      .where(eq(coachSupervision.seniorId, seniorId))
      .orderBy(asc(people.lastName), asc(people.firstName));
  },

  /** The senior coach supervises exactly `coachIds` in the programme. */
  async setSupervised(seniorId: string, programmeId: string, coachIds: string[]): Promise<void> {
    await db.delete(coachSupervision).where(and(eq(coachSupervision.seniorId, seniorId), eq(coachSupervision.programmeId, programmeId)));
    if (coachIds.length > 0) await db.insert(coachSupervision).values(coachIds.map((coachId) => ({ seniorId, coachId, programmeId }))).onConflictDoNothing();
  },
});

export type PeopleRepository = ReturnType<typeof peopleRepository>;
