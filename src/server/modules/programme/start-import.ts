import { desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { ImportResponse } from '../../../contracts/programme';
import { missingFields, type ColumnMapping } from '../../../domain/programme/student-rows';
import type { Services } from '../../context';
import { jobs, studentImports } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { runJobNow, scheduleJob, type JobLog } from '../jobs/public';
import { splitRows, type RowError } from './import-students';
import { importJobKey, runStudentImport, STUDENT_IMPORT_JOB } from './run-import-job';
import { parseCsv } from './parse-csv';

export type StartImportOptions = {
  services: Services;
  actorId: string;
  target: { institutionId: string; programmeId: string; intakeId: string };
  fileName: string;
  csv: string;
  mapping: ColumnMapping;
  /** Tests wait for the end; the HTTP route answers at once and the client polls. */
  wait?: boolean;
  /** Where the job reports each committed batch (ids and counts only): the request's logger. */
  log?: JobLog;
};

/**
 * Records the import with its file and schedules it as a durable job, in one transaction. The
 * rows that fail the checks are reported at once; the job imports the rest.
 */
export async function recordImport(options: Omit<StartImportOptions, 'wait' | 'log'>): Promise<string> {
  const { services, target } = options;
  if (missingFields(options.mapping).length > 0) throw new AppError('validation_failed', 'mapping incomplete', {}, [{ path: 'mapping', message: 'mapping' }]);
  const { rows } = parseCsv(options.csv);
  const { bad } = splitRows(rows, options.mapping);
  return services.db.transaction(async (tx) => {
    const [record] = await tx
      .insert(studentImports)
      .values({
        intakeId: target.intakeId,
        createdById: options.actorId,
        fileName: options.fileName || 'import.csv',
        total: rows.length,
        processed: bad.length,
        failed: bad.length,
        rowErrors: bad,
        csv: options.csv,
        mapping: options.mapping,
      })
      .returning({ id: studentImports.id });
    await scheduleJob(tx, { kind: STUDENT_IMPORT_JOB, payload: { importId: record!.id }, dueAt: services.now(), dedupeKey: importJobKey(record!.id) });
    return record!.id;
  });
}

/**
 * Records the import and starts its job in this process at once (rather than at the poller's
 * next tick). Progress is written to the import row with every batch, so any app instance can
 * answer "how far is it"; after a restart the job resumes where the last committed batch ended
 * (see run-import-job.ts).
 */
export async function startImport(options: StartImportOptions): Promise<{ id: string; done: Promise<void> }> {
  const { services } = options;
  const { wait, log, ...record } = options;
  const id = await recordImport(record);
  // Should this start fail (the database closing on shutdown), the poller takes the job over.
  const done = runJobNow({ services, dedupeKey: importJobKey(id), handler: runStudentImport, ...(log ? { log } : {}) }).catch(() => undefined);
  if (wait) await done;
  return { id, done };
}

/** Everything but the file (megabytes while an import runs), and how often its job started. */
const withoutFile = ({ csv: _csv, mapping: _mapping, ...rest }: typeof studentImports._.columns) => rest;
const listed = withoutFile(getTableColumns(studentImports));
const selectImports = (db: Services['db']) =>
  db
    .select({ ...listed, attempts: jobs.attempts })
    .from(studentImports)
    .leftJoin(jobs, eq(jobs.dedupeKey, sql`${importJobKey('')}::text || ${studentImports.id}::text`));

type Listed = Awaited<ReturnType<ReturnType<typeof selectImports>['where']>>[number];

const toResponse = (row: Listed): ImportResponse => ({
  id: row.id,
  intakeId: row.intakeId,
  fileName: row.fileName,
  status: row.status === 'done' || row.status === 'failed' ? row.status : 'running',
  total: row.total,
  processed: row.processed,
  created: row.created,
  updated: row.updated,
  failed: row.failed,
  rowErrors: row.rowErrors as RowError[],
  // A second attempt means the first stopped (a restart, or an error) and the import resumed.
  resumed: (row.attempts ?? 1) > 1,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

export async function getImport({ services, importId }: { services: Services; importId: string }): Promise<ImportResponse> {
  const [row] = await selectImports(services.db).where(eq(studentImports.id, importId));
  if (!row) throw new AppError('not_found');
  return toResponse(row);
}

export async function listImports({ services, intakeId }: { services: Services; intakeId: string }) {
  const rows = await selectImports(services.db).where(eq(studentImports.intakeId, intakeId)).orderBy(desc(studentImports.createdAt)).limit(20);
  return {
    // The list leaves the row errors out; one import's page shows them.
    imports: rows.map((r) => ({ ...toResponse(r), rowErrors: undefined })),
  };
}
