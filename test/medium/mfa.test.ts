/**
 * MFA through the real HTTP routes: set-up with a QR code, confirmation, two-step sign-in with an
 * authenticator code (computed here with otplib on the app's injected clock) or a recovery code,
 * replay and guessing refused, and MFA required for roles the institution names.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/roles';
import { buildApp } from '../../src/server/app';
import { authSessions, mfaRecoveryCodes, pendingSignIns, totpCredentials } from '../../src/server/db/schema';
import { anonymous, signedIn, type Client } from '../support/http';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery';

describe(`MFA on ${testDbKind()}`, () => {
  let t: TestDb;
  let institutionId: string;
  let now: Date;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    institutionId = (await t.factories.institution()).id;
    // Ten seconds into a 30-second step, near the real time (cookies expire by the real clock).
    now = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 10_000);
    t.setNow(now);
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  async function appWith(requiredRoles: Role[] = []) {
    const config = { ...t.services.config, signIn: { ...t.services.config.signIn, mfa: { ...t.services.config.signIn.mfa, requiredRoles } } };
    const app = await buildApp({ services: { ...t.services, config } });
    apps.push(app);
    return app;
  }

  const move = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
    t.setNow(now);
  };
  const codeFor = (secret: string) => generate({ secret, epoch: Math.floor(now.getTime() / 1000) });

  /** Sets MFA up for a signed-in client; answers the secret and the recovery codes. */
  async function enrol(client: Client) {
    const setup = await client.request('POST', '/api/me/mfa/setup');
    expect(setup.statusCode).toBe(200);
    const { secret } = setup.json<{ secret: string }>();
    const confirmed = await client.request('POST', '/api/me/mfa/confirm', { code: await codeFor(secret) });
    expect(confirmed.statusCode).toBe(200);
    return { secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes };
  }

  /** The first step only: answers the client, which now holds a pending sign-in. */
  async function firstStep(app: FastifyInstance, email: string) {
    const client = await anonymous(app);
    const response = await client.request('POST', '/api/auth/sign-in', { email, password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ person: null, mfa: { pending: true, setupRequired: false } });
    expect(response.cookies.find((c) => c.name === 'pk_session')).toBeUndefined();
    expect(response.cookies.find((c) => c.name === 'pk_mfa')?.httpOnly).toBe(true);
    return client;
  }

  it('sets MFA up with a QR code and a first code, and never shows the secret again', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: 'ada@example.test', roles: ['coachee'], password: PASSWORD });
    const client = await signedIn(app, 'ada@example.test', PASSWORD);
    expect((await client.request('GET', '/api/me/mfa')).json()).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });

    const setup = await client.request('POST', '/api/me/mfa/setup');
    const { secret, uri, qrSvg } = setup.json<{ secret: string; uri: string; qrSvg: string }>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/peerkracht:ada%40example\.test\?.*secret=/);
    expect(qrSvg).toMatch(/<svg[^>]*>.*<\/svg>/s);
    const [stored] = await t.services.db.select().from(totpCredentials);
    expect(stored!.secretCiphertext).not.toContain(secret);
    expect(stored!.confirmedAt).toBeNull();

    const wrong = await client.request('POST', '/api/me/mfa/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('mfa_code_invalid');
    expect((await client.request('GET', '/api/me/mfa')).json().enabled).toBe(false);

    const confirmed = await client.request('POST', '/api/me/mfa/confirm', { code: await codeFor(secret) });
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const digests = (await t.services.db.select().from(mfaRecoveryCodes)).map((r) => r.codeHash);
    expect(digests.some((d) => recoveryCodes.some((code) => d.includes(code.replace('-', ''))))).toBe(false);
    expect((await client.request('GET', '/api/me/mfa')).json()).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });

    const again = await client.request('POST', '/api/me/mfa/setup');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('mfa_already_on');
  });

  it('makes sign-in two steps: the password step opens no session, the code does', async () => {
    const app = await appWith();
    const ada = await t.factories.person({ institutionId, email: 'ada@example.test', roles: ['coordinator'], password: PASSWORD });
    const { secret } = await enrol(await signedIn(app, 'ada@example.test', PASSWORD));
    move(30);

    const client = await firstStep(app, 'ada@example.test');
    expect((await client.request('GET', '/api/home')).statusCode).toBe(401);
    expect((await client.request('GET', '/api/auth/session')).json()).toMatchObject({ person: null, mfa: { pending: true } });

    const wrong = await client.request('POST', '/api/auth/mfa', { code: '123456' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/code/);
    expect((await client.request('GET', '/api/home')).statusCode).toBe(401);

    const done = await client.request('POST', '/api/auth/mfa', { code: await codeFor(secret) });
    expect(done.statusCode).toBe(200);
    expect(done.json().person.id).toBe(ada.id);
    client.csrf = done.json().csrfToken;
    expect((await client.request('GET', '/api/home')).statusCode).toBe(200);
    expect(await t.services.db.select().from(pendingSignIns)).toEqual([]);
  });

  it('never accepts a code twice, not even in another sign-in in the same 30 seconds', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: 'ada@example.test', roles: ['coordinator'], password: PASSWORD });
    const { secret } = await enrol(await signedIn(app, 'ada@example.test', PASSWORD));
    move(30);
    const code = await codeFor(secret);
    const first = await firstStep(app, 'ada@example.test');
    expect((await first.request('POST', '/api/auth/mfa', { code })).statusCode).toBe(200);

    const second = await firstStep(app, 'ada@example.test');
    const replayed = await second.request('POST', '/api/auth/mfa', { code });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().error.code).toBe('mfa_code_invalid');
    // The code of the previous step is refused too; the next step's code works.
    move(30);
    expect((await second.request('POST', '/api/auth/mfa', { code: await codeFor(secret) })).statusCode).toBe(200);
  });

  it('lets two requests with the same code race: one session, the other refused', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: 'ada@example.test', roles: ['coordinator'], password: PASSWORD });
    const { secret } = await enrol(await signedIn(app, 'ada@example.test', PASSWORD));
    move(30);
    const client = await firstStep(app, 'ada@example.test');
    const other = await firstStep(app, 'ada@example.test');
    const code = await codeFor(secret);
    const answers = await Promise.all([client.request('POST', '/api/auth/mfa', { code }), other.request('POST', '/api/auth/mfa', { code })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 400]);
  });

  it('accepts each recovery code once', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: 'ada@example.test', roles: ['coordinator'], password: PASSWORD });
    const { recoveryCodes } = await enrol(await signedIn(app, 'ada@example.test', PASSWORD));
    const [code] = recoveryCodes;

    const client = await firstStep(app, 'ada@example.test');
    // As people type them: capitals, a space instead of the dash.
    const used = await client.request('POST', '/api/auth/mfa', { code: code!.toUpperCase().replace('-', ' ') });
    expect(used.statusCode).toBe(200);
    client.csrf = used.json().csrfToken;
    expect((await client.request('GET', '/api/me/mfa')).json().recoveryCodesLeft).toBe(9);

    const again = await firstStep(app, 'ada@example.test');
    const reused = await again.request('POST', '/api/auth/mfa', { code: code! });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('mfa_code_invalid');
    expect((await again.request('POST', '/api/auth/mfa', { code: recoveryCodes[1]! })).statusCode).toBe(200);
  });

  it('lets a pending sign-in expire after five minutes', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: 'ada@example.test', roles: ['coordinator'], password: PASSWORD });
    const { secret } = await enrol(await signedIn(app, 'ada@example.test', PASSWORD));
    const client = await firstStep(app, 'ada@example.test');
    move(5 * 60 + 1);
    const late = await client.request('POST', '/api/auth/mfa', { code: await codeFor(secret) });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('mfa_pending_invalid');
    expect((await client.request('GET', '/api/auth/session')).json()).toMatchObject({ person: null, mfa: { pending: false } });
  });

  it('stops guessing: ten wrong codes, then 429 even for the right one', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: 'ada@example.test', roles: ['coordinator'], password: PASSWORD });
    const { secret } = await enrol(await signedIn(app, 'ada@example.test', PASSWORD));
    move(30);
    const client = await firstStep(app, 'ada@example.test');
    for (let i = 0; i < 10; i++) expect((await client.request('POST', '/api/auth/mfa', { code: String(100000 + i) })).statusCode).toBe(400);
    const blocked = await client.request('POST', '/api/auth/mfa', { code: await codeFor(secret) });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeTruthy();
  });

  it('turns MFA off with a code; sign-in is one step again', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: 'ada@example.test', roles: ['coachee'], password: PASSWORD });
    const client = await signedIn(app, 'ada@example.test', PASSWORD);
    const { secret } = await enrol(client);
    move(30);
    expect((await client.request('POST', '/api/me/mfa/disable', { code: '000000' })).statusCode).toBe(400);
    expect((await client.request('GET', '/api/me/mfa')).json().enabled).toBe(true);
    expect((await client.request('POST', '/api/me/mfa/disable', { code: await codeFor(secret) })).statusCode).toBe(200);
    expect(await t.services.db.select().from(mfaRecoveryCodes)).toEqual([]);
    await signedIn(app, 'ada@example.test', PASSWORD);
  });

  it('leads a beheerder without MFA to the set-up before anything else, when the institution requires it', async () => {
    const app = await appWith(['beheerder', 'finance']);
    const admin = await t.factories.person({ institutionId, email: 'admin@example.test', roles: ['beheerder'], password: PASSWORD });
    const client = await anonymous(app);
    const response = await client.request('POST', '/api/auth/sign-in', { email: 'admin@example.test', password: PASSWORD });
    expect(response.json()).toMatchObject({ person: { id: admin.id }, mfa: { pending: false, setupRequired: true } });
    client.csrf = response.json().csrfToken;
    const blocked = await client.request('GET', '/api/home');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('mfa_setup_required');
    expect((await client.request('GET', '/api/admin/outbox')).statusCode).toBe(403);
    expect((await client.request('GET', '/api/me/mfa')).json()).toEqual({ enabled: false, required: true, recoveryCodesLeft: 0 });

    const { secret } = await enrol(client);
    // The same session now reaches everything.
    expect((await client.request('GET', '/api/home')).statusCode).toBe(200);
    expect((await t.services.db.select().from(authSessions).where(eq(authSessions.personId, admin.id))).every((s) => !s.mfaSetupRequired)).toBe(true);
    move(30);
    const off = await client.request('POST', '/api/me/mfa/disable', { code: await codeFor(secret) });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.code).toBe('mfa_required');

    // A coachee is not required to.
    await t.factories.person({ institutionId, email: 'sam@example.test', roles: ['coachee'], password: PASSWORD });
    const sam = await signedIn(app, 'sam@example.test', PASSWORD);
    expect((await sam.request('GET', '/api/home')).statusCode).toBe(200);
  });
});
