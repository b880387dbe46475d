/**
 * The PostgreSQL pool survives a broken idle connection (a server restart or failover ends it):
 * it reports the break, does not crash the process, and answers the next query on a new one.
 * This talks to the real PostgreSQL in both medium tiers; PGlite has no connections to break.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/client';

describe('PostgreSQL pool', () => {
  const adminUrl = process.env.PEERKRACHT_TEST_PG_URL;
  const name = `pk_pool_${randomBytes(6).toString('hex')}`;
  let admin: pg.Client;

  beforeAll(async () => {
    if (!adminUrl) throw new Error('PEERKRACHT_TEST_PG_URL is not set: run the tests through `npm test`, which starts PostgreSQL');
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
  });
  afterAll(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const open = (onIdleError: (e: Error) => void): Promise<Database> => {
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    return openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2, onIdleError });
  };
  const terminateOthers = () =>
    admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);

  it('reports a broken idle connection and answers the next query on a new one', async () => {
    const errors: Error[] = [];
    const database = await open((e) => errors.push(e));
    await database.db.execute(sql`select 1`);
    await terminateOthers();
    await expect.poll(() => errors.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect((errors[0] as Error & { code?: string }).code).toBe('57P01');
    const result: unknown = await database.db.execute(sql`select 41 + 1 as answer`);
    expect((result as { rows: { answer: number }[] }).rows[0]!.answer).toBe(42);
    await database.close();
  });
});
