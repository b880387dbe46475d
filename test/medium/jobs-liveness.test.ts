/**
 * A job whose claiming process died is taken over at once, not when its lease expires: the
 * process holds an advisory lock on its instance key while it lives, and the claim takes a
 * running job whose claimer's lock is gone. While the claimer lives, nobody else takes the job —
 * on PostgreSQL the claimer here is a second connection (another process's liveness connection),
 * which ends as a killed process's session does. The real kill -9 is test/medium/crash-safety.test.ts.
 */
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobs } from '../../src/server/db/schema';
import { instanceKeyOf, LIVENESS_LOCK_CLASS, takeInstanceKey } from '../../src/server/db/instance-liveness';
import { claimDueJobs, scheduleJob } from '../../src/server/modules/jobs/jobs';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

const T0 = new Date('2027-03-01T09:00:00Z');

describe(`jobs of a process that died, on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  beforeEach(async () => {
    await t.reset();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Another process's liveness lock: `die()` ends it as a killed process's session ends. */
  async function otherProcess(): Promise<{ key: number; die(): Promise<void> }> {
    if (testDbKind() === 'pglite') {
      // One process per data directory: the "other" holder is a lock on this connection, released.
      const key = await takeInstanceKey(async (_text, params) => {
        const result: unknown = await t.database.db.execute(sql`select pg_try_advisory_lock(${params[0]}::int, ${params[1]}::int) as got`);
        return (result as { rows: { got: boolean }[] }).rows[0]?.got === true;
      });
      return { key, die: async () => void (await t.database.db.execute(sql`select pg_advisory_unlock(${LIVENESS_LOCK_CLASS}::int, ${key}::int)`)) };
    }
    const result: unknown = await t.database.db.execute(sql`select current_database() as name`);
    const url = new URL(process.env.PEERKRACHT_TEST_PG_URL!);
    url.pathname = `/${(result as { rows: { name: string }[] }).rows[0]!.name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const key = await takeInstanceKey(async (text, params) => (await client.query<{ got: boolean }>(text, params)).rows[0]?.got === true);
    return { key, die: () => client.end() };
  }

  it('records who claimed a job, and leaves a live claimer’s job alone until its lease ends', async () => {
    await scheduleJob(t.services.db, { kind: 'test', payload: {}, dueAt: T0 });
    const [job] = await claimDueJobs(t.services.db, T0);
    expect(job).toMatchObject({ status: 'running', attempts: 1, claimedBy: instanceKeyOf(t.services.db) });
    expect(instanceKeyOf(t.services.db)).toBeGreaterThan(0);
    // The claimer (this process) lives: no one takes it within the lease.
    expect(await claimDueJobs(t.services.db, new Date(T0.getTime() + 60_000))).toEqual([]);
  });

  it('takes over at once the running job of a process that died, without waiting for its lease', async () => {
    await scheduleJob(t.services.db, { kind: 'test', payload: {}, dueAt: T0, dedupeKey: 'test:1' });
    const other = await otherProcess();
    // The other process claimed it (as its claim would have written).
    await t.services.db.update(jobs).set({ status: 'running', attempts: 1, lockedUntil: new Date(T0.getTime() + 5 * 60_000), claimedBy: other.key }).where(eq(jobs.dedupeKey, 'test:1'));
    expect(await claimDueJobs(t.services.db, T0)).toEqual([]);

    await other.die();
    const [taken] = await claimDueJobs(t.services.db, T0);
    expect(taken).toMatchObject({ dedupeKey: 'test:1', status: 'running', attempts: 2, claimedBy: instanceKeyOf(t.services.db) });
    expect(await claimDueJobs(t.services.db, T0)).toEqual([]);
  });

  it('leaves a job with no known claimer to its lease, and a finished job alone', async () => {
    await scheduleJob(t.services.db, { kind: 'test', payload: {}, dueAt: T0, dedupeKey: 'test:lease' });
    await scheduleJob(t.services.db, { kind: 'test', payload: {}, dueAt: T0, dedupeKey: 'test:done' });
    await t.services.db.update(jobs).set({ status: 'running', attempts: 1, lockedUntil: new Date(T0.getTime() + 60_000), claimedBy: null }).where(eq(jobs.dedupeKey, 'test:lease'));
    await t.services.db.update(jobs).set({ status: 'done', finishedAt: T0, claimedBy: 12345 }).where(eq(jobs.dedupeKey, 'test:done'));
    expect(await claimDueJobs(t.services.db, T0)).toEqual([]);
    const [taken] = await claimDueJobs(t.services.db, new Date(T0.getTime() + 61_000));
    expect(taken).toMatchObject({ dedupeKey: 'test:lease', attempts: 2 });
  });
});
