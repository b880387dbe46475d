/**
 * The student import: CSV rows → people (coachees) in classes of an intake. Idempotent, keyed on
 * the student number: a second import of the same file updates and never duplicates. Good rows
 * are imported in transactions of 1,000 with multi-row `INSERT … ON CONFLICT DO UPDATE`; bad rows
 * are reported with their line and reasons. Used by the HTTP route and the benchmark.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { checkRows, type CheckedRow, type ColumnMapping, type RowErrorCode, type StudentRow } from '../../../domain/programme/student-rows';
import type { Db } from '../../db/client';
import { classes, classMembers, groupingAttributeSettings, people, roleAssignments, studentAttributes } from '../../db/schema';
import { fromDatabaseError } from '../../errors/app-error';
import { syncClassCommunities } from '../classwide/public';

export const IMPORT_BATCH_SIZE = 1000;

export type RowError = { line: number; studentNumber: string; errors: RowErrorCode[] };
export type ImportProgress = { total: number; processed: number; created: number; updated: number; failed: number };
export type ImportResult = ImportProgress & { rowErrors: RowError[] };

type GoodRow = { line: number; row: StudentRow };

export function splitRows(rows: readonly (readonly string[])[], mapping: ColumnMapping): { good: GoodRow[]; bad: RowError[]; checked: CheckedRow[] } {
  const checked = checkRows(rows, mapping);
  const good: GoodRow[] = [];
  const bad: RowError[] = [];
  for (const c of checked) {
    if (c.result.ok) good.push({ line: c.line, row: c.result.row });
    else bad.push({ line: c.line, studentNumber: c.studentNumber, errors: c.result.errors });
  }
  return { good, bad, checked };
}

/** Both drivers answer `execute` with `{ rows }`; the shared Db type cannot say so. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** How many of these student numbers the institution already knows (for the preview). */
export async function countExisting(db: Db, institutionId: string, studentNumbers: string[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < studentNumbers.length; i += 5000) {
    const chunk = studentNumbers.slice(i, i + 5000);
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(and(eq(people.institutionId, institutionId), inArray(people.studentNumber, chunk)));
    n += row?.n ?? 0;
  }
  return n;
}

/**
 * Whether the file's prior education may be suggested to the students (ADR 0005): only when the
 * beheerder enabled the attribute for group formation and allowed it to come from the import.
 */
export async function importSuggestsPriorEducation(db: Db, institutionId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabled: groupingAttributeSettings.enabled, fromImport: groupingAttributeSettings.fromImport })
    .from(groupingAttributeSettings)
    .where(and(eq(groupingAttributeSettings.institutionId, institutionId), eq(groupingAttributeSettings.attribute, 'priorEducation')));
  return Boolean(row?.enabled && row.fromImport);
}

async function ensureClasses(db: Db, intakeId: string, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length > 0) {
    await db.insert(classes).values(unique.map((code) => ({ intakeId, code }))).onConflictDoNothing();
  }
  const rows = await db.select({ id: classes.id, code: classes.code }).from(classes).where(eq(classes.intakeId, intakeId));
  return new Map(rows.map((r) => [r.code, r.id]));
}

type Target = { institutionId: string; programmeId: string; intakeId: string };
type ImportOptions = { suggestPriorEducation: boolean; now: () => Date };

/**
 * One batch in one transaction. E-mail addresses that belong to someone with another student
 * number are row errors; a known person without a student number (added by hand before) gets it.
 */
async function importBatch(db: Db, target: Target, classIds: Map<string, string>, batch: GoodRow[], options: ImportOptions) {
  return db.transaction(async (tx) => {
    const emails = batch.map((b) => b.row.email);
    const owners = await tx
      .select({ id: people.id, email: sql<string>`lower(${people.email})`, studentNumber: people.studentNumber, institutionId: people.institutionId })
      .from(people)
      .where(inArray(sql`lower(${people.email})`, emails));
    const ownerByEmail = new Map(owners.map((o) => [o.email, o]));
    const errors: RowError[] = [];
    const rows: GoodRow[] = [];
    for (const b of batch) {
      const owner = ownerByEmail.get(b.row.email);
      if (owner && (owner.institutionId !== target.institutionId || (owner.studentNumber !== null && owner.studentNumber !== b.row.studentNumber))) {
        errors.push({ line: b.line, studentNumber: b.row.studentNumber, errors: ['emailTaken'] });
        continue;
      }
      if (owner && owner.studentNumber === null) {
        await tx.update(people).set({ studentNumber: b.row.studentNumber }).where(eq(people.id, owner.id));
      }
      rows.push(b);
    }
    if (rows.length === 0) return { created: 0, updated: 0, errors };
    // unnest() over one array per column: six parameters for a thousand rows, instead of six
    // thousand, keeps building, sending and planning the statement cheap.
    const col = (pick: (r: StudentRow) => string) => rows.map(({ row }) => pick(row));
    const upserted = rowsOf<{ id: string; student_number: string; inserted: boolean }>(
      await tx.execute(sql`
        insert into ${people} (institution_id, student_number, first_name, last_name, email, locale)
        select ${target.institutionId}::uuid, u.* from unnest(
          ${sql.param(col((r) => r.studentNumber))}::text[], ${sql.param(col((r) => r.firstName))}::text[], ${sql.param(col((r) => r.lastName))}::text[],
          ${sql.param(col((r) => r.email))}::text[], ${sql.param(col((r) => r.locale))}::text[]) as u
        on conflict (institution_id, student_number) do update
          set first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email, locale = excluded.locale
        returning id, student_number, (xmax = 0) as inserted`),
    );
    const idByNumber = new Map(upserted.map((u) => [u.student_number, u.id]));
    const ids = upserted.map((u) => u.id);
    await tx.execute(sql`
      insert into ${roleAssignments} (person_id, role, institution_id, programme_id)
      select p, 'coachee', ${target.institutionId}::uuid, ${target.programmeId}::uuid from unnest(${sql.param(ids)}::uuid[]) as p
      on conflict do nothing`);
    // One class per student per intake: the file says which.
    const before = rowsOf<{ class_id: string }>(
      await tx.execute(sql`
        delete from ${classMembers} where person_id = any(${sql.param(ids)}::uuid[])
          and class_id in (select id from ${classes} where intake_id = ${target.intakeId}::uuid)
        returning class_id`),
    );
    const newClassIds = rows.map(({ row }) => classIds.get(row.classCode)!);
    await tx.execute(sql`
      insert into ${classMembers} (class_id, person_id, student_number)
      select * from unnest(${sql.param(newClassIds)}::uuid[],
        ${sql.param(rows.map(({ row }) => idByNumber.get(row.studentNumber)!))}::uuid[], ${sql.param(col((r) => r.studentNumber))}::text[])`);
    // A class linked to a coach (class-wide, ADR 0027) is a community: its members follow the file
    // in this same transaction — new students join, students moved to another class leave as moved.
    await syncClassCommunities(tx, target.intakeId, [...new Set([...before.map((b) => b.class_id), ...newClassIds])], options.now());
    if (options.suggestPriorEducation) {
      // A suggestion only (source 'import', not confirmed): it counts for group formation once the
      // student confirms it on "About me" — which makes it their own answer (source 'student').
      // Their own answers are never overwritten; an unconfirmed suggestion follows the file.
      const suggested = rows.filter(({ row }) => row.priorEducation !== null);
      if (suggested.length > 0) {
        await tx.execute(sql`
          insert into ${studentAttributes} (person_id, attribute, value, source, confirmed, updated_at)
          select u.p, 'priorEducation', u.v, 'import', false, now()
          from unnest(${sql.param(suggested.map(({ row }) => idByNumber.get(row.studentNumber)!))}::uuid[],
            ${sql.param(suggested.map(({ row }) => row.priorEducation!))}::text[]) as u(p, v)
          on conflict (person_id, attribute) do update set value = excluded.value, confirmed = false, updated_at = excluded.updated_at
            where ${studentAttributes.source} = 'import' and ${studentAttributes.value} <> excluded.value`);
      }
    }
    const created = upserted.filter((u) => u.inserted).length;
    return { created, updated: upserted.length - created, errors };
  });
}

export type ImportState = { progress: ImportProgress; goodRowsDone: number };

export async function importStudents(options: {
  db: Db;
  target: Target;
  rows: readonly (readonly string[])[];
  mapping: ColumnMapping;
  /**
   * Continue a started import (a durable job after a restart): skip the good rows already
   * committed, and carry on counting from the counts committed with them.
   */
  resume?: ImportState;
  /**
   * Runs inside each batch's transaction, so the progress it records commits together with the
   * batch's rows — a resumed import neither skips nor counts a row twice. Throwing rolls the batch back.
   */
  onBatch?: (tx: Db, batch: ImportState & { goodRowsBefore: number; batchErrors: RowError[] }) => Promise<void>;
  onProgress?: (progress: ImportProgress) => Promise<void> | void;
  /** The clock (services.now): when class-community members join or leave. */
  now: () => Date;
}): Promise<ImportResult> {
  const { db, target } = options;
  const { good, bad } = splitRows(options.rows, options.mapping);
  const rowErrors: RowError[] = [...bad];
  const progress: ImportProgress = options.resume
    ? { ...options.resume.progress }
    : { total: options.rows.length, processed: bad.length, created: 0, updated: 0, failed: bad.length };
  const classIds = await ensureClasses(db, target.intakeId, good.map((g) => g.row.classCode));
  const importOptions: ImportOptions = { suggestPriorEducation: await importSuggestsPriorEducation(db, target.institutionId), now: options.now };
  for (let i = options.resume?.goodRowsDone ?? 0; i < good.length; i += IMPORT_BATCH_SIZE) {
    const batch = good.slice(i, i + IMPORT_BATCH_SIZE);
    const result = await db.transaction(async (tx) => {
      let batchResult: Awaited<ReturnType<typeof importBatch>>;
      try {
        // A savepoint inside the batch's transaction: a failure undoes only this attempt.
        batchResult = await importBatch(tx, target, classIds, batch, importOptions);
      } catch {
        // Someone changed the same people meanwhile: go row by row so one bad row fails alone.
        batchResult = { created: 0, updated: 0, errors: [] };
        for (const row of batch) {
          try {
            const one = await importBatch(tx, target, classIds, [row], importOptions);
            batchResult.created += one.created;
            batchResult.updated += one.updated;
            batchResult.errors.push(...one.errors);
          } catch (error) {
            // A unique violation on its own is an e-mail address taken meanwhile; anything else is a fault.
            if (fromDatabaseError(error)?.code !== 'conflict') throw error;
            batchResult.errors.push({ line: row.line, studentNumber: row.row.studentNumber, errors: ['emailTaken'] });
          }
        }
      }
      const next: ImportProgress = {
        ...progress,
        created: progress.created + batchResult.created,
        updated: progress.updated + batchResult.updated,
        failed: progress.failed + batchResult.errors.length,
        processed: progress.processed + batch.length,
      };
      await options.onBatch?.(tx, { progress: next, goodRowsBefore: i, goodRowsDone: i + batch.length, batchErrors: batchResult.errors });
      return { next, errors: batchResult.errors };
    });
    Object.assign(progress, result.next);
    rowErrors.push(...result.errors);
    await options.onProgress?.({ ...progress });
  }
  rowErrors.sort((a, b) => a.line - b.line);
  return { ...progress, rowErrors };
}
