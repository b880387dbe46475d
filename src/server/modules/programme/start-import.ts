import { desc, eq } from 'drizzle-orm';
import type { ImportResponse } from '../../../contracts/programme';
import { missingFields, type ColumnMapping } from '../../../domain/programme/student-rows';
import type { Services } from '../../context';
import { studentImports } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { importStudents, type RowError } from './import-students';
import { parseCsv } from './parse-csv';

export type StartImportOptions = {
  services: Services;
  actorId: string;
  target: { institutionId: string; programmeId: string; intakeId: string };
  fileName: string;
  csv: string;
  mapping: ColumnMapping;
  /** Tests and the CLI wait for the end; the HTTP route answers at once and the client polls. */
  wait?: boolean;
};

/**
 * Records the import and runs it; progress is written to the import row after every batch, so
 * any app instance can answer "how far is it".
 */
export async function startImport(options: StartImportOptions): Promise<{ id: string; done: Promise<void> }> {
  const { services, target } = options;
  if (missingFields(options.mapping).length > 0) throw new AppError('validation_failed', 'mapping incomplete', {}, [{ path: 'mapping', message: 'mapping' }]);
  const { rows } = parseCsv(options.csv);
  const [record] = await services.db
    .insert(studentImports)
    .values({ intakeId: target.intakeId, createdById: options.actorId, fileName: options.fileName || 'import.csv', total: rows.length })
    .returning({ id: studentImports.id });
  const id = record!.id;
  const done = importStudents({
    db: services.db,
    target,
    rows,
    mapping: options.mapping,
    onProgress: async (p) => {
      await services.db.update(studentImports).set(p).where(eq(studentImports.id, id));
    },
  })
    .then(async (result) => {
      await services.db
        .update(studentImports)
        .set({ ...result, rowErrors: result.rowErrors, status: 'done', finishedAt: services.now() })
        .where(eq(studentImports.id, id));
    })
    .catch(async () => {
      await services.db.update(studentImports).set({ status: 'failed', finishedAt: services.now() }).where(eq(studentImports.id, id));
    });
  if (options.wait) await done;
  return { id, done };
}

const toResponse = (row: typeof studentImports.$inferSelect): ImportResponse => ({
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
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

export async function getImport({ services, importId }: { services: Services; importId: string }): Promise<ImportResponse> {
  const [row] = await services.db.select().from(studentImports).where(eq(studentImports.id, importId));
  if (!row) throw new AppError('not_found');
  return toResponse(row);
}

export async function listImports({ services, intakeId }: { services: Services; intakeId: string }) {
  const rows = await services.db.select().from(studentImports).where(eq(studentImports.intakeId, intakeId)).orderBy(desc(studentImports.createdAt)).limit(20);
  return {
    // The list leaves the row errors out; one import's page shows them.
    imports: rows.map((r) => ({ ...toResponse(r), rowErrors: undefined })),
  };
}
