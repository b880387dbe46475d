/**
 * Durable jobs: due jobs run once, claims are atomic across pollers, failures retry with
 * back-off and then give up, an expired claim (a crashed instance) is taken over, and a job
 * scheduled before a restart runs after it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobs } from '../../src/server/db/schema';
import { claimDueJobs, LEASE_MS, MAX_ATTEMPTS, scheduleJob, cancelJob } from '../../src/server/modules/jobs/jobs';
import { startJobPoller } from '../../src/server/modules/jobs/poller';
import { runDueJobs, type JobHandlers } from '../../src/server/modules/jobs/run-due-jobs';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

const T0 = new Date('2026-10-01T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe(`jobs on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  beforeEach(async () => {
    await t.reset();
    t.setNow(T0);
  });
  afterAll(async () => {
    await t.close();
  });

  const ran: string[] = [];
  const handlers: JobHandlers = {
    'test.ok': async ({ job }) => {
      ran.push(String((job.payload as { n: number }).n));
    },
    'test.fail': async () => {
      throw new Error('boom');
    },
  };

  it('runs a job when it is due, once', async () => {
    ran.length = 0;
    await scheduleJob(t.services.db, { kind: 'test.ok', payload: { n: 1 }, dueAt: minutes(10) });
    expect(await runDueJobs({ services: t.services, handlers })).toEqual({ done: 0, failed: 0 });
    t.setNow(minutes(10));
    expect(await runDueJobs({ services: t.services, handlers })).toEqual({ done: 1, failed: 0 });
    expect(await runDueJobs({ services: t.services, handlers })).toEqual({ done: 0, failed: 0 });
    expect(ran).toEqual(['1']);
    const [row] = await t.services.db.select().from(jobs);
    expect(row).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('keeps one unfinished job per dedupe key, and cancels by key', async () => {
    await scheduleJob(t.services.db, { kind: 'test.ok', payload: { n: 1 }, dueAt: T0, dedupeKey: 'k' });
    await scheduleJob(t.services.db, { kind: 'test.ok', payload: { n: 2 }, dueAt: T0, dedupeKey: 'k' });
    expect(await t.services.db.select().from(jobs)).toHaveLength(1);
    await cancelJob(t.services.db, 'k');
    expect(await runDueJobs({ services: t.services, handlers })).toEqual({ done: 0, failed: 0 });
  });

  it('claims each job for one poller only, even when they claim at the same time', async () => {
    for (let n = 0; n < 20; n++) await scheduleJob(t.services.db, { kind: 'test.ok', payload: { n }, dueAt: T0 });
    const [a, b, c] = await Promise.all([claimDueJobs(t.services.db, T0, 10), claimDueJobs(t.services.db, T0, 10), claimDueJobs(t.services.db, T0, 10)]);
    const ids = [...a, ...b, ...c].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(20);
  });

  it('retries a failing job with back-off, then gives up', async () => {
    await scheduleJob(t.services.db, { kind: 'test.fail', payload: {}, dueAt: T0 });
    expect(await runDueJobs({ services: t.services, handlers })).toEqual({ done: 0, failed: 1 });
    let [row] = await t.services.db.select().from(jobs);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'boom' });
    expect(row!.dueAt.getTime()).toBe(minutes(1).getTime());
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      t.setNow(minutes(1000 * (i + 1)));
      await runDueJobs({ services: t.services, handlers });
    }
    [row] = await t.services.db.select().from(jobs);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('takes over a job whose claim expired (its instance died while running it)', async () => {
    ran.length = 0;
    await scheduleJob(t.services.db, { kind: 'test.ok', payload: { n: 7 }, dueAt: T0 });
    const [claimed] = await claimDueJobs(t.services.db, T0);
    expect(claimed).toBeDefined();
    expect(await runDueJobs({ services: t.services, handlers })).toEqual({ done: 0, failed: 0 });
    t.setNow(new Date(T0.getTime() + LEASE_MS + 1000));
    expect(await runDueJobs({ services: t.services, handlers })).toEqual({ done: 1, failed: 0 });
    expect(ran).toEqual(['7']);
  });

  it('runs, after a restart, what was scheduled before it (the poller keeps nothing in memory)', async () => {
    ran.length = 0;
    await scheduleJob(t.services.db, { kind: 'test.ok', payload: { n: 42 }, dueAt: T0 });
    // A poller started and stopped before the job was due: nothing ran, nothing lost.
    t.setNow(minutes(-5));
    const first = startJobPoller({ services: t.services, handlers, intervalMs: 20 });
    await new Promise((r) => setTimeout(r, 100));
    await first.stop();
    expect(ran).toEqual([]);
    t.setNow(minutes(1));
    const second = startJobPoller({ services: t.services, handlers, intervalMs: 20 });
    for (let i = 0; i < 100 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await second.stop();
    expect(ran).toEqual(['42']);
    const [row] = await t.services.db.select().from(jobs).where(eq(jobs.kind, 'test.ok'));
    expect(row!.status).toBe('done');
  });

  it('on stop finishes the job in progress, hands the claimed jobs not yet started back, and claims no more', async () => {
    for (const n of [1, 2, 3]) await scheduleJob(t.services.db, { kind: 'test.held', payload: { n }, dueAt: minutes(-n) });
    let started!: () => void;
    const inProgress = new Promise<void>((resolve) => (started = resolve));
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const order: number[] = [];
    const poller = startJobPoller({
      services: t.services,
      handlers: {
        'test.held': async ({ job }) => {
          order.push((job.payload as { n: number }).n);
          started();
          await held;
        },
      },
    });
    await inProgress;
    const stopped = poller.stop();
    finish();
    await stopped;
    // One job ran and is done; the other two were claimed with it (in one batch) and go back.
    expect(order).toHaveLength(1);
    const ranN = order[0]!;
    const others = [1, 2, 3].filter((n) => n !== ranN);
    const rows = await t.services.db.select().from(jobs).where(eq(jobs.kind, 'test.held'));
    const byN = new Map(rows.map((r) => [(r.payload as { n: number }).n, r]));
    expect(byN.get(ranN)).toMatchObject({ status: 'done', attempts: 1 });
    for (const n of others) expect(byN.get(n), String(n)).toMatchObject({ status: 'pending', attempts: 0, lockedUntil: null });
    // Another instance takes them at once.
    expect((await claimDueJobs(t.services.db, t.services.now())).map((j) => (j.payload as { n: number }).n).sort()).toEqual(others);
  });
});
