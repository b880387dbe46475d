import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { scheduleJob } from '../../src/server/modules/jobs/public';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

const TOKEN = 'metrics-token-for-the-medium-test-0123456789';

/** `name{labels} value` lines of the Prometheus text format. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

describe(`metrics on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const scrape = async () => {
    const response = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return samples(response.body);
  };
  const value = (all: ReturnType<typeof samples>, name: string, labels: Record<string, string> = {}) =>
    all.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

  beforeAll(async () => {
    t = await createTestDb();
    app = await buildApp({ services: { ...t.services, config: { ...t.services.config, metricsToken: TOKEN } } });
  });
  beforeEach(() => t.reset());
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('answers 404 without the token, with a wrong one, and when no token is configured', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }]) {
      const response = await app.inject({ method: 'GET', url: '/metrics', headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(404);
      expect(response.body).not.toContain('peerkracht_');
    }
    const unconfigured = await buildApp({ services: t.services });
    try {
      const response = await unconfigured.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.statusCode).toBe(404);
    } finally {
      await unconfigured.close();
    }
  });

  it('counts requests under their route pattern, method and status class; never an id or a token', async () => {
    const sessionId = randomUUID();
    const feedToken = 'feedtoken' + randomUUID().replaceAll('-', '');
    await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` });
    await app.inject({ method: 'GET', url: `/api/calendar/${feedToken}.ics` });
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.inject({ method: 'PUT', url: `/api/no-such-route/${sessionId}` });
    const all = await scrape();
    const counts = all.filter((s) => s.name === 'peerkracht_http_request_duration_seconds_count');
    expect(value(counts, 'peerkracht_http_request_duration_seconds_count', { route: '/healthz', method: 'GET', status_class: '2xx' })).toBe(1);
    expect(value(counts, 'peerkracht_http_request_duration_seconds_count', { route: '/api/sessions/:sessionId', method: 'GET', status_class: '4xx' })).toBe(1);
    expect(value(counts, 'peerkracht_http_request_duration_seconds_count', { route: '/api/calendar/:file', method: 'GET' })).toBe(1);
    expect(value(counts, 'peerkracht_http_request_duration_seconds_count', { route: 'unmatched', method: 'PUT', status_class: '4xx' })).toBe(1);
    const labelValues = all.flatMap((s) => Object.values(s.labels));
    for (const secret of [sessionId, feedToken]) expect(labelValues.some((v) => v.includes(secret)), secret).toBe(false);
  });

  it('shows the job queue and the mail outbox as they are in the database', async () => {
    const now = new Date('2026-03-02T10:00:00Z');
    t.setNow(now);
    let all = await scrape();
    expect(value(all, 'peerkracht_database_up')).toBe(1);
    expect(value(all, 'peerkracht_jobs_due')).toBe(0);
    expect(value(all, 'peerkracht_mail_outbox_unsent')).toBe(0);

    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    await scheduleJob(t.services.db, { kind: 'test', payload: {}, dueAt: minutesAgo(10) });
    await scheduleJob(t.services.db, { kind: 'test', payload: {}, dueAt: minutesAgo(2) });
    await scheduleJob(t.services.db, { kind: 'test', payload: {}, dueAt: new Date(now.getTime() + 3_600_000) });
    await scheduleJob(t.services.db, { kind: 'test', payload: {}, dueAt: minutesAgo(1), dedupeKey: 'running-one' });
    await t.services.db.execute(sql`update jobs set status = 'running', locked_until = ${now.toISOString()}::timestamptz + interval '5 minutes' where dedupe_key = 'running-one'`);
    for (const to of ['a@example.org', 'b@example.org', 'c@example.org']) {
      await t.services.mailer.enqueue(t.services.db, { institutionId: null, to, subject: 'S', text: 'T' });
    }
    await t.services.db.execute(sql`update mail_outbox set created_at = ${minutesAgo(30).toISOString()}::timestamptz where recipient = 'a@example.org'`);
    await t.services.db.execute(sql`update mail_outbox set attempts = 5 where recipient = 'b@example.org'`);
    await t.services.db.execute(sql`update mail_outbox set created_at = ${minutesAgo(1).toISOString()}::timestamptz where recipient = 'c@example.org'`);

    all = await scrape();
    expect(value(all, 'peerkracht_jobs_due')).toBe(2);
    expect(value(all, 'peerkracht_jobs_running')).toBe(1);
    expect(value(all, 'peerkracht_jobs_oldest_due_age_seconds')).toBeCloseTo(600, 3);
    expect(value(all, 'peerkracht_mail_outbox_unsent')).toBe(2);
    expect(value(all, 'peerkracht_mail_outbox_oldest_unsent_age_seconds')).toBeCloseTo(1800, 3);
    expect(value(all, 'peerkracht_mail_outbox_given_up')).toBe(1);
  });

  it('shows the PostgreSQL pool, and no pool on PGlite', async () => {
    const all = await scrape();
    if (testDbKind() === 'postgres') {
      expect(value(all, 'peerkracht_db_pool_connections', { state: 'max' })).toBe(5);
      expect(value(all, 'peerkracht_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(value(all, 'peerkracht_db_pool_connections', { state: 'waiting' })).toBe(0);
    } else {
      expect(all.some((s) => s.name === 'peerkracht_db_pool_connections')).toBe(false);
    }
    expect(value(all, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe(`metrics without a database on ${testDbKind()}`, () => {
  it('still answers, with peerkracht_database_up 0 and NaN, not stale figures, for the queue and outbox', async () => {
    const t = await createTestDb();
    const app = await buildApp({ services: { ...t.services, config: { ...t.services.config, metricsToken: TOKEN } } });
    try {
      const headers = { authorization: `Bearer ${TOKEN}` };
      expect(samples((await app.inject({ method: 'GET', url: '/metrics', headers })).body).find((s) => s.name === 'peerkracht_jobs_due')?.value).toBe(0);
      await t.database.close();
      const response = await app.inject({ method: 'GET', url: '/metrics', headers });
      expect(response.statusCode).toBe(200);
      const all = samples(response.body);
      expect(all.find((s) => s.name === 'peerkracht_database_up')?.value).toBe(0);
      for (const name of ['peerkracht_jobs_due', 'peerkracht_jobs_oldest_due_age_seconds', 'peerkracht_mail_outbox_unsent', 'peerkracht_mail_outbox_given_up']) {
        expect(all.find((s) => s.name === name)?.value, name).toBeNaN();
      }
    } finally {
      await app.close();
    }
  });
});
