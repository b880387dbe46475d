/**
 * The student import: CSV rows → people (coachees) in classes of an intake. Idempotent, keyed on
 * the student number: a second import of the same file updates and never duplicates. Good rows
 * are imported in transactions of 1,000 with multi-row `INSERT … ON CONFLICT DO UPDATE`; bad rows
 * are reported with their line and reasons. Used by the HTTP route and the benchmark.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { checkRows, type CheckedRow, type ColumnMapping, type RowErrorCode, type StudentRow } from '../../../domain/programme/student-rows';
import type { Db } from '../../db/client';
import { classes, classMembers, people, roleAssignments } from '../../db/schema';

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

async function ensureClasses(db: Db, intakeId: string, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length > 0) {
    await db.insert(classes).values(unique.map((code) => ({ intakeId, code }))).onConflictDoNothing();
  }
  const rows = await db.select({ id: classes.id, code: classes.code }).from(classes).where(eq(classes.intakeId, intakeId));
  return new Map(rows.map((r) => [r.code, r.id]));
}

type Target = { institutionId: string; programmeId: string; intakeId: string };

/**
 * One batch in one transaction. E-mail addresses that belong to someone with another student
 * number are row errors; a known person without a student number (added by hand before) gets it.
 */
async function importBatch(db: Db, target: Target, classIds: Map<string, string>, batch: GoodRow[]) {
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
    const upserted = await tx
      .insert(people)
      .values(
        rows.map(({ row }) => ({
          institutionId: target.institutionId,
          studentNumber: row.studentNumber,
          firstName: row.firstName,
          lastName: row.lastName,
          email: row.email,
          locale: row.locale,
        })),
      )
      .onConflictDoUpdate({
        target: [people.institutionId, people.studentNumber],
        set: { firstName: sql`excluded.first_name`, lastName: sql`excluded.last_name`, email: sql`excluded.email`, locale: sql`excluded.locale` },
      })
      .returning({ id: people.id, studentNumber: people.studentNumber, inserted: sql<boolean>`(xmax = 0)` });
    const idByNumber = new Map(upserted.map((u) => [u.studentNumber ?? '', u.id]));
    const ids = upserted.map((u) => u.id);
    await tx
      .insert(roleAssignments)
      .values(ids.map((personId) => ({ personId, role: 'coachee' as const, institutionId: target.institutionId, programmeId: target.programmeId })))
      .onConflictDoNothing();
    // One class per student per intake: the file says which.
    await tx.delete(classMembers).where(and(inArray(classMembers.personId, ids), inArray(classMembers.classId, [...classIds.values()])));
    await tx.insert(classMembers).values(
      rows.map(({ row }) => ({ classId: classIds.get(row.classCode)!, personId: idByNumber.get(row.studentNumber)!, studentNumber: row.studentNumber })),
    );
    const created = upserted.filter((u) => u.inserted).length;
    return { created, updated: upserted.length - created, errors };
  });
}

export async function importStudents(options: {
  db: Db;
  target: Target;
  rows: readonly (readonly string[])[];
  mapping: ColumnMapping;
  onProgress?: (progress: ImportProgress) => Promise<void> | void;
}): Promise<ImportResult> {
  const { db, target } = options;
  const { good, bad } = splitRows(options.rows, options.mapping);
  const rowErrors: RowError[] = [...bad];
  const progress: ImportProgress = { total: options.rows.length, processed: bad.length, created: 0, updated: 0, failed: bad.length };
  const classIds = await ensureClasses(db, target.intakeId, good.map((g) => g.row.classCode));
  for (let i = 0; i < good.length; i += IMPORT_BATCH_SIZE) {
    const batch = good.slice(i, i + IMPORT_BATCH_SIZE);
    let result: Awaited<ReturnType<typeof importBatch>>;
    try {
      result = await importBatch(db, target, classIds, batch);
    } catch {
      // Someone changed the same people meanwhile: go row by row so one bad row fails alone.
      result = { created: 0, updated: 0, errors: [] };
      for (const row of batch) {
        try {
          const one = await importBatch(db, target, classIds, [row]);
          result.created += one.created;
          result.updated += one.updated;
          result.errors.push(...one.errors);
        } catch {
          result.errors.push({ line: row.line, studentNumber: row.row.studentNumber, errors: ['emailTaken'] });
        }
      }
    }
    progress.created += result.created;
    progress.updated += result.updated;
    progress.failed += result.errors.length;
    progress.processed += batch.length;
    rowErrors.push(...result.errors);
    await options.onProgress?.({ ...progress });
  }
  rowErrors.sort((a, b) => a.line - b.line);
  return { ...progress, rowErrors };
}
