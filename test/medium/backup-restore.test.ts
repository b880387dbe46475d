/**
 * Backup and restore keep every row (issue 23, item 6), on the database the tier runs on:
 * PGlite through `peerkracht backup` / `restore` (backupDataDir / restoreDataDir), PostgreSQL
 * through `pg_dump --format=custom` / `pg_restore` exactly as docs/operations.md says. A database
 * with the demo programme plus activity (a student import through its durable job) is backed up,
 * restored into an empty database, and every table has the same row count and checksum (md5 over
 * each row's text in primary-key order). A backup made by an older version — the fixture
 * test/fixtures/backup-before-0014.sql.gz, the demo and an import at migration 0013 (see
 * make-older-backup.ts) — restored into the current version is migrated when the app opens it,
 * and every row of every old column is still there.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase, type Db } from '../../src/server/db/client';
import { backupDataDir, restoreDataDir } from '../../src/server/operations/backup';
import { fillDemoWithActivity, pgBin, rowsOf } from '../fixtures/older-backup';
import { testDbKind } from '../support/test-db';
import { tableChecksums, tableColumns } from '../support/table-checksums';

const kind = testDbKind();
const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/backup-before-0014.sql.gz');

const migrationCount = async (db: Db) => (await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n;

describe(`backup and restore on ${kind}`, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-restore-'));
  const made: string[] = [];
  let admin: pg.Client | null = null;
  const urlOf = (name: string) => {
    const url = new URL(process.env.PEERKRACHT_TEST_PG_URL!);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const newDatabase = async (label: string) => {
    const name = `pk_restore_${label}_${Math.random().toString(36).slice(2, 8)}`;
    await admin!.query(`create database ${name}`);
    made.push(name);
    return urlOf(name);
  };

  beforeAll(async () => {
    if (kind === 'postgres') {
      admin = new pg.Client({ connectionString: process.env.PEERKRACHT_TEST_PG_URL });
      await admin.connect();
    }
  });
  afterAll(async () => {
    for (const name of made) await admin?.query(`drop database if exists ${name} with (force)`);
    await admin?.end();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('restores the demo plus activity into an empty database: every table with the same rows and checksum', async () => {
    let before: Awaited<ReturnType<typeof tableChecksums>>;
    let after: Awaited<ReturnType<typeof tableChecksums>>;
    if (kind === 'pglite') {
      const dataDir = path.join(root, 'data');
      const source = await openDatabase({ kind: 'pglite', dataDir });
      await fillDemoWithActivity(source.db);
      before = await tableChecksums(source.db);
      await source.close();
      const file = path.join(root, 'backup.tar.gz');
      await backupDataDir(dataDir, file);
      const restoredDir = path.join(root, 'restored');
      await restoreDataDir(file, restoredDir);
      const restored = await openDatabase({ kind: 'pglite', dataDir: restoredDir });
      after = await tableChecksums(restored.db);
      await restored.close();
    } else {
      const sourceUrl = await newDatabase('source');
      const source = await openDatabase({ kind: 'postgres', url: sourceUrl, poolSize: 2 });
      await fillDemoWithActivity(source.db);
      before = await tableChecksums(source.db);
      await source.close();
      const file = path.join(root, 'peerkracht.dump');
      // docs/operations.md, "Backups": the same commands.
      execFileSync(pgBin('pg_dump'), ['--format=custom', `--file=${file}`, sourceUrl]);
      const targetUrl = await newDatabase('target');
      execFileSync(pgBin('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${targetUrl}`, file]);
      const restored = await openDatabase({ kind: 'postgres', url: targetUrl, poolSize: 2 });
      after = await tableChecksums(restored.db);
      await restored.close();
    }
    // Not an empty comparison: the demo and the import are in it.
    expect(before['public.people']!.rows).toBeGreaterThan(1200);
    expect(before['public.attendance_marks']!.rows).toBeGreaterThan(0);
    expect(before['public.student_imports']!.rows).toBe(1);
    expect(Object.keys(before).length).toBeGreaterThan(40);
    expect(after).toEqual(before);
  }, 900_000);

  it('restores a backup of an older version (before migration 0014) into the current version, which migrates it and keeps every row', async () => {
    const olderSql = zlib.gunzipSync(fs.readFileSync(fixture)).toString('utf8');
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    let columns: Awaited<ReturnType<typeof tableColumns>>;
    let before: Awaited<ReturnType<typeof tableChecksums>>;
    let after: Awaited<ReturnType<typeof tableChecksums>>;
    let migratedFrom: number;
    let migratedTo: number;
    if (kind === 'pglite') {
      // The older version's data directory: the fixture loaded into a PGlite of its own.
      const dataDir = path.join(root, 'older-data');
      const client = new PGlite(dataDir);
      // psql's meta-commands (pg_dump writes `\restrict`) are for psql; PGlite runs the SQL.
      await client.exec(olderSql.split('\n').filter((line) => !line.startsWith('\\')).join('\n'));
      await client.exec('set search_path = "$user", public');
      const db = drizzlePglite({ client }) as unknown as Db;
      migratedFrom = await migrationCount(db);
      columns = await tableColumns(db);
      before = await tableChecksums(db, columns);
      await client.exec('CHECKPOINT');
      await client.close();
      const file = path.join(root, 'older.tar.gz');
      await backupDataDir(dataDir, file);
      const restoredDir = path.join(root, 'older-restored');
      await restoreDataDir(file, restoredDir);
      // The current version opens it: its migrations run first.
      const restored = await openDatabase({ kind: 'pglite', dataDir: restoredDir });
      migratedTo = await migrationCount(restored.db);
      after = await tableChecksums(restored.db, columns);
      await restored.close();
    } else {
      const olderUrl = await newDatabase('older');
      const sqlFile = path.join(root, 'older.sql');
      fs.writeFileSync(sqlFile, olderSql);
      execFileSync(pgBin('psql'), ['--quiet', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '--file', sqlFile, olderUrl], { stdio: ['ignore', 'ignore', 'pipe'] });
      const pool = new pg.Pool({ connectionString: olderUrl, max: 1 });
      const db = drizzlePg({ client: pool }) as unknown as Db;
      migratedFrom = await migrationCount(db);
      columns = await tableColumns(db);
      before = await tableChecksums(db, columns);
      await pool.end();
      // The older version's backup, restored under the current version (docs/operations.md).
      const file = path.join(root, 'older.dump');
      execFileSync(pgBin('pg_dump'), ['--format=custom', `--file=${file}`, olderUrl]);
      const targetUrl = await newDatabase('newer');
      execFileSync(pgBin('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${targetUrl}`, file]);
      const restored = await openDatabase({ kind: 'postgres', url: targetUrl, poolSize: 2 });
      migratedTo = await migrationCount(restored.db);
      after = await tableChecksums(restored.db, columns);
      await restored.close();
    }
    expect(migratedFrom).toBe(14);
    expect(migratedTo).toBe(journal.entries.length);
    // The migration journal gained the newer migrations; every other table, every old column, is unchanged.
    const { ['drizzle.__drizzle_migrations']: journalBefore, ...dataBefore } = before;
    const { ['drizzle.__drizzle_migrations']: journalAfter, ...dataAfter } = after;
    expect(journalAfter!.rows).toBe(journalBefore!.rows + journal.entries.length - 14);
    expect(dataBefore['public.people']!.rows).toBeGreaterThan(1200);
    expect(dataBefore['public.jobs']!.rows).toBeGreaterThan(0);
    expect(dataAfter).toEqual(dataBefore);
  }, 900_000);
});
