/**
 * Student import benchmark: `npm run bench:import [-- --rows 40000 --db postgres|pglite]`.
 * Generates an Osiris-like CSV, imports it into a fresh database (a throwaway PostgreSQL cluster
 * from scripts/pg-cluster.sh by default), then imports it again to show the re-import is an
 * idempotent update. Prints the times; docs/performance/import.md records them.
 */
import { execFileSync } from 'node:child_process';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { count, eq } from 'drizzle-orm';
import pg from 'pg';
import { guessMapping } from '../../src/domain/programme/student-rows';
import { openDatabase, type Database } from '../../src/server/db/client';
import { classMembers, people } from '../../src/server/db/schema';
import { importStudents } from '../../src/server/modules/programme/import-students';
import { parseCsv } from '../../src/server/modules/programme/parse-csv';
import { factories } from '../../src/server/testing/factories';
import { generateStudentCsv } from './generate';

const options = new Command()
  .option('--rows <n>', 'rows in the generated file', '40000')
  .option('--db <kind>', 'postgres (throwaway cluster) or pglite (in memory)', 'postgres')
  .parse()
  .opts<{ rows: string; db: string }>();

async function withDatabase<T>(kind: string, run: (db: Database) => Promise<T>): Promise<T> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      return await run(database);
    } finally {
      await database.close();
    }
  }
  const env = execFileSync('bash', ['scripts/pg-cluster.sh', 'start'], { encoding: 'utf8' });
  const url = /PEERKRACHT_TEST_PG_URL=(\S+)/.exec(env)?.[1];
  const dir = /PEERKRACHT_TEST_PG_DIR=(\S+)/.exec(env)?.[1];
  if (!url || !dir) throw new Error(`pg-cluster.sh gave no URL:\n${env}`);
  try {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('create database pk_bench_import');
    await admin.end();
    const database = await openDatabase({ kind: 'postgres', url: url.replace(/\/postgres$/, '/pk_bench_import') });
    try {
      return await run(database);
    } finally {
      await database.close();
    }
  } finally {
    execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]);
  }
}

async function main() {
  const rows = Number(options.rows);
  const csv = generateStudentCsv(rows);
  console.log(`Generated ${rows.toLocaleString('en')} rows (${(csv.length / 1_048_576).toFixed(1)} MB), database: ${options.db}`);
  await withDatabase(options.db, async ({ db, kind }) => {
    const f = factories(db);
    const institution = await f.institution({ name: 'Benchmark' });
    const programme = await f.programme(institution.id);
    const intake = await f.intake(programme.id);
    const target = { institutionId: institution.id, programmeId: programme.id, intakeId: intake.id };
    for (const label of ['first import', 're-import (idempotent update)']) {
      const bar = new cliProgress.SingleBar({ format: `${label.padEnd(30)} {bar} {value}/{total} rows | {duration_formatted}` }, cliProgress.Presets.shades_classic);
      const started = performance.now();
      const { headers, rows: cells } = parseCsv(csv);
      bar.start(cells.length, 0);
      const result = await importStudents({ db, target, rows: cells, mapping: guessMapping(headers), now: () => new Date(), onProgress: (p) => bar.update(p.processed) });
      bar.stop();
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${label}: ${seconds.toFixed(1)} s on ${kind} — ${result.created} new, ${result.updated} updated, ${result.failed} rows with errors (${Math.round(cells.length / seconds).toLocaleString('en')} rows/s)`,
      );
    }
    const [students] = await db.select({ n: count() }).from(people).where(eq(people.institutionId, institution.id));
    const [memberships] = await db.select({ n: count() }).from(classMembers);
    console.log(`In the database: ${students?.n} students, ${memberships?.n} class memberships (no duplicates after the re-import).`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
