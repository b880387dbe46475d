/**
 * The beheerder's outbox shows that a password-reset link or an RSVP link was sent, never the
 * token in it: only the recipient may use a link that works without signing in. The stored mail
 * keeps the real link (delivery needs it), so the recipient's link still works.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxResponse } from '../../src/contracts/admin';
import { mailOutbox } from '../../src/server/db/schema';
import { jobHandlers } from '../../src/server/job-handlers';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { anonymous, signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = FIXTURE_PASSWORD;

describe(`secret links in the outbox on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let coach: Client;
  let admin: Client;
  let communityId: string;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    const fixture = await coachWithCommunity(t);
    await fixture.person(['beheerder'], 'beheerder@test.example');
    communityId = fixture.communityId;
    // Sign in on the real clock (the cookie jar uses it); the test moves the app's clock later.
    coach = await signedIn(app, 'coach@test.example', PASSWORD);
    admin = await signedIn(app, 'beheerder@test.example', PASSWORD);
  });

  it('shows that a reset link and an RSVP link were sent with the token hidden; the recipient’s links still work', async () => {
    // A password reset, requested by the coachee.
    const visitor = await anonymous(app);
    expect((await visitor.request('POST', '/api/auth/password-reset', { email: 'coachee@test.example' })).statusCode).toBe(202);
    // A session reminder with a one-tap RSVP link, sent by the job the day before.
    t.setNow(new Date('2026-10-05T10:00:00Z'));
    const planned = await coach.request('POST', `/api/communities/${communityId}/sessions`, { type: 'community', date: '2026-10-08', startTime: '15:30', durationMinutes: 90, location: 'Lokaal 2.14' });
    expect(planned.statusCode, planned.body).toBe(201);
    t.setNow(new Date('2026-10-07T14:00:00Z'));
    await runDueJobs({ services: t.services, handlers: jobHandlers });

    // The real tokens, from the stored mails (which delivery needs whole).
    const rows = await t.services.db.select().from(mailOutbox);
    const resetToken = rows.map((m) => /\/reset-password#token=([A-Za-z0-9_-]+)/.exec(m.bodyText)?.[1]).find(Boolean);
    const rsvpToken = rows.map((m) => /\/rsvp#([A-Za-z0-9_-]+)/.exec(m.bodyText)?.[1]).find(Boolean);
    expect(resetToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rsvpToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    for (const [language, marker] of [['nl', '[verborgen]'], ['en', '[hidden]']] as const) {
      const response = await admin.request('GET', '/api/admin/outbox', undefined, { 'accept-language': language });
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain(resetToken);
      expect(response.body).not.toContain(rsvpToken);
      const { mails } = response.json<OutboxResponse>();
      expect(mails).toHaveLength(2);
      const reset = mails.find((m) => m.bodyText.includes('/reset-password#'));
      const reminder = mails.find((m) => m.bodyText.includes('/rsvp#'));
      expect(reset?.recipient).toBe('coachee@test.example');
      expect(reset?.bodyText).toContain(`/reset-password#token=${marker}`);
      expect(reminder?.recipient).toBe('coachee@test.example');
      expect(reminder?.bodyText).toContain(`/rsvp#${marker}`);
    }

    // The recipient's links still work.
    const rsvp = await visitor.request('POST', '/api/rsvp-link/answer', { token: rsvpToken, response: 'coming' });
    expect(rsvp.statusCode, rsvp.body).toBe(200);
    const reset = await visitor.request('POST', '/api/auth/password-reset/complete', { token: resetToken, password: 'a brand new passphrase' });
    expect(reset.statusCode, reset.body).toBe(200);
    t.setNow(new Date());
    await signedIn(app, 'coachee@test.example', 'a brand new passphrase');
  });
});
