/**
 * A clean, migrated database for medium tests, on the driver PEERKRACHT_TEST_DB names:
 * `pglite` (in memory) or `postgres` (a fresh database on the throwaway cluster that
 * scripts/test.sh starts). Tests call `reset()` in beforeEach: truncating is far faster than
 * a new PGlite, and leaves each test an empty database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/server/config';
import type { Services } from '../../src/server/context';
import { openDatabase, type Database } from '../../src/server/db/client';
import { createMailer } from '../../src/server/modules/mail/mailer';
import type { Content } from '../../src/contracts/content/content-files';
import { loadContent } from '../../src/server/content/load-content';
import { factories } from '../../src/server/testing/factories';

export type TestDbKind = 'pglite' | 'postgres';

let content: Promise<Content> | null = null;
const contentOnce = (dir: string) => (content ??= loadContent(dir));

export function testDbKind(): TestDbKind {
  const kind = process.env.PEERKRACHT_TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`PEERKRACHT_TEST_DB must be pglite or postgres, not ${kind}`);
  return kind;
}

export type TestDb = {
  database: Database;
  services: Services;
  factories: ReturnType<typeof factories>;
  reset(): Promise<void>;
  close(): Promise<void>;
  /** Moves the clock the use cases see. */
  setNow(date: Date): void;
};

export async function createTestDb(options: { smtpUrl?: string } = {}): Promise<TestDb> {
  const kind = testDbKind();
  let database: Database;
  let drop: () => Promise<void> = () => Promise.resolve();
  if (kind === 'pglite') {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
  } else {
    const adminUrl = process.env.PEERKRACHT_TEST_PG_URL;
    if (!adminUrl) throw new Error('PEERKRACHT_TEST_PG_URL is not set: run the tests through `npm test`, which starts PostgreSQL');
    const name = `pk_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  let now: Date | null = null;
  const config = loadConfig({ NODE_ENV: 'test', PEERKRACHT_PUBLIC_URL: 'http://localhost:3000', PEERKRACHT_MFA_REQUIRED_ROLES: '', ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}) });
  const services: Services = {
    db: database.db,
    content: await contentOnce(config.contentDir),
    config,
    mailer: createMailer({ db: database.db, smtpUrl: options.smtpUrl ?? null, from: config.mailFrom }),
    now: () => now ?? new Date(),
  };
  // Both drivers answer with `{ rows }`; the shared Db type cannot say so.
  const tables: unknown = await database.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`);
  const tableNames = (tables as { rows: { tablename: string }[] }).rows.map((r) => `"${r.tablename}"`);
  return {
    database,
    services,
    factories: factories(database.db),
    async reset() {
      now = null;
      await database.db.execute(sql.raw(`truncate ${tableNames.join(', ')} restart identity cascade`));
    },
    async close() {
      await database.close();
      await drop();
    },
    setNow(date) {
      now = date;
    },
  };
}
