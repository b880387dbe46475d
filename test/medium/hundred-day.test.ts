/**
 * The 100-day moment (#21 item 2) and endings that say why (item 7), through the real app: the
 * durable job asks every coachee in the app and by mail (a one-tap link), answers before the
 * deadline are stored once, an answer after it is refused with nothing stored, a stop is a
 * regular counted ending — not a dropout — and the coach and coordinator see what they may.
 * A switch to another programme tells that programme's coordinator only with the student's agreement.
 */
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IntakeCommunitiesResponse } from '../../src/contracts/communities';
import type { CommunityHundredDayResponse, IntakeHundredDayResponse, MyHundredDayResponse, SwitchNoticesResponse } from '../../src/contracts/year';
import { communityMembers, hundredDayAsks, mailOutbox, programmeSwitchNotices } from '../../src/server/db/schema';
import { jobHandlers, retentionPurges } from '../../src/server/job-handlers';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { hundredDayOutcomes } from '../../src/server/modules/year/public';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { anonymous, signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

/** The default September intake 2026-2027: a first phase of 100 days → asked 10 December, answers until 24 December. */
const BEFORE = new Date('2026-12-09T12:00:00Z');
const ASKED = new Date('2026-12-10T09:00:00Z');
const IN_TIME = new Date('2026-12-15T10:00:00Z');
const TOO_LATE = new Date('2026-12-25T10:00:00Z');

describe(`the 100-day moment on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let fx: Awaited<ReturnType<typeof coachWithCommunity>>;
  let others: { id: string }[];
  let coachee: Client;
  let coach: Client;
  let coordinator: Client;

  const ask = async () => {
    t.setNow(BEFORE);
    for (const purge of retentionPurges) await purge(t.services);
    t.setNow(ASKED);
    await runDueJobs({ services: t.services, handlers: jobHandlers });
  };
  const tokenOf = async (email: string) => {
    const rows = await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
    return rows.map((m) => /\/100-dagen#([A-Za-z0-9_-]+)/.exec(m.bodyText)?.[1]).find(Boolean) ?? '';
  };

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    fx = await coachWithCommunity(t);
    others = [];
    for (let i = 0; i < 3; i++) others.push(await fx.person(['coachee'], `other${i}@test.example`));
    for (const o of others) await t.services.db.insert(communityMembers).values({ communityId: fx.communityId, personId: o.id });
    await fx.person(['coordinator'], 'coordinator@test.example');
    coachee = await signedIn(app, 'coachee@test.example', FIXTURE_PASSWORD);
    coach = await signedIn(app, 'coach@test.example', FIXTURE_PASSWORD);
    coordinator = await signedIn(app, 'coordinator@test.example', FIXTURE_PASSWORD);
  });

  it('asks nobody before the phase ends, then every member once — in the app and by mail — however often the job runs', async () => {
    t.setNow(BEFORE);
    expect((await coachee.request('GET', '/api/hundred-day/mine')).json<MyHundredDayResponse>().question).toBeNull();
    await ask();
    await ask();
    const asks = await t.services.db.select().from(hundredDayAsks);
    expect(asks).toHaveLength(4);
    const mails = await t.services.db.select().from(mailOutbox);
    expect(mails.filter((m) => m.bodyText.includes('/100-dagen#'))).toHaveLength(4);
    // The mail names no other person and carries no coaching content: the programme and the deadline.
    const mine = mails.find((m) => m.recipient === 'coachee@test.example');
    expect(mine?.subject).toBe('Hoe wil je verder met je community?');
    expect(mine?.bodyText).toContain('24 december');
    const question = (await coachee.request('GET', '/api/hundred-day/mine')).json<MyHundredDayResponse>().question;
    expect(question).toMatchObject({ intakeId: fx.intake.id, closed: false, answer: null, phaseName: 'Eerste 100 dagen' });
  });

  it('stores an answer once from the one-tap link; a second answer gets 409 and changes nothing', async () => {
    await ask();
    t.setNow(IN_TIME);
    const token = await tokenOf('coachee@test.example');
    const visitor = await anonymous(app);
    const read = await visitor.request('POST', '/api/hundred-day-link', { token });
    expect(read.statusCode, read.body).toBe(200);
    const first = await visitor.request('POST', '/api/hundred-day-link/answer', { token, choice: 'oneOnOnesOnly', reason: 'In de groep durf ik minder', shareReasonWithCoach: false });
    expect(first.statusCode, first.body).toBe(200);
    const second = await coachee.request('POST', `/api/hundred-day/mine/${fx.intake.id}`, { choice: 'stop', reason: '' });
    expect(second.statusCode).toBe(409);
    expect(second.json<{ error: { message: string } }>().error.message).toContain('al beantwoord');
    const [row] = await t.services.db.select().from(hundredDayAsks).where(eq(hundredDayAsks.personId, fx.coachee.id));
    expect(row).toMatchObject({ choice: 'oneOnOnesOnly', reason: 'In de groep durf ik minder' });
    // A wrong token is refused without telling anything.
    expect((await visitor.request('POST', '/api/hundred-day-link', { token: 'x'.repeat(43) })).statusCode).toBe(400);
  });

  it('two answers at once: one wins, the other gets 409', async () => {
    await ask();
    t.setNow(IN_TIME);
    const [a, b] = await Promise.all([
      coachee.request('POST', `/api/hundred-day/mine/${fx.intake.id}`, { choice: 'continue' }),
      coachee.request('POST', `/api/hundred-day/mine/${fx.intake.id}`, { choice: 'stop' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('refuses an answer after the deadline with a translated message and stores nothing', async () => {
    await ask();
    t.setNow(TOO_LATE);
    // A new sign-in on the moved clock (a session lasts 14 days).
    coachee = await signedIn(app, 'coachee@test.example', FIXTURE_PASSWORD);
    for (const [lang, text] of [
      ['nl', 'termijn om te antwoorden is voorbij'],
      ['en', 'time to answer has passed'],
    ] as const) {
      const late = await coachee.request('POST', `/api/hundred-day/mine/${fx.intake.id}`, { choice: 'stop', reason: 'te laat' }, { 'accept-language': lang });
      expect(late.statusCode).toBe(409);
      expect(late.json<{ error: { message: string } }>().error.message).toContain(text);
    }
    const [row] = await t.services.db.select().from(hundredDayAsks).where(eq(hundredDayAsks.personId, fx.coachee.id));
    expect(row).toMatchObject({ choice: null, reason: null, answeredAt: null });
    const memberships = await t.services.db.select().from(communityMembers).where(eq(communityMembers.personId, fx.coachee.id));
    expect(memberships.every((m) => m.leftOn === null)).toBe(true);
    expect((await coachee.request('GET', '/api/hundred-day/mine')).json<MyHundredDayResponse>().question?.closed).toBe(true);
  });

  it('a stop is a regular, counted ending — not a dropout — and the outcome feeds coach, coordinator and the face', async () => {
    await ask();
    t.setNow(IN_TIME);
    const choices = ['continue', 'lessOften', 'stop'] as const;
    for (const [i, o] of others.entries()) {
      const c = await signedIn(app, `other${i}@test.example`, FIXTURE_PASSWORD);
      const r = await c.request('POST', `/api/hundred-day/mine/${fx.intake.id}`, { choice: choices[i], reason: i === 2 ? 'CANARY-stop-reason' : 'Mijn stage', shareReasonWithCoach: i === 1 });
      expect(r.statusCode, r.body).toBe(200);
      void o;
    }
    // The stopper's membership ended as 'stoppedAfterFirstPhase'.
    const [ended] = await t.services.db.select().from(communityMembers).where(eq(communityMembers.personId, others[2]!.id));
    expect(ended).toMatchObject({ leftReason: 'stoppedAfterFirstPhase' });
    // Continuity figures count it apart from dropping out.
    const list = (await coordinator.request('GET', `/api/intakes/${fx.intake.id}/communities`)).json<IntakeCommunitiesResponse>();
    expect(list.communities[0]?.continuity.endings).toEqual({ finished: 0, stoppedAfterFirstPhase: 1, switchedProgramme: 0, droppedOut: 0 });

    // The coach: counts and who chose what; a reason only where it was shared — never the stop reason.
    const coachView = await coach.request('GET', `/api/communities/${fx.communityId}/hundred-day`);
    expect(coachView.statusCode, coachView.body).toBe(200);
    const cv = coachView.json<CommunityHundredDayResponse>();
    expect(cv.counts).toMatchObject({ asked: 4, continue: 1, lessOften: 1, stop: 1, unanswered: 1 });
    expect(cv.members.find((m) => m.id === others[1]!.id)?.sharedReason).toBe('Mijn stage');
    expect(coachView.body).not.toContain('CANARY-stop-reason');
    // The coordinator: totals and each answer with its reason.
    const coordinatorView = (await coordinator.request('GET', `/api/intakes/${fx.intake.id}/hundred-day`)).json<IntakeHundredDayResponse>();
    expect(coordinatorView.counts).toMatchObject({ asked: 4, continue: 1, lessOften: 1, stop: 1, unanswered: 1 });
    expect(coordinatorView.answers.find((a) => a.person.id === others[2]!.id)?.reason).toBe('CANARY-stop-reason');
    // A coachee sees neither; the same 404 as a missing resource.
    expect((await coachee.request('GET', `/api/communities/${fx.communityId}/hundred-day`)).statusCode).toBe(404);
    expect((await coachee.request('GET', `/api/intakes/${fx.intake.id}/hundred-day`)).statusCode).toBe(404);
    // The face for the dashboard and roadmap.
    expect(await hundredDayOutcomes(t.services.db, { programmeId: fx.programme.id, intakeId: fx.intake.id })).toEqual({ asked: 4, unanswered: 1, continue: 1, oneOnOnesOnly: 0, lessOften: 1, stop: 1 });
  });

  it('a switch to another programme: with agreement its coordinator is told (app and mail, no name); without, nobody', async () => {
    const other = await t.factories.programme(fx.institution.id, { nameNl: 'Verpleegkunde', nameEn: 'Nursing' });
    await t.factories.person({ institutionId: fx.institution.id, programmeId: other.id, roles: ['coordinator'], email: 'welcome@test.example', password: FIXTURE_PASSWORD });
    const welcomer = await signedIn(app, 'welcome@test.example', FIXTURE_PASSWORD);
    const version = async () => (await coordinator.request('GET', `/api/intakes/${fx.intake.id}/communities`)).json<IntakeCommunitiesResponse>().communities[0]!.version;

    // Without agreement: the ending is recorded, nobody else is told.
    const without = await coordinator.request('POST', `/api/communities/${fx.communityId}/members/${others[0]!.id}/stop`, { reason: 'switchedProgramme', version: await version(), switchTo: { programmeId: other.id, welcomeAgreed: false } });
    expect(without.statusCode, without.body).toBe(200);
    expect(await t.services.db.select().from(programmeSwitchNotices)).toHaveLength(0);
    expect(await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, 'welcome@test.example'))).toHaveLength(0);

    // A target that is the student's own programme: refused, nothing changed.
    const own = await coordinator.request('POST', `/api/communities/${fx.communityId}/members/${others[1]!.id}/stop`, { reason: 'switchedProgramme', version: await version(), switchTo: { programmeId: fx.programme.id, welcomeAgreed: true } });
    expect(own.statusCode).toBe(422);
    const [stillIn] = await t.services.db.select().from(communityMembers).where(eq(communityMembers.personId, others[1]!.id));
    expect(stillIn?.leftOn).toBeNull();

    // With agreement: a notice in the app and a mail that names nobody.
    const withAgreement = await coordinator.request('POST', `/api/communities/${fx.communityId}/members/${others[1]!.id}/stop`, { reason: 'switchedProgramme', version: await version(), switchTo: { programmeId: other.id, welcomeAgreed: true } });
    expect(withAgreement.statusCode, withAgreement.body).toBe(200);
    const [mail] = await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, 'welcome@test.example'));
    expect(mail?.subject).toBe('Een student stapt over naar Verpleegkunde');
    expect(mail?.bodyText).not.toContain('other1');
    const notices = (await welcomer.request('GET', `/api/programmes/${other.id}/switch-notices`)).json<SwitchNoticesResponse>().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]?.person.id).toBe(others[1]!.id);
    // The sending coordinator does not coordinate the other programme: 404.
    expect((await coordinator.request('GET', `/api/programmes/${other.id}/switch-notices`)).statusCode).toBe(404);
    const welcomed = await welcomer.request('POST', `/api/programmes/${other.id}/switch-notices/${notices[0]!.id}/welcomed`, {});
    expect(welcomed.statusCode).toBe(200);
    expect((await welcomer.request('POST', `/api/programmes/${other.id}/switch-notices/${notices[0]!.id}/welcomed`, {})).statusCode).toBe(409);

    // Continuity distinguishes switching from dropping out.
    const list = (await coordinator.request('GET', `/api/intakes/${fx.intake.id}/communities`)).json<IntakeCommunitiesResponse>();
    expect(list.communities[0]?.continuity.endings).toEqual({ finished: 0, stoppedAfterFirstPhase: 0, switchedProgramme: 2, droppedOut: 0 });
  });
});
