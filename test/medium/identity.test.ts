import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { retentionPurges } from '../../src/server/job-handlers';
import { anonymous, signedIn } from '../support/http';
import { createTestApp } from '../support/app';
import type { TestDb } from '../support/test-db';
import { testDbKind } from '../support/test-db';

const PASSWORD = 'correct horse battery';

describe(`identity on ${testDbKind()}`, () => {
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
    institutionId = (await t.factories.institution()).id;
  });

  const person = (email: string, roles: Parameters<TestDb['factories']['person']>[0]['roles'] = ['coachee']) =>
    t.factories.person({ institutionId, email, roles, password: PASSWORD });

  it('signs in with e-mail and password and sets a HttpOnly, SameSite session cookie', async () => {
    await person('ada@example.test', ['coordinator']);
    const client = await anonymous(app);
    const response = await client.request('POST', '/api/auth/sign-in', { email: 'ADA@example.test', password: PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'pk_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(response.json().person.roles.map((r: { role: string }) => r.role)).toEqual(['coordinator']);
    const home = await client.request('GET', '/api/home');
    expect(home.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown address identically', async () => {
    await person('ada@example.test');
    const client = await anonymous(app);
    const wrong = await client.request('POST', '/api/auth/sign-in', { email: 'ada@example.test', password: 'not the password' });
    const unknown = await client.request('POST', '/api/auth/sign-in', { email: 'nobody@example.test', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
  });

  it('refuses a state-changing request without the CSRF token, and changes nothing', async () => {
    await person('ada@example.test');
    const client = await anonymous(app);
    const response = await client.request('POST', '/api/auth/sign-in', { email: 'ada@example.test', password: PASSWORD }, { 'x-csrf-token': 'forged' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
    expect(response.cookies.find((c) => c.name === 'pk_session')).toBeUndefined();
    const signedInClient = await signedIn(app, 'ada@example.test', PASSWORD);
    const locale = await signedInClient.request('PUT', '/api/me/locale', { locale: 'en' }, { 'x-csrf-token': '' });
    expect(locale.statusCode).toBe(403);
    const session = await signedInClient.request('GET', '/api/auth/session');
    expect(session.json().person.locale).toBe('nl');
  });

  it("answers a signed-in person in their profile's language unless the app names one; the browser's own preference only signed out", async () => {
    await person('ada@example.test');
    const client = await signedIn(app, 'ada@example.test', PASSWORD);
    const message = async (acceptLanguage: string) => {
      const response = await client.request('GET', '/api/sessions/4f1c2a9e-0000-4000-8000-000000000001', undefined, { 'accept-language': acceptLanguage });
      expect(response.statusCode).toBe(404);
      return response.json().error.message as string;
    };
    const dutch = await message('nl');
    const english = await message('en');
    expect(dutch).not.toBe(english);
    // A phone set to English, a Dutch profile (a preload from index.html sends the browser's header).
    expect(await message('en-US,en;q=0.9')).toBe(dutch);
    expect(await message('EN')).toBe(english);
    const session = await client.request('GET', '/api/auth/session');
    expect((await client.request('PUT', '/api/me/locale', { locale: 'en' }, { 'x-csrf-token': session.json().csrfToken })).statusCode).toBe(200);
    expect(await message('nl-NL,nl;q=0.9,en;q=0.8')).toBe(english);
    expect(await message('nl')).toBe(dutch);
    // Signed out there is no profile: the browser's preference.
    const stranger = await anonymous(app);
    const signedOut = await stranger.request('GET', '/api/home', undefined, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(signedOut.statusCode).toBe(401);
    const signedOutNl = await stranger.request('GET', '/api/home', undefined, { 'accept-language': 'nl-NL' });
    expect(signedOut.json().error.message).not.toBe(signedOutNl.json().error.message);
  });

  it('signs out: the old session no longer works', async () => {
    await person('ada@example.test');
    const client = await signedIn(app, 'ada@example.test', PASSWORD);
    expect((await client.request('POST', '/api/auth/sign-out')).statusCode).toBe(200);
    expect((await client.request('GET', '/api/home')).statusCode).toBe(401);
  });

  it('resets a password through the e-mail link, once, and signs the person out everywhere', async () => {
    await person('ada@example.test');
    const old = await signedIn(app, 'ada@example.test', PASSWORD);
    const client = await anonymous(app);
    expect((await client.request('POST', '/api/auth/password-reset', { email: 'ada@example.test' })).statusCode).toBe(202);
    expect((await client.request('POST', '/api/auth/password-reset', { email: 'nobody@example.test' })).statusCode).toBe(202);

    const beheerder = await person('admin@example.test', ['beheerder']);
    void beheerder;
    const admin = await signedIn(app, 'admin@example.test', PASSWORD);
    const outbox = (await admin.request('GET', '/api/admin/outbox')).json();
    expect(outbox.mails).toHaveLength(1);
    expect(outbox.mails[0].recipient).toBe('ada@example.test');
    // The beheerder sees that a link was sent, not its token: the recipient's mail has it.
    expect(outbox.mails[0].bodyText).toContain('/reset-password#token=[verborgen]');
    const [mail] = await t.services.db.query.mailOutbox.findMany();
    const token = /#token=([\w-]+)/.exec(mail?.bodyText ?? '')?.[1];
    expect(token).toBeDefined();

    const newPassword = 'a brand new passphrase';
    const done = await client.request('POST', '/api/auth/password-reset/complete', { token, password: newPassword });
    expect(done.statusCode).toBe(200);
    const again = await client.request('POST', '/api/auth/password-reset/complete', { token, password: newPassword });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('reset_token_invalid');

    expect((await old.request('GET', '/api/home')).statusCode).toBe(401);
    await expect(signedIn(app, 'ada@example.test', PASSWORD)).rejects.toThrow();
    await signedIn(app, 'ada@example.test', newPassword);
  });

  it('refuses an expired reset token', async () => {
    await person('ada@example.test');
    const client = await anonymous(app);
    t.setNow(new Date(Date.now() - 2 * 3_600_000));
    await client.request('POST', '/api/auth/password-reset', { email: 'ada@example.test' });
    t.setNow(new Date());
    const [mail] = await t.services.db.query.mailOutbox.findMany();
    const token = /#token=([\w-]+)/.exec(mail?.bodyText ?? '')?.[1];
    const response = await client.request('POST', '/api/auth/password-reset/complete', { token, password: 'a brand new passphrase' });
    expect(response.json().error.code).toBe('reset_token_invalid');
  });

  it('purges expired sign-in sessions and spent reset tokens, and keeps what still works', async () => {
    const DAY = 86_400_000;
    const now = Date.now();
    await person('ada@example.test');
    await person('bo@example.test');
    // Ada signed in 20 days ago (her session ended after 14); Bo signs in now.
    t.setNow(new Date(now - 20 * DAY));
    await signedIn(app, 'ada@example.test', PASSWORD);
    const client = await anonymous(app);
    // Reset tokens: one expired three days ago, one an hour ago, one used, one live.
    t.setNow(new Date(now - 3 * DAY));
    await client.request('POST', '/api/auth/password-reset', { email: 'ada@example.test' });
    t.setNow(new Date(now - 2 * 3_600_000));
    await client.request('POST', '/api/auth/password-reset', { email: 'ada@example.test' });
    t.setNow(new Date(now));
    await client.request('POST', '/api/auth/password-reset', { email: 'bo@example.test' });
    await client.request('POST', '/api/auth/password-reset', { email: 'bo@example.test' });
    const mails = await t.services.db.query.mailOutbox.findMany({ orderBy: (m, { asc }) => [asc(m.createdAt)] });
    const tokenOf = (body: string | undefined) => /#token=([\w-]+)/.exec(body ?? '')?.[1];
    const used = tokenOf(mails[2]?.bodyText);
    const live = tokenOf(mails[3]?.bodyText);
    expect((await client.request('POST', '/api/auth/password-reset/complete', { token: used, password: 'a brand new passphrase' })).statusCode).toBe(200);
    const bo = await signedIn(app, 'bo@example.test', 'a brand new passphrase');
    expect(await t.services.db.query.authSessions.findMany()).toHaveLength(2);
    expect(await t.services.db.query.passwordResetTokens.findMany()).toHaveLength(4);

    for (const purge of retentionPurges) await purge(t.services);

    const sessions = await t.services.db.query.authSessions.findMany();
    expect(sessions.map((s) => s.expiresAt.getTime() > now)).toEqual([true]);
    const tokens = await t.services.db.query.passwordResetTokens.findMany();
    expect(tokens.map((row) => row.expiresAt.getTime()).sort()).toEqual(
      [now - 2 * 3_600_000 + 60 * 60_000, now + 60 * 60_000].sort(),
    );
    // What still works, still works: Bo's session, and the live link.
    expect((await bo.request('GET', '/api/home')).statusCode).toBe(200);
    expect((await client.request('POST', '/api/auth/password-reset/complete', { token: live, password: 'another new passphrase' })).statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts', async () => {
    const client = await anonymous(app, { remoteAddress: '127.0.0.99' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await client.request('POST', '/api/auth/sign-in', { email: 'x@example.test', password: 'wrong password' })).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Classmates on the same campus address are not locked out by one person's attempts.
    await person('classmate@example.test');
    const classmate = await client.request('POST', '/api/auth/sign-in', { email: 'classmate@example.test', password: PASSWORD });
    expect(classmate.statusCode).toBe(200);
  });
});
