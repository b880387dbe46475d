/**
 * Attempt limits on the account routes (ADR 0002): per address, per account and per address and
 * account, counted in the database so every app instance sees the same counts.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { retentionPurges } from '../../src/server/job-handlers';
import { startJobPoller } from '../../src/server/modules/jobs/poller';
import { anonymous } from '../support/http';
import { createTestApp } from '../support/app';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery';
/** A minute into a 15-minute window, so no test crosses a window boundary by accident. */
const T0 = new Date('2026-10-05T10:01:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe(`sign-in limits on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let institutionId: string;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    t.setNow(T0);
    institutionId = (await t.factories.institution()).id;
  });

  const people = async (count: number, prefix = 'student') => {
    const emails: string[] = [];
    for (let i = 0; i < count; i++) {
      const email = `${prefix}${i}@example.test`;
      await t.factories.person({ institutionId, email, roles: ['coachee'], password: PASSWORD });
      emails.push(email);
    }
    return emails;
  };
  const signIn = async (target: FastifyInstance, remoteAddress: string, email: string, password: string, headers: Record<string, string> = {}) => {
    const client = await anonymous(target, { remoteAddress });
    return client.request('POST', '/api/auth/sign-in', { email, password }, headers);
  };
  /** The job poller's first tick runs the retention purges. */
  const purgeAll = async () => {
    let ticked = false;
    const poller = startJobPoller({ services: t.services, handlers: {}, purges: [...retentionPurges, async () => void (ticked = true)], intervalMs: 60_000 });
    await vi.waitFor(() => expect(ticked).toBe(true));
    await poller.stop();
  };
  const rows = async (): Promise<string[]> => {
    const result: unknown = await t.services.db.execute(sql`select row_to_json(c)::text as row from rate_limit_counters c`);
    return (result as { rows: { row: string }[] }).rows.map((r) => r.row);
  };

  it('answers 429 with Retry-After once one address has guessed at 20 accounts; another address is unaffected', async () => {
    const emails = await people(20);
    const statuses: number[] = [];
    let refused: LightMyRequestResponse | undefined;
    for (const email of emails) {
      const response = await signIn(app, '198.51.100.7', email, 'wrong password');
      statuses.push(response.statusCode);
      if (response.statusCode === 429) refused ??= response;
    }
    expect(statuses.slice(0, 15)).toEqual(Array(15).fill(401));
    expect(statuses.slice(15)).toEqual(Array(5).fill(429));
    const retryAfter = Number(refused?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30 * 60);
    expect(refused?.json().error.code).toBe('too_many_attempts');
    expect(refused?.json().error.message).toMatch(/Te veel pogingen/);
    const english = await signIn(app, '198.51.100.7', emails[0] ?? '', PASSWORD, { 'accept-language': 'en' });
    expect(english.statusCode).toBe(429);
    expect(english.json().error.message).toMatch(/Too many attempts/);

    // Another address: wrong passwords are just wrong, the right one signs in.
    expect((await signIn(app, '198.51.100.8', emails[1] ?? '', 'wrong password')).statusCode).toBe(401);
    expect((await signIn(app, '198.51.100.8', emails[0] ?? '', PASSWORD)).statusCode).toBe(200);
  });

  it('shares the counts between two app instances on one database', async () => {
    const second = await buildApp({ services: t.services });
    try {
      const emails = await people(16);
      const statuses: number[] = [];
      for (const [i, email] of emails.entries()) {
        statuses.push((await signIn(i % 2 === 0 ? app : second, '198.51.100.9', email, 'wrong password')).statusCode);
      }
      expect(statuses).toEqual([...Array(15).fill(401), 429]);
      expect((await signIn(second, '198.51.100.9', emails[0] ?? '', PASSWORD)).statusCode).toBe(429);
      expect((await signIn(app, '198.51.100.10', emails[0] ?? '', PASSWORD)).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('counts attempts made at the same moment on two instances one by one', async () => {
    const second = await buildApp({ services: t.services });
    try {
      const emails = await people(24);
      const clients = await Promise.all(emails.map((_, i) => anonymous(i % 2 === 0 ? app : second, { remoteAddress: '198.51.100.15' })));
      const responses = await Promise.all(clients.map((client, i) => client.request('POST', '/api/auth/sign-in', { email: emails[i], password: 'wrong password' })));
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([...Array(15).fill(401), ...Array(9).fill(429)]);
    } finally {
      await second.close();
    }
  });

  it('does not let a successful sign-in reset the address’s count of failures', async () => {
    const emails = await people(16);
    const [mine] = await people(1, 'attacker');
    const statuses: number[] = [];
    for (const [i, email] of emails.entries()) {
      if (i % 5 === 0 && i < 15) expect((await signIn(app, '198.51.100.11', mine ?? '', PASSWORD)).statusCode).toBe(200);
      statuses.push((await signIn(app, '198.51.100.11', email, 'wrong password')).statusCode);
    }
    expect(statuses).toEqual([...Array(15).fill(401), 429]);
  });

  it('limits guesses at one account from many addresses, and the limit passes with time', async () => {
    const [victim, other] = await people(2);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await signIn(app, `203.0.113.${i + 1}`, victim ?? '', 'wrong password')).statusCode);
    expect(statuses).toEqual([...Array(30).fill(401), 429]);
    expect((await signIn(app, '203.0.113.200', victim ?? '', PASSWORD)).statusCode).toBe(429);
    expect((await signIn(app, '203.0.113.200', other ?? '', PASSWORD)).statusCode).toBe(200);
    t.setNow(minutes(31));
    expect((await signIn(app, '203.0.113.200', victim ?? '', PASSWORD)).statusCode).toBe(200);
  });

  it('counts an IPv6 /64 as one address', async () => {
    const emails = await people(16);
    const statuses: number[] = [];
    for (const [i, email] of emails.entries()) {
      statuses.push((await signIn(app, `2001:db8:1:2::${(i + 1).toString(16)}`, email, 'wrong password')).statusCode);
    }
    expect(statuses).toEqual([...Array(15).fill(401), 429]);
    expect((await signIn(app, '2001:db8:1:3::1', emails[0] ?? '', PASSWORD)).statusCode).toBe(200);
  });

  it('behind a proxy, counts the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    const services = { ...t.services, config: loadConfig({ NODE_ENV: 'test', PEERKRACHT_PUBLIC_URL: 'https://peerkracht.example' }) };
    const proxied = await buildApp({ services });
    try {
      const emails = await people(16);
      const statuses: number[] = [];
      for (const [i, email] of emails.entries()) {
        // The proxy (127.0.0.1) appends the address it saw; the client made up the first one.
        const forwarded = { 'x-forwarded-for': `10.9.9.${i + 1}, 198.51.100.12` };
        statuses.push((await signIn(proxied, '127.0.0.1', email, 'wrong password', forwarded)).statusCode);
      }
      expect(statuses).toEqual([...Array(15).fill(401), 429]);
      const elsewhere = { 'x-forwarded-for': '198.51.100.13' };
      expect((await signIn(proxied, '127.0.0.1', emails[0] ?? '', PASSWORD, elsewhere)).statusCode).toBe(200);
      // A client that reaches the app directly is not a proxy: its X-Forwarded-For is ignored.
      const direct: number[] = [];
      for (const [i, email] of emails.entries()) {
        direct.push((await signIn(proxied, '198.51.100.14', email, 'wrong password', { 'x-forwarded-for': `10.9.8.${i + 1}` })).statusCode);
      }
      expect(direct).toEqual([...Array(15).fill(401), 429]);
    } finally {
      await proxied.close();
    }
  });

  it('keeps digests, never the e-mail address or the IP address, and purges them when they expire', async () => {
    const [email] = await people(1);
    await signIn(app, '198.51.100.14', email ?? '', 'wrong password');
    await anonymous(app, { remoteAddress: '198.51.100.14' }).then((c) => c.request('POST', '/api/auth/password-reset', { email: 'Nobody@Example.test' }));
    const stored = await rows();
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) {
      expect(row).not.toMatch(/example\.test|198\.51\.100|nobody/i);
    }
    // Still counting an hour later (the reset request's window is an hour); gone after two.
    t.setNow(minutes(60));
    await purgeAll();
    expect((await rows()).length).toBeGreaterThan(0);
    t.setNow(minutes(2 * 60));
    await purgeAll();
    expect(await rows()).toEqual([]);
  });

  it('limits reset links for one e-mail address from many addresses, so nobody is flooded with mail', async () => {
    const [victim] = await people(1);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const client = await anonymous(app, { remoteAddress: `203.0.113.${i + 1}` });
      statuses.push((await client.request('POST', '/api/auth/password-reset', { email: victim })).statusCode);
    }
    expect(statuses).toEqual([...Array(5).fill(202), 429]);
    expect(await t.services.db.query.mailOutbox.findMany()).toHaveLength(5);
  });
});
