/**
 * The consent ledger through HTTP: granular answers with the exact text version, withdrawal with
 * immediate effect on the coach's next read, an append-only ledger, and "who looked at my data".
 */
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consentEvents } from '../../src/server/db/schema';
import { hasConsent, requireConsent } from '../../src/server/modules/consent/has-consent';
import { createTestApp } from '../support/app';
import { testDbKind, type TestDb } from '../support/test-db';
import { supportFixture, type SupportFixture } from './support-fixture';

describe(`consent on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let fx: SupportFixture;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  beforeEach(async () => {
    await t.reset();
    fx = await supportFixture(t, app, ['coach', 'coachee']);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const answer = (decision: 'grant' | 'withdraw', consentId = 'coaching-data', textVersion = 1) =>
    fx.as.coachee.request('PUT', `/api/me/consents/${consentId}`, { decision, textVersion, shownLocale: 'nl' });

  it('lists the five consents, unanswered, with their text in both languages', async () => {
    const response = await fx.as.coachee.request('GET', '/api/me/consents');
    expect(response.statusCode).toBe(200);
    const { consents } = response.json();
    expect(consents.map((c: { id: string }) => c.id)).toEqual(['coaching-data', 'share-checkins-with-coach', 'research-use', 'audio-recording', 'grouping-background']);
    expect(consents.every((c: { status: string; text: { nl: string; en: string } }) => c.status === 'unanswered' && c.text.nl && c.text.en)).toBe(true);
  });

  it('records a grant with the exact text shown, and derives the state from the ledger', async () => {
    const granted = await answer('grant');
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ id: 'coaching-data', status: 'granted', answeredVersion: 1, outdated: false });
    const [row] = await t.services.db.select().from(consentEvents).where(eq(consentEvents.personId, fx.people.coachee.id));
    const text = t.services.content.consents.consents.find((c) => c.id === 'coaching-data')!;
    expect(row).toMatchObject({ event: 'grant', textVersion: 1, textNl: text.text.nl, textEn: text.text.en, shownLocale: 'nl' });
    expect(await hasConsent(t.services.db, fx.people.coachee.id, 'coaching-data')).toBe(true);
    expect(await hasConsent(t.services.db, fx.people.coachee.id, 'research-use')).toBe(false);
  });

  it('withdraws in one request, appending (never changing) the ledger', async () => {
    await answer('grant');
    const withdrawn = await answer('withdraw');
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect(await hasConsent(t.services.db, fx.people.coachee.id, 'coaching-data')).toBe(false);
    await expect(requireConsent(t.services.db, fx.people.coachee.id, 'coaching-data')).rejects.toMatchObject({ code: 'consent_required' });
    const history = (await fx.as.coachee.request('GET', '/api/me/consents/history')).json();
    expect(history.events.map((e: { event: string }) => e.event)).toEqual(['withdraw', 'grant']);
    // Answering the same again records nothing new.
    await answer('withdraw');
    expect((await fx.as.coachee.request('GET', '/api/me/consents/history')).json().events).toHaveLength(2);
  });

  it('keeps the ledger append-only in the database', async () => {
    await answer('grant');
    await expect(t.services.db.execute(sql`update consent_events set event = 'withdraw'`)).rejects.toThrow();
  });

  it('refuses an answer to an outdated text version, and unknown consents', async () => {
    expect((await answer('grant', 'coaching-data', 2)).statusCode).toBe(409);
    expect((await answer('grant', 'something-else')).statusCode).toBe(400);
    const bad = await fx.as.coachee.request('PUT', '/api/me/consents/coaching-data', { decision: 'maybe', textVersion: 1, shownLocale: 'nl' });
    expect(bad.statusCode).toBe(400);
  });

  it('records a refusal before any grant, and the coachee still takes part in the community', async () => {
    for (const id of ['coaching-data', 'share-checkins-with-coach', 'research-use', 'audio-recording', 'grouping-background']) {
      expect((await answer('withdraw', id)).json().status).toBe('withdrawn');
    }
    expect((await fx.as.coachee.request('GET', `/api/communities/${fx.community.id}`)).statusCode).toBe(200);
    const home = (await fx.as.coachee.request('GET', '/api/home')).json();
    expect(home.communities.map((c: { id: string }) => c.id)).toContain(fx.community.id);
  });

  it("refuses the coach's next read of the coachee's referrals the moment consent is withdrawn", async () => {
    await answer('grant');
    const { help } = { help: (await fx.as.coach.request('GET', '/api/help')).json() };
    const decaan = help.resources.find((r: { name: { nl: string } }) => /decaan/i.test(r.name.nl));
    const recorded = await fx.as.coach.request('POST', '/api/referrals', {
      coacheeId: fx.people.coachee.id,
      resourceId: decaan.id,
      referredOn: new Date().toISOString().slice(0, 10),
      coacheeAgreed: true,
    });
    expect(recorded.statusCode).toBe(201);
    const url = `/api/coachees/${fx.people.coachee.id}/referrals`;
    expect((await fx.as.coach.request('GET', url)).json().referrals).toHaveLength(1);
    expect((await fx.as.coach.request('GET', '/api/referrals')).json().referrals).toHaveLength(1);

    await answer('withdraw');

    const refused = await fx.as.coach.request('GET', url);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('consent_required');
    expect((await fx.as.coach.request('GET', '/api/referrals')).json().referrals).toEqual([]);
    const again = await fx.as.coach.request('POST', '/api/referrals', {
      coacheeId: fx.people.coachee.id,
      resourceId: decaan.id,
      referredOn: new Date().toISOString().slice(0, 10),
      coacheeAgreed: true,
    });
    expect(again.statusCode).toBe(403);
    const coachees = (await fx.as.coach.request('GET', '/api/referrals/coachees')).json().coachees;
    expect(coachees.find((c: { id: string }) => c.id === fx.people.coachee.id).consented).toBe(false);
    // The coachee still sees their own referral.
    expect((await fx.as.coachee.request('GET', '/api/me/referrals')).json().referrals).toHaveLength(1);

    await answer('grant');
    expect((await fx.as.coach.request('GET', url)).statusCode).toBe(200);
  });

  it('shows the coachee who looked at their data, and when', async () => {
    await answer('grant');
    const help = (await fx.as.coach.request('GET', '/api/help')).json();
    await fx.as.coach.request('POST', '/api/referrals', {
      coacheeId: fx.people.coachee.id,
      resourceId: help.resources[0].id,
      referredOn: new Date().toISOString().slice(0, 10),
      coacheeAgreed: true,
    });
    expect((await fx.as.coachee.request('GET', '/api/me/reads')).json().reads).toEqual([]);
    await fx.as.coach.request('GET', `/api/coachees/${fx.people.coachee.id}/referrals`);
    // Their own reads are not listed.
    await fx.as.coachee.request('GET', '/api/me/referrals');
    const { reads } = (await fx.as.coachee.request('GET', '/api/me/reads')).json();
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ resourceType: 'referral', reader: { firstName: 'Coach', lastName: 'TestCoach' } });
    // Nobody else sees them: the endpoint is the signed-in person's own.
    expect((await fx.as.coach.request('GET', '/api/me/reads')).json().reads).toEqual([]);
  });
});
