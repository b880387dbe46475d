/** SQL of group formation: attribute settings, disclosures, the students in scope, grouping runs. */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import { usableAttributes, type GroupingAttribute } from '../../../domain/grouping/student-attributes';
import type { StudentForGrouping } from '../../../domain/grouping/student-grouping-types';
import type { Db } from '../../db/client';
import { classes, classMembers, communities, communityMembers, groupingAttributeSettings, groupingRuns, intakes, people, programmes, studentAttributes } from '../../db/schema';
import { withConsent } from '../consent/public';

export type GroupingRunRow = typeof groupingRuns.$inferSelect;

export async function attributeSettingsOf(db: Db, institutionId: string) {
  return db.select().from(groupingAttributeSettings).where(eq(groupingAttributeSettings.institutionId, institutionId));
}

export async function enabledAttributes(db: Db, institutionId: string): Promise<Set<string>> {
  const rows = await attributeSettingsOf(db, institutionId);
  return new Set(rows.filter((r) => r.enabled).map((r) => r.attribute));
}

export async function saveAttributeSetting(db: Db, institutionId: string, attribute: string, enabled: boolean, fromImport: boolean, at: Date) {
  await db
    .insert(groupingAttributeSettings)
    .values({ institutionId, attribute, enabled, fromImport, updatedAt: at })
    .onConflictDoUpdate({ target: [groupingAttributeSettings.institutionId, groupingAttributeSettings.attribute], set: { enabled, fromImport, updatedAt: at } });
}

export async function storedAttributesOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db.select().from(studentAttributes).where(inArray(studentAttributes.personId, [...personIds]));
}

export async function saveStudentAttribute(db: Db, personId: string, attribute: GroupingAttribute, value: string, at: Date) {
  await db
    .insert(studentAttributes)
    .values({ personId, attribute, value, source: 'student', confirmed: true, updatedAt: at })
    .onConflictDoUpdate({ target: [studentAttributes.personId, studentAttributes.attribute], set: { value, source: 'student', confirmed: true, updatedAt: at } });
}

export async function deleteStudentAttributes(db: Db, personId: string, attributes: readonly string[]) {
  if (attributes.length === 0) return;
  await db.delete(studentAttributes).where(and(eq(studentAttributes.personId, personId), inArray(studentAttributes.attribute, [...attributes])));
}

export type ScopeStudent = { id: string; firstName: string; lastName: string; classId: string; classCode: string };

/** Students of the intake (or one class) who are not in a current community of the intake. */
export async function unplacedStudents(db: Db, intakeId: string, classId: string | null): Promise<ScopeStudent[]> {
  return db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, classId: classes.id, classCode: classes.code })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(people, eq(people.id, classMembers.personId))
    .where(
      and(
        eq(classes.intakeId, intakeId),
        classId === null ? undefined : eq(classes.id, classId),
        sql`not exists (select 1 from ${communityMembers} join ${communities} on ${communities.id} = ${communityMembers.communityId}
          where ${communityMembers.personId} = ${people.id} and ${communityMembers.leftOn} is null and ${communities.intakeId} = ${intakeId})`,
      ),
    )
    .orderBy(asc(classes.code), asc(people.lastName), asc(people.firstName), asc(people.id));
}

/**
 * The students as the engine sees them: only values that are usable right now (enabled by the
 * institution, disclosed or confirmed by the student, background only with consent). Loaded
 * fresh for every run and every evaluation, so a withdrawal counts at once.
 */
export async function studentsForGrouping(db: Db, institutionId: string, students: readonly ScopeStudent[]): Promise<StudentForGrouping[]> {
  const ids = students.map((s) => s.id);
  const [enabled, stored, consented] = await Promise.all([enabledAttributes(db, institutionId), storedAttributesOf(db, ids), withConsent(db, ids, CONSENT_FOR.groupingBackground)]);
  const byPerson = new Map<string, typeof stored>();
  for (const row of stored) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
  return students.map((s) => ({
    id: s.id,
    classId: s.classId,
    attributes: usableAttributes({ enabled, stored: byPerson.get(s.id) ?? [], backgroundConsent: consented.has(s.id), classCode: s.classCode }),
  }));
}

export async function intakeWithProgramme(db: Db, intakeId: string) {
  const [row] = await db
    .select({ intake: intakes, institutionId: programmes.institutionId })
    .from(intakes)
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(intakes.id, intakeId));
  return row ?? null;
}

export async function classesOfIntake(db: Db, intakeId: string) {
  return db.select({ id: classes.id, code: classes.code }).from(classes).where(eq(classes.intakeId, intakeId)).orderBy(asc(classes.code));
}

export async function runById(db: Db, runId: string): Promise<GroupingRunRow | null> {
  const [row] = await db.select().from(groupingRuns).where(eq(groupingRuns.id, runId));
  return row ?? null;
}

export async function latestRunOf(db: Db, intakeId: string) {
  const [row] = await db
    .select({ id: groupingRuns.id })
    .from(groupingRuns)
    .where(and(eq(groupingRuns.intakeId, intakeId), inArray(groupingRuns.status, ['running', 'draft'])))
    .orderBy(desc(groupingRuns.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** The policy resource of a run: its intake's programme. */
export async function runResource(db: Db, institutionId: string, runId: string) {
  const [row] = await db
    .select({ programmeId: intakes.programmeId })
    .from(groupingRuns)
    .innerJoin(intakes, eq(intakes.id, groupingRuns.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(and(eq(groupingRuns.id, runId), eq(programmes.institutionId, institutionId)));
  return row ? { kind: 'programme' as const, institutionId, programmeId: row.programmeId } : null;
}

/** Names and classes of people (the members of a proposal). */
export async function studentsByIds(db: Db, intakeId: string, ids: readonly string[]): Promise<ScopeStudent[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, classId: classes.id, classCode: classes.code })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(people, eq(people.id, classMembers.personId))
    .where(and(eq(classes.intakeId, intakeId), inArray(people.id, [...ids])))
    .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
}

/** Which of these people are now in a current community of the intake (placed since the run). */
export async function alreadyPlaced(db: Db, intakeId: string, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ personId: communityMembers.personId })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communities.intakeId, intakeId), isNull(communityMembers.leftOn), inArray(communityMembers.personId, [...personIds])));
  return rows.map((r) => r.personId);
}

/**
 * The highest number among the intake's communities named "<prefix> <number>" (0 if none), so new
 * communities continue that series — and start at 1 next to communities with other names.
 */
export async function lastNumberWithPrefix(db: Db, intakeId: string, prefix: string): Promise<number> {
  const rows = await db.select({ name: communities.name }).from(communities).where(eq(communities.intakeId, intakeId));
  let last = 0;
  for (const { name } of rows) {
    if (!name.startsWith(`${prefix} `)) continue;
    const rest = name.slice(prefix.length + 1);
    if (/^\d{1,6}$/.test(rest)) last = Math.max(last, Number(rest));
  }
  return last;
}
