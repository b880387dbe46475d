/**
 * Magic-link sign-in ("Stuur me een inloglink") over HTTP, with the mail delivered over SMTP to a
 * real smtp-server on loopback and the link read from the received mail.
 */
import { eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authSessions, magicLinkTokens, mailOutbox } from '../../src/server/db/schema';
import { listOutbox } from '../../src/server/modules/mail/mailer';
import { redactSecretLinks } from '../../src/server/modules/mail/secret-links';
import type { Mailbox } from '../e2e/support/mailbox';
import { createTestAppWithMailbox } from '../support/app';
import { anonymous } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const LINK = /\/sign-in\/link#token=([A-Za-z0-9_-]+)/;
const NOW = new Date('2027-03-01T10:00:00Z');

describe(`magic-link sign-in on ${testDbKind()}`, () => {
  let mailbox: Mailbox;
  let t: TestDb;
  let app: FastifyInstance;

  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, app, mailbox, close } = await createTestAppWithMailbox());
  });
  afterAll(() => close());
  beforeEach(async () => {
    await t.reset();
    t.setNow(NOW);
  });

  async function person(email = 'kim@student.test', locale: 'nl' | 'en' = 'nl') {
    const institution = await t.factories.institution();
    return t.factories.person({ institutionId: institution.id, roles: ['coachee'], firstName: 'Kim', email, locale });
  }

  /** Asks for a link from `address` and answers the token the person received over SMTP. */
  async function requestLink(email: string, address = '10.0.0.1'): Promise<string> {
    const since = mailbox.count();
    const asked = await (await anonymous(app, { remoteAddress: address })).request('POST', '/api/auth/magic-link', { email });
    expect(asked.statusCode).toBe(202);
    await t.services.mailer.dispatch();
    return mailbox.find(email, LINK, { since });
  }

  const sessionsOf = async (personId: string) => t.services.db.select().from(authSessions).where(eq(authSessions.personId, personId));

  it('mails a link in the person\'s language that signs in once', async () => {
    const kim = await person('kim@student.test', 'en');
    const since = mailbox.count();
    const token = await requestLink('Kim@Student.test'.toLowerCase());
    expect(await mailbox.find('kim@student.test', /(Your sign-in link|press Sign in)/, { since })).toBeTruthy();

    const tab = await anonymous(app);
    const signedIn = await tab.request('POST', '/api/auth/magic-link/sign-in', { token });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json<{ person: { id: string } | null }>().person?.id).toBe(kim.id);
    expect((await tab.request('GET', '/api/auth/session')).json<{ person: { email: string } | null }>().person?.email).toBe('kim@student.test');

    const again = await (await anonymous(app)).request('POST', '/api/auth/magic-link/sign-in', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'magic_link_used', message: expect.stringContaining('al gebruikt') });
    expect(await sessionsOf(kim.id)).toHaveLength(1);

    // Only delivery reads the stored mail whole; the beheerder's outbox view hides the token.
    const [row] = await listOutbox(t.services.db, kim.institutionId);
    expect(row?.bodyText).toContain(token);
    expect(redactSecretLinks(row?.bodyText ?? '')).not.toContain(token);
    expect(redactSecretLinks(row?.bodyText ?? '')).toContain('/sign-in/link#token=[redacted]');
  });

  it('answers an unknown address exactly as a known one, and mails nobody', async () => {
    await person('kim@student.test');
    const known = await (await anonymous(app)).request('POST', '/api/auth/magic-link', { email: 'kim@student.test' });
    const unknown = await (await anonymous(app)).request('POST', '/api/auth/magic-link', { email: 'nobody@student.test' });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(Object.keys(unknown.headers).filter((h) => h !== 'x-request-id' && h !== 'date').sort()).toEqual(Object.keys(known.headers).filter((h) => h !== 'x-request-id' && h !== 'date').sort());
    expect((await t.services.db.select().from(mailOutbox)).map((m) => m.recipient)).toEqual(['kim@student.test']);
    // The same work was done for both: a stored digest each; the unknown one can sign no one in.
    expect(await t.services.db.select().from(magicLinkTokens)).toHaveLength(2);
    expect(await t.services.db.select().from(magicLinkTokens).where(isNull(magicLinkTokens.personId))).toHaveLength(1);
  });

  it('limits requests per account and per address, known or not (429 with Retry-After)', async () => {
    await person('kim@student.test');
    for (let i = 0; i < 5; i++) {
      const ok = await (await anonymous(app, { remoteAddress: `10.0.1.${i}` })).request('POST', '/api/auth/magic-link', { email: 'kim@student.test' });
      expect(ok.statusCode).toBe(202);
    }
    const perAccount = await (await anonymous(app, { remoteAddress: '10.0.1.99' })).request('POST', '/api/auth/magic-link', { email: 'kim@student.test' });
    expect(perAccount.statusCode).toBe(429);
    expect(Number(perAccount.headers['retry-after'])).toBeGreaterThan(0);

    const client = await anonymous(app, { remoteAddress: '10.0.2.1' });
    for (let i = 0; i < 20; i++) expect((await client.request('POST', '/api/auth/magic-link', { email: `someone${i}@student.test` })).statusCode).toBe(202);
    const perAddress = await client.request('POST', '/api/auth/magic-link', { email: 'someone-else@student.test' });
    expect(perAddress.statusCode).toBe(429);
    expect(perAddress.json<{ error: { code: string } }>().error.code).toBe('too_many_attempts');
  });

  it('two tabs using the same link at the same moment: one session only', async () => {
    const kim = await person();
    const token = await requestLink('kim@student.test');
    const tabs = await Promise.all([anonymous(app), anonymous(app), anonymous(app), anonymous(app)]);
    const answers = await Promise.all(tabs.map((tab) => tab.request('POST', '/api/auth/magic-link/sign-in', { token })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 400, 400, 400]);
    expect(answers.filter((a) => a.statusCode === 400).map((a) => a.json<{ error: { code: string } }>().error.code)).toEqual(['magic_link_used', 'magic_link_used', 'magic_link_used']);
    expect(await sessionsOf(kim.id)).toHaveLength(1);
  });

  it('refuses an expired or forged link with a clear message and signs nobody in', async () => {
    const kim = await person();
    const token = await requestLink('kim@student.test');
    t.setNow(new Date(NOW.getTime() + 15 * 60_000));
    const expired = await (await anonymous(app)).request('POST', '/api/auth/magic-link/sign-in', { token }, { 'accept-language': 'en' });
    expect(expired.statusCode).toBe(400);
    expect(expired.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'magic_link_expired', message: expect.stringContaining('15 minutes') });

    const forged = await (await anonymous(app)).request('POST', '/api/auth/magic-link/sign-in', { token: 'x'.repeat(43) });
    expect(forged.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'magic_link_invalid', message: expect.stringContaining('klopt niet') });
    // A row for an unknown address exists, but its token was never mailed and never signs in.
    expect(await sessionsOf(kim.id)).toHaveLength(0);

    const bad = await (await anonymous(app)).request('POST', '/api/auth/magic-link', { email: 'geen adres' });
    expect(bad.statusCode).toBe(400);
  });

  it('counts wrong tokens against the address: guessing is stopped', async () => {
    const client = await anonymous(app, { remoteAddress: '10.0.3.1' });
    for (let i = 0; i < 10; i++) expect((await client.request('POST', '/api/auth/magic-link/sign-in', { token: `guess${i}`.padEnd(43, 'a') })).statusCode).toBe(400);
    expect((await client.request('POST', '/api/auth/magic-link/sign-in', { token: 'guess-more'.padEnd(43, 'a') })).statusCode).toBe(429);
  });
});
