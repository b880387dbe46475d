/**
 * The student import as a durable job (kind `student-import`): the import row holds the uploaded
 * file, the column mapping and a cursor (good rows committed). Each batch commits its rows, the
 * counts and the cursor in one transaction, and beats the job's heartbeat; if the process dies,
 * the job's lease runs out and any instance's poller resumes at the cursor. When the import ends
 * — done, or given up after the last attempt — the file is cleared.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ColumnMapping } from '../../../domain/programme/student-rows';
import { intakes, programmes, studentImports } from '../../db/schema';
import { extendLease, MAX_ATTEMPTS } from '../jobs/public';
import type { JobHandler } from '../jobs/public';
import { importStudents, type RowError } from './import-students';
import { parseCsv } from './parse-csv';

export const STUDENT_IMPORT_JOB = 'student-import';
export const importJobKey = (importId: string) => `${STUDENT_IMPORT_JOB}:${importId}`;
/** A live import beats every batch (well under a second); a dead one is taken over a minute later. */
export const IMPORT_LEASE_MS = 60_000;

const Payload = z.object({ importId: z.string().uuid() });

/** Another worker committed this import's next batch first: this one stops, its batch undone. */
class ImportMovedOn extends Error {}

export const runStudentImport: JobHandler = async ({ services, job, log }) => {
  const { importId } = Payload.parse(job.payload);
  const { db } = services;
  const [row] = await db
    .select({ imp: studentImports, institutionId: programmes.institutionId, programmeId: programmes.id })
    .from(studentImports)
    .innerJoin(intakes, eq(intakes.id, studentImports.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(eq(studentImports.id, importId));
  // Gone (intake deleted), or already ended: nothing to do.
  if (!row || row.imp.status !== 'running' || row.imp.csv === null || row.imp.mapping === null) return;
  const imp = row.imp;
  try {
    await importStudents({
      db,
      target: { institutionId: row.institutionId, programmeId: row.programmeId, intakeId: imp.intakeId },
      rows: parseCsv(imp.csv!).rows,
      mapping: imp.mapping as ColumnMapping,
      now: services.now,
      resume: {
        goodRowsDone: imp.goodRowsDone,
        progress: { total: imp.total, processed: imp.processed, created: imp.created, updated: imp.updated, failed: imp.failed },
      },
      onBatch: async (tx, { progress, goodRowsBefore, goodRowsDone, batchErrors }) => {
        // The cursor must be where this worker left it; otherwise another worker got here first.
        const moved = await tx
          .update(studentImports)
          .set({
            ...progress,
            goodRowsDone,
            rowErrors: sql`${studentImports.rowErrors} || ${JSON.stringify(batchErrors)}::jsonb`,
          })
          .where(and(eq(studentImports.id, importId), eq(studentImports.status, 'running'), eq(studentImports.goodRowsDone, goodRowsBefore)))
          .returning({ id: studentImports.id });
        if (moved.length === 0) throw new ImportMovedOn();
        await extendLease(tx, job.id, services.now(), IMPORT_LEASE_MS);
      },
      // After each batch has committed: ids and counts only.
      onProgress: (progress) => log?.info({ importId, processed: progress.processed, total: progress.total }, 'student import: batch committed'),
    });
  } catch (error) {
    if (error instanceof ImportMovedOn) return;
    if (job.attempts >= MAX_ATTEMPTS) {
      await db.update(studentImports).set({ status: 'failed', csv: null, finishedAt: services.now() }).where(eq(studentImports.id, importId));
    }
    throw error;
  }
  const [done] = await db.select({ rowErrors: studentImports.rowErrors }).from(studentImports).where(eq(studentImports.id, importId));
  const rowErrors = ((done?.rowErrors ?? []) as RowError[]).sort((a, b) => a.line - b.line);
  await db
    .update(studentImports)
    .set({ status: 'done', rowErrors, csv: null, finishedAt: services.now() })
    .where(and(eq(studentImports.id, importId), eq(studentImports.status, 'running')));
};
