/**
 * Two app processes on one PostgreSQL (docs/scaling.md): they start together (migrations and
 * the demo run once), and a session opened on one is valid on the other — nothing that another
 * instance needs lives in process memory.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './support/server';

const adminUrl = process.env.PEERKRACHT_TEST_PG_URL;

async function cookieAndCsrf(url: string) {
  const response = await fetch(`${url}/api/auth/session`);
  const csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  return { csrf, cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

describe('two app instances on one PostgreSQL', () => {
  const name = `pk_scale_${randomBytes(4).toString('hex')}`;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    if (!adminUrl) throw new Error('PEERKRACHT_TEST_PG_URL is not set: run through `npm test`, which starts PostgreSQL');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    [a, b] = await Promise.all([startServer({ DATABASE_URL: url.toString() }), startServer({ DATABASE_URL: url.toString() })]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('loads the demo once and shares sessions between instances', async () => {
    const loaded = [a.output(), b.output()].filter((o) => o.includes('Demo programme loaded'));
    expect(loaded).toHaveLength(1);

    const { csrf, cookie } = await cookieAndCsrf(a.url);
    const signIn = await fetch(`${a.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie },
      body: JSON.stringify({ email: 'coordinator@hogeschool-zuidas.example', password: 'peerkracht-demo' }),
    });
    expect(signIn.status).toBe(200);
    const session = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const sessionCsrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;

    const homeOnB = await fetch(`${b.url}/api/home`, { headers: { cookie: session } });
    expect(homeOnB.status).toBe(200);
    expect(((await homeOnB.json()) as { communities: unknown[] }).communities).toHaveLength(7); // SW 1–5, SW februari and last year's SW 2025

    const signOutOnB = await fetch(`${b.url}/api/auth/sign-out`, { method: 'POST', headers: { cookie: session, 'x-csrf-token': sessionCsrf } });
    expect(signOutOnB.status).toBe(200);
    expect((await fetch(`${a.url}/api/home`, { headers: { cookie: session } })).status).toBe(401);
  });
});
