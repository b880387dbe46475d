/**
 * Single sign-on through a real OpenID provider on loopback (oidc-provider, shaped like
 * SURFconext, PKCE required): the app's start and callback routes over HTTP, the provider's
 * authorization and token endpoints over the network. Every wrong case: no session, a page that
 * says why, nothing changed.
 */
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { OidcConfig } from '../../src/server/config';
import { authSessions, oidcLinks, people, roleAssignments, totpCredentials } from '../../src/server/db/schema';
import { retentionPurges } from '../../src/server/job-handlers';
import { anonymous, type Client } from '../support/http';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';
import { CLIENT_ID, CLIENT_SECRET, MFA_ACR, signInAtProvider, startOidcProvider, type TestProvider } from '../support/oidc-provider';

const CALLBACK = 'http://localhost:3000/api/auth/oidc/callback';
const HOME = 'hogeschool.example';

describe(`single sign-on (OpenID Connect) on ${testDbKind()}`, () => {
  let t: TestDb;
  let provider: TestProvider;
  let institutionId: string;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    t = await createTestDb();
    provider = await startOidcProvider({ redirectUris: [CALLBACK] });
  });
  afterAll(async () => {
    await provider.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    institutionId = (await t.factories.institution()).id;
    provider.accounts.clear();
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  const oidcConfig = (overrides: Partial<OidcConfig> = {}): OidcConfig => ({
    issuer: provider.issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: CALLBACK,
    scopes: ['openid', 'email', 'profile'],
    homeOrganisation: HOME,
    linkBy: 'email',
    studentNumberClaim: 'schac_personal_unique_code',
    emailTrust: 'verified-claim',
    autoCreate: false,
    mfaAcrValues: [],
    institutionId: null,
    ...overrides,
  });

  async function appWith(oidc: Partial<OidcConfig> = {}, signIn: { password?: boolean } = {}) {
    const config = { ...t.services.config, signIn: { ...t.services.config.signIn, password: signIn.password ?? true, oidc: oidcConfig(oidc) } };
    const app = await buildApp({ services: { ...t.services, config } });
    apps.push(app);
    return app;
  }

  const student = (sub: string, claims: Record<string, unknown> = {}) =>
    provider.accounts.set(sub, { email: `${sub}@${HOME}`, email_verified: true, schac_home_organization: HOME, eduperson_affiliation: ['student', 'member'], given_name: 'Sam', family_name: 'Jansen', ...claims });

  /** Starts at the app, signs in at the provider, and answers the callback URL (not yet followed). */
  async function toCallback(client: Client, account: string, options: { mfa?: boolean } = {}) {
    const start = await client.request('GET', '/api/auth/oidc/start');
    expect(start.statusCode).toBe(302);
    const authorize = new URL(start.headers.location as string);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    return signInAtProvider(authorize.href, account, options);
  }

  const follow = (client: Client, callback: URL) => client.request('GET', `${callback.pathname}${callback.search}`);

  async function sessionOf(client: Client) {
    const response = await client.request('GET', '/api/auth/session');
    return response.json<{ person: { id: string } | null; mfa: { pending: boolean } }>();
  }

  async function counts() {
    const [p] = await t.services.db.select({ n: count() }).from(people);
    const [l] = await t.services.db.select({ n: count() }).from(oidcLinks);
    const [s] = await t.services.db.select({ n: count() }).from(authSessions);
    return { people: p!.n, links: l!.n, sessions: s!.n };
  }

  async function expectRefused(client: Client, callback: URL | string, reason: string) {
    const before = await counts();
    const response = typeof callback === 'string' ? await client.request('GET', callback) : await follow(client, callback);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`/sign-in/sso?error=${reason}`);
    expect(response.cookies.find((c) => c.name === 'pk_session')).toBeUndefined();
    expect((await sessionOf(client)).person).toBeNull();
    const after = await counts();
    expect({ people: after.people, sessions: after.sessions }).toEqual({ people: before.people, sessions: before.sessions });
    expect(after.links).toBe(before.links);
  }

  it('signs a known person in by their verified e-mail address, remembers the link, and uses it next time', async () => {
    const app = await appWith();
    const ada = await t.factories.person({ institutionId, email: `ada@${HOME}`, roles: ['coordinator'] });
    student('ada-sub', { email: `ADA@${HOME}` });
    const client = await anonymous(app);
    const response = await follow(client, await toCallback(client, 'ada-sub'));
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    expect(response.cookies.find((c) => c.name === 'pk_session')?.httpOnly).toBe(true);
    expect((await sessionOf(client)).person?.id).toBe(ada.id);
    expect((await client.request('GET', '/api/home')).statusCode).toBe(200);
    const links = await t.services.db.select().from(oidcLinks);
    expect(links).toMatchObject([{ issuer: provider.issuer, subject: 'ada-sub', personId: ada.id }]);

    // The provider's address changes later: the remembered link still finds Ada, never by name.
    student('ada-sub', { email: `a.lovelace@${HOME}` });
    const again = await anonymous(app);
    await follow(again, await toCallback(again, 'ada-sub'));
    expect((await sessionOf(again)).person?.id).toBe(ada.id);
  });

  it('links by student number when the institution chose it', async () => {
    const app = await appWith({ linkBy: 'student-number' });
    const sam = await t.factories.person({ institutionId, email: 'sam@private.example', roles: ['coachee'] });
    await t.services.db.update(people).set({ studentNumber: '500123' }).where(eq(people.id, sam.id));
    student('sam-sub', { email: 'other@elsewhere.example', schac_personal_unique_code: [`urn:schac:personalUniqueCode:nl:local:${HOME}:studentid:500123`] });
    const client = await anonymous(app);
    await follow(client, await toCallback(client, 'sam-sub'));
    expect((await sessionOf(client)).person?.id).toBe(sam.id);
  });

  it('refuses an unknown person with a clear page and creates nobody', async () => {
    const app = await appWith();
    student('new-sub');
    const client = await anonymous(app);
    await expectRefused(client, await toCallback(client, 'new-sub'), 'unknown_person');
  });

  it('refuses a person from another institution, even with a matching e-mail address', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: `ada@${HOME}`, roles: ['coordinator'] });
    student('ada-sub', { email: `ada@${HOME}`, schac_home_organization: 'andere-hogeschool.example' });
    const client = await anonymous(app);
    await expectRefused(client, await toCallback(client, 'ada-sub'), 'other_institution');
  });

  it('does not link by an address the provider has not verified', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: `ada@${HOME}`, roles: ['coordinator'] });
    student('ada-sub', { email: `ada@${HOME}`, email_verified: false });
    const client = await anonymous(app);
    await expectRefused(client, await toCallback(client, 'ada-sub'), 'missing_claims');
  });

  it('creates a person without roles when the institution turned auto-create on (students and staff, not guests)', async () => {
    const app = await appWith({ autoCreate: true });
    student('new-sub', { given_name: 'Noor', family_name: 'Bakker' });
    const client = await anonymous(app);
    const response = await follow(client, await toCallback(client, 'new-sub'));
    expect(response.headers.location).toBe('/');
    const me = (await sessionOf(client)).person;
    const [created] = await t.services.db.select().from(people).where(eq(people.id, me!.id));
    expect(created).toMatchObject({ firstName: 'Noor', lastName: 'Bakker', email: `new-sub@${HOME}`, institutionId });
    expect(await t.services.db.select().from(roleAssignments).where(eq(roleAssignments.personId, me!.id))).toEqual([]);

    student('guest-sub', { eduperson_affiliation: ['affiliate'] });
    const guest = await anonymous(app);
    await expectRefused(guest, await toCallback(guest, 'guest-sub'), 'unknown_person');
  });

  it('refuses a callback whose state is not the one this browser started with', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: `ada@${HOME}`, roles: ['coordinator'] });
    student('ada-sub', { email: `ada@${HOME}` });
    const client = await anonymous(app);
    const callback = await toCallback(client, 'ada-sub');
    const forged = new URL(callback);
    forged.searchParams.set('state', randomBytes(32).toString('base64url'));
    await expectRefused(client, forged, 'expired');
    // A callback from someone else's browser (no state cookie here): refused too.
    const other = await anonymous(app);
    await expectRefused(other, callback, 'expired');
  });

  it('refuses an answer that names another issuer (mix-up), and a provider whose metadata names another issuer', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: `ada@${HOME}`, roles: ['coordinator'] });
    student('ada-sub', { email: `ada@${HOME}` });
    const client = await anonymous(app);
    const callback = await toCallback(client, 'ada-sub');
    expect(callback.searchParams.get('iss')).toBe(provider.issuer);
    callback.searchParams.set('iss', 'https://evil.example');
    await expectRefused(client, callback, 'failed');

    // Configured as localhost, the provider calls itself 127.0.0.1: discovery refuses it.
    const misnamed = await appWith({ issuer: provider.issuer.replace('127.0.0.1', 'localhost') });
    const browser = await anonymous(misnamed);
    const start = await browser.request('GET', '/api/auth/oidc/start');
    expect(start.headers.location).toBe('/sign-in/sso?error=unavailable');
    expect(start.cookies.find((c) => c.name === 'pk_oidc')).toBeUndefined();
  });

  it('refuses a replayed callback (its state and nonce are used up) and a used code under a new state', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: `ada@${HOME}`, roles: ['coordinator'] });
    student('ada-sub', { email: `ada@${HOME}` });
    const client = await anonymous(app);
    const callback = await toCallback(client, 'ada-sub');
    const stateCookie = `pk_oidc=${callback.searchParams.get('state')}`;
    expect((await follow(client, callback)).headers.location).toBe('/');

    // The same answer again, with the state cookie an attacker copied: refused, no second session.
    const replay = await anonymous(app);
    const before = await counts();
    const replayed = await replay.request('GET', `${callback.pathname}${callback.search}`, undefined, { cookie: stateCookie });
    expect(replayed.headers.location).toBe('/sign-in/sso?error=expired');
    expect((await counts()).sessions).toBe(before.sessions);

    // The used code, delivered to a fresh sign-in of another browser (its own state, nonce and
    // PKCE verifier): the provider refuses the code, nobody is signed in.
    const second = await anonymous(app);
    const fresh = await toCallback(second, 'ada-sub');
    fresh.searchParams.set('code', callback.searchParams.get('code')!);
    await expectRefused(second, fresh, 'failed');
  });

  it('refuses a sign-in that took longer than ten minutes (the state expired)', async () => {
    const app = await appWith();
    await t.factories.person({ institutionId, email: `ada@${HOME}`, roles: ['coordinator'] });
    student('ada-sub', { email: `ada@${HOME}` });
    const client = await anonymous(app);
    const started = new Date();
    t.setNow(started);
    const callback = await toCallback(client, 'ada-sub');
    t.setNow(new Date(started.getTime() + 11 * 60_000));
    await expectRefused(client, callback, 'expired');
    // …and the hourly purge removes the spent attempt.
    for (const purge of retentionPurges) await purge(t.services);
  });

  it('answers a cancelled sign-in at the provider with its own page', async () => {
    const app = await appWith();
    const client = await anonymous(app);
    // No such account at the provider: it answers access_denied.
    await expectRefused(client, await toCallback(client, 'nobody'), 'cancelled');
  });

  it('tells the client which methods are on, and refuses password sign-in when the institution switched it off', async () => {
    const app = await appWith({}, { password: false });
    await t.factories.person({ institutionId, email: `ada@${HOME}`, roles: ['coordinator'], password: 'correct horse battery' });
    const client = await anonymous(app);
    expect((await client.request('GET', '/api/auth/methods')).json()).toEqual({ password: false, magicLink: false, sso: { startUrl: '/api/auth/oidc/start' } });
    const refused = await client.request('POST', '/api/auth/sign-in', { email: `ada@${HOME}`, password: 'correct horse battery' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('password_sign_in_off');
    expect(refused.json().error.message).toMatch(/SURFconext/);
    expect((await sessionOf(client)).person).toBeNull();
    const reset = await client.request('POST', '/api/auth/password-reset', { email: `ada@${HOME}` });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().error.code).toBe('password_sign_in_off');
  });

  it('asks for the MFA code after SSO, unless the provider did MFA and the institution counts its acr', async () => {
    const counted = await appWith({ mfaAcrValues: [MFA_ACR] });
    const ada = await t.factories.person({ institutionId, email: `ada@${HOME}`, roles: ['beheerder'] });
    await t.services.db.insert(totpCredentials).values({ personId: ada.id, secretCiphertext: 'unused here', confirmedAt: new Date() });
    student('ada-sub', { email: `ada@${HOME}` });

    const withMfa = await anonymous(counted);
    expect((await follow(withMfa, await toCallback(withMfa, 'ada-sub', { mfa: true }))).headers.location).toBe('/');
    expect((await sessionOf(withMfa)).person?.id).toBe(ada.id);

    const withoutMfa = await anonymous(counted);
    const response = await follow(withoutMfa, await toCallback(withoutMfa, 'ada-sub'));
    expect(response.headers.location).toBe('/sign-in/code');
    expect(await sessionOf(withoutMfa)).toMatchObject({ person: null, mfa: { pending: true } });

    // The same acr means nothing to an institution that did not configure it.
    const notCounted = await appWith({ mfaAcrValues: [] });
    const browser = await anonymous(notCounted);
    expect((await follow(browser, await toCallback(browser, 'ada-sub', { mfa: true }))).headers.location).toBe('/sign-in/code');
  });
});
