/**
 * "Waar ben ik ingelogd" (issue 16, item 6): one's own live sessions with the device in plain
 * words, which one is this one, and signing out one session, everywhere else or everywhere. The
 * token and its digest never leave the server; "last seen" is written at most every five minutes.
 */
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SignInSessionsResponse } from '../../src/contracts/people';
import { authSessions } from '../../src/server/db/schema';
import { createTestApp } from '../support/app';
import { anonymous, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const MAC_SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

describe(`sign-in sessions on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let personId: string;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    const institution = await t.factories.institution();
    personId = (await t.factories.person({ institutionId: institution.id, roles: ['coachee'], email: 'ada@test.example', password: PASSWORD })).id;
    await t.factories.person({ institutionId: institution.id, roles: ['coachee'], email: 'bob@test.example', password: PASSWORD });
  });

  /** Signs in from a browser with this User-Agent (sent on every request, as a browser does). */
  async function signInWith(email: string, userAgent: string): Promise<Client> {
    const client = await anonymous(app);
    const plain = client.request.bind(client);
    client.request = (method, url, body, headers = {}) => plain(method, url, body, { 'user-agent': userAgent, ...headers });
    const response = await client.request('POST', '/api/auth/sign-in', { email, password: PASSWORD });
    expect(response.statusCode).toBe(200);
    client.csrf = response.json<{ csrfToken: string }>().csrfToken;
    return client;
  }

  const list = async (client: Client) => (await client.request('GET', '/api/me/sign-in-sessions')).json<SignInSessionsResponse>().sessions;

  it('lists my sessions with the device in plain words and marks this one; never a token or its digest', async () => {
    // The test client drops cookies past their expiry by the real clock: the moved clock starts now.
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);
    t.setNow(start);
    await signInWith('ada@test.example', MAC_SAFARI);
    t.setNow(new Date(start.getTime() + 3_600_000));
    const phone = await signInWith('ada@test.example', ANDROID_CHROME);
    await signInWith('bob@test.example', ANDROID_CHROME);
    const response = await phone.request('GET', '/api/me/sign-in-sessions');
    expect(response.statusCode, response.body).toBe(200);
    const sessions = response.json<SignInSessionsResponse>().sessions;
    expect(sessions.map((s) => [s.browser, s.os, s.current])).toEqual([
      ['Chrome', 'Android', true],
      ['Safari', 'macOS', false],
    ]);
    const stored = await t.services.db.select({ tokenHash: authSessions.tokenHash }).from(authSessions).where(eq(authSessions.personId, personId));
    for (const { tokenHash } of stored) expect(response.body).not.toContain(tokenHash);
    expect(response.body).not.toMatch(/token/i);
  });

  it('signs out another session: that browser is signed out at once; someone else’s session is not found', async () => {
    const laptop = await signInWith('ada@test.example', MAC_SAFARI);
    const phone = await signInWith('ada@test.example', ANDROID_CHROME);
    const bob = await signInWith('bob@test.example', ANDROID_CHROME);
    const laptopId = (await list(phone)).find((s) => !s.current)!.id;
    const bobsId = (await list(bob))[0]!.id;
    expect((await phone.request('DELETE', `/api/me/sign-in-sessions/${bobsId}`)).statusCode).toBe(404);
    expect((await bob.request('GET', '/api/me/sign-in-sessions')).statusCode).toBe(200);
    expect((await phone.request('DELETE', `/api/me/sign-in-sessions/${laptopId}`)).statusCode).toBe(200);
    expect((await laptop.request('GET', '/api/me/sign-in-sessions')).statusCode).toBe(401);
    expect((await list(phone)).map((s) => s.current)).toEqual([true]);
    expect((await phone.request('DELETE', `/api/me/sign-in-sessions/${laptopId}`)).statusCode).toBe(404);
    expect((await phone.request('DELETE', '/api/me/sign-in-sessions/not-a-uuid')).statusCode).toBe(400);
  });

  it('signs out everywhere else (this one stays), then everywhere', async () => {
    const laptop = await signInWith('ada@test.example', MAC_SAFARI);
    const tablet = await signInWith('ada@test.example', MAC_SAFARI);
    const phone = await signInWith('ada@test.example', ANDROID_CHROME);
    const others = await phone.request('POST', '/api/me/sign-in-sessions/sign-out-others');
    expect(others.json()).toEqual({ ended: 2 });
    expect((await laptop.request('GET', '/api/home')).statusCode).toBe(401);
    expect((await tablet.request('GET', '/api/home')).statusCode).toBe(401);
    expect((await list(phone)).length).toBe(1);
    const again = await signInWith('ada@test.example', MAC_SAFARI);
    const all = await phone.request('POST', '/api/me/sign-in-sessions/sign-out-all');
    expect(all.json()).toEqual({ ended: 2 });
    expect(all.cookies.find((c) => c.name === 'pk_session')?.value).toBe('');
    expect((await phone.request('GET', '/api/home')).statusCode).toBe(401);
    expect((await again.request('GET', '/api/home')).statusCode).toBe(401);
    expect(await t.services.db.select().from(authSessions).where(eq(authSessions.personId, personId))).toEqual([]);
  });

  it('records "last seen" at most once per five minutes, not on every request', async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);
    t.setNow(start);
    const phone = await signInWith('ada@test.example', ANDROID_CHROME);
    const lastSeen = async () => (await list(phone))[0]!.lastSeenAt;
    expect(await lastSeen()).toBe(start.toISOString());
    t.setNow(new Date(start.getTime() + 4 * 60_000));
    for (let i = 0; i < 3; i++) await phone.request('GET', '/api/home');
    expect(await lastSeen()).toBe(start.toISOString());
    const later = new Date(start.getTime() + 6 * 60_000);
    t.setNow(later);
    await phone.request('GET', '/api/home');
    expect(await lastSeen()).toBe(later.toISOString());
    t.setNow(new Date(later.getTime() + 60_000));
    await phone.request('GET', '/api/home');
    expect(await lastSeen()).toBe(later.toISOString());
  });
});
