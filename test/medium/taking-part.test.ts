/**
 * A check-in ("hoe zit je in je vel?") and the closing questions belong to a session the person
 * took part in: not to one they sent an absence notice for, nor one they were marked absent at —
 * unless they came after all (marked present or late). And a logbook follows its session.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkins, sessionFeedback } from '../../src/server/db/schema';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

describe(`check-in and closing questions only after taking part, on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let coachee: Client;
  let coach: Client;
  let coacheeId: string;
  let sessionId: string;

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
    coacheeId = fixture.coachee.id;
    const session = await t.factories.session({
      institutionId: fixture.institution.id,
      programmeId: fixture.programme.id,
      communityId: fixture.communityId,
      organiserId: fixture.coach.id,
      startsAt: new Date(Date.now() - 3 * 3_600_000),
    });
    sessionId = session.id;
    coachee = await signedIn(app, 'coachee@test.example', FIXTURE_PASSWORD);
    coach = await signedIn(app, 'coach@test.example', FIXTURE_PASSWORD);
  });

  /** The absence notice, sent the day before (answers close when a session starts). */
  const notice = () => t.factories.rsvps([{ sessionId, personId: coacheeId, response: 'notComing', reason: 'ziek' }]);
  const checkIn = (locale = 'nl') => coachee.request('PUT', `/api/sessions/${sessionId}/checkin`, { score: 7 }, { 'accept-language': locale });
  const rate = () => coachee.request('PUT', `/api/sessions/${sessionId}/feedback`, { answers: { 'close-rating': 4 } });
  const stored = async () => ({ checkins: (await t.database.db.select().from(checkins)).length, feedback: (await t.database.db.select().from(sessionFeedback)).length });

  it('refuses both after an absence notice, with a clear message, and stores nothing', async () => {
    await notice();
    const nl = await checkIn('nl');
    expect(nl.statusCode).toBe(409);
    expect(nl.json().error.message).toBe('Volgens je afmelding of de aanwezigheid was je niet bij deze bijeenkomst. Een check-in of je mening hoort bij een bijeenkomst waar je bij was.');
    expect((await checkIn('en')).json().error.message).toBe('By your absence notice or the attendance, you were not at this session. A check-in or your opinion belongs to a session you were at.');
    expect((await rate()).statusCode).toBe(409);
    expect(await stored()).toEqual({ checkins: 0, feedback: 0 });
  });

  it('refuses both when the coach marked the person absent', async () => {
    expect((await coach.request('POST', `/api/sessions/${sessionId}/attendance`, { marks: [{ personId: coacheeId, status: 'absent' }] })).statusCode).toBe(200);
    expect((await checkIn()).statusCode).toBe(409);
    expect((await rate()).statusCode).toBe(409);
    expect(await stored()).toEqual({ checkins: 0, feedback: 0 });
  });

  it('allows both to someone who sent a notice but came after all', async () => {
    await notice();
    expect((await coach.request('POST', `/api/sessions/${sessionId}/attendance`, { marks: [{ personId: coacheeId, status: 'late' }] })).statusCode).toBe(200);
    expect((await checkIn()).statusCode).toBe(200);
    expect((await rate()).statusCode).toBe(200);
    expect(await stored()).toEqual({ checkins: 1, feedback: 1 });
  });

  it('allows both with no notice and no marks yet', async () => {
    expect((await checkIn()).statusCode).toBe(200);
    expect((await rate()).statusCode).toBe(200);
  });

  it('offers the check-in on the session page only to someone who took part in a started session', async () => {
    const can = async () => (await coachee.request('GET', `/api/sessions/${sessionId}`)).json<{ can: { checkin: boolean } }>().can.checkin;
    expect(await can()).toBe(true);
    await notice();
    expect(await can()).toBe(false);
    await coach.request('POST', `/api/sessions/${sessionId}/attendance`, { marks: [{ personId: coacheeId, status: 'present' }] });
    expect(await can()).toBe(true);
    t.setNow(new Date(Date.now() - 4 * 3_600_000));
    expect(await can()).toBe(false);
  });

  it('refuses a logbook for a session that has not started, and takes it afterwards', async () => {
    const answers = { 'logbook-what-we-did': 'Kennismaken', 'logbook-how-it-went': 4, 'logbook-need': ['nothing'] };
    t.setNow(new Date(Date.now() - 4 * 3_600_000));
    const early = await coach.request('PUT', `/api/sessions/${sessionId}/logbook`, { answers });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('session_not_started');
    t.setNow(new Date());
    expect((await coach.request('PUT', `/api/sessions/${sessionId}/logbook`, { answers })).statusCode).toBe(200);
  });
});
