/** SQL of the programme context: structure, and the resources the access policy decides on. */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { intakeResource } from '../relations/public';
import { classes, classMembers, communities, communityMembers, intakes, people, programmes, roleAssignments, studentImports } from '../../db/schema';

export async function classResource(db: Db, institutionId: string, classId: string) {
  const [row] = await db
    .select({ programmeId: intakes.programmeId, leercoachId: classes.leercoachId, intakeId: classes.intakeId })
    .from(classes)
    .innerJoin(intakes, eq(intakes.id, classes.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(and(eq(classes.id, classId), eq(programmes.institutionId, institutionId)));
  return row ? { kind: 'class' as const, institutionId, ...row } : null;
}

export async function importResource(db: Db, institutionId: string, importId: string) {
  const [row] = await db
    .select({ intakeId: studentImports.intakeId })
    .from(studentImports)
    .where(eq(studentImports.id, importId));
  return row ? intakeResource(db, institutionId, row.intakeId) : null;
}

export async function intakeRow(db: Db, intakeId: string) {
  const [row] = await db.select().from(intakes).where(eq(intakes.id, intakeId));
  return row ?? null;
}

/** People holding a role in a programme (or institution-wide), for pick lists. */
export async function peopleWithRole(db: Db, institutionId: string, programmeId: string, role: 'leercoach' | 'studentcoach' | 'seniorcoach') {
  return db
    .selectDistinct({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.institutionId, institutionId),
        eq(roleAssignments.role, role),
        sql`(${roleAssignments.programmeId} = ${programmeId} or ${roleAssignments.programmeId} is null)`,
      ),
    )
    .orderBy(people.firstName, people.lastName);
}

/** Class rows of intakes with leercoach and student count. */
export async function classesOf(db: Db, intakeIds: string[]) {
  if (intakeIds.length === 0) return [];
  return db
    .select({
      id: classes.id,
      intakeId: classes.intakeId,
      code: classes.code,
      leercoachId: classes.leercoachId,
      leercoachFirst: people.firstName,
      leercoachLast: people.lastName,
      studentCount: sql<number>`(select count(*)::int from ${classMembers} where ${classMembers.classId} = ${classes.id})`,
    })
    .from(classes)
    .leftJoin(people, eq(people.id, classes.leercoachId))
    .where(inArray(classes.intakeId, intakeIds))
    .orderBy(classes.code);
}

export async function communityCounts(db: Db, intakeIds: string[]) {
  if (intakeIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ intakeId: communities.intakeId, n: count() })
    .from(communities)
    .where(inArray(communities.intakeId, intakeIds))
    .groupBy(communities.intakeId);
  return new Map(rows.map((r) => [r.intakeId, r.n]));
}

/** The intake's students with their class and current community. */
export async function studentsOfIntake(db: Db, intakeId: string) {
  return db
    .select({
      id: people.id,
      studentNumber: classMembers.studentNumber,
      firstName: people.firstName,
      lastName: people.lastName,
      email: people.email,
      locale: people.locale,
      classCode: classes.code,
      communityId: sql<string | null>`(
        select ${communityMembers.communityId} from ${communityMembers}
        join ${communities} on ${communities.id} = ${communityMembers.communityId}
        where ${communityMembers.personId} = ${people.id} and ${communityMembers.leftOn} is null and ${communities.intakeId} = ${intakeId}
        limit 1)`,
    })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(people, eq(people.id, classMembers.personId))
    .where(eq(classes.intakeId, intakeId))
    .orderBy(classes.code, people.lastName, people.firstName);
}

