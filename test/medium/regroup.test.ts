/**
 * Regrouping after the 100-day moment (#21 item 2), through the real app: the answers feed the
 * regrouping (a stop already ended as a regular ending; those who continue are placed; one-on-ones
 * only stay with their coach outside any community count), the warm start keeps viable communities
 * intact, the coordinator moves a student by hand and accepts once (a concurrent accept gets 409),
 * the moves count as handovers — not dropouts — and coaches and moved coachees are told by mail
 * without names of others. Bad input (too early, another programme's intake) changes nothing.
 */
import type { FastifyInstance } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IntakeCommunitiesResponse } from '../../src/contracts/communities';
import type { MyRegroupingResponse, RegroupingResponse } from '../../src/contracts/regroup';
import { communityMembers, mailOutbox, regroupings } from '../../src/server/db/schema';
import { jobHandlers, retentionPurges } from '../../src/server/job-handlers';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { anonymous, signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

/** The default September intake 2026-2027 (communities of 7 to 8): asked 10 December, answers until 24 December. */
const BEFORE = new Date('2026-12-09T12:00:00Z');
const ASKED = new Date('2026-12-10T09:00:00Z');
const IN_TIME = new Date('2026-12-15T10:00:00Z');
const CLOSED = new Date('2026-12-27T10:00:00Z');

describe(`regrouping after the 100-day moment on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let fx: Awaited<ReturnType<typeof coachWithCommunity>>;
  let b: { id: string };
  let c: { id: string };
  let small: { id: string }[];

  const coachees = async (prefix: string, n: number) => {
    const out: { id: string }[] = [];
    for (let i = 0; i < n; i++) out.push(await t.factories.person({ institutionId: fx.institution.id, programmeId: fx.programme.id, roles: ['coachee'], email: `${prefix}${i}@test.example` }));
    return out;
  };
  const answer = async (email: string, choice: string, reason = '') => {
    const rows = await t.services.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
    const token = rows.map((m) => /\/100-dagen#([A-Za-z0-9_-]+)/.exec(m.bodyText)?.[1]).find(Boolean) ?? '';
    const r = await (await anonymous(app)).request('POST', '/api/hundred-day-link/answer', { token, choice, reason });
    expect(r.statusCode, r.body).toBe(200);
  };
  const coordinatorAt = async (at: Date): Promise<Client> => {
    t.setNow(at);
    return signedIn(app, 'coordinator@test.example', FIXTURE_PASSWORD);
  };
  const open = async (personId: string) => t.services.db.select().from(communityMembers).where(and(eq(communityMembers.personId, personId), isNull(communityMembers.leftOn)));

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
    await fx.person(['coordinator'], 'coordinator@test.example');
    const coach2 = await fx.person(['studentcoach'], 'coach2@test.example');
    const coach3 = await fx.person(['studentcoach'], 'coach3@test.example');
    // A: the fixture's coachee and six more (7: viable); B: 7 (viable); C: 4, of whom 1 stops and 1 wants one-on-ones only.
    for (const p of await coachees('a', 6)) await t.services.db.insert(communityMembers).values({ communityId: fx.communityId, personId: p.id });
    b = await t.factories.community({ intakeId: fx.intake.id, coachId: coach2.id, name: 'Community B', memberIds: (await coachees('b', 7)).map((p) => p.id) });
    small = await coachees('c', 4);
    c = await t.factories.community({ intakeId: fx.intake.id, coachId: coach3.id, name: 'Community C', memberIds: small.map((p) => p.id) });
    t.setNow(BEFORE);
    for (const purge of retentionPurges) await purge(t.services);
    t.setNow(ASKED);
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    t.setNow(IN_TIME);
    await answer('c0@test.example', 'stop', 'CANARY-regroup-stop-reason');
    await answer('c1@test.example', 'oneOnOnesOnly');
    await answer('c2@test.example', 'lessOften');
    // c3 does not answer: they continue as they are.
  });

  it('refuses before the moment closed and for an intake of another programme; nothing is stored', async () => {
    const early = await coordinatorAt(IN_TIME);
    for (const [lang, text] of [
      ['nl', 'termijn van het 100-dagenmoment voorbij'],
      ['en', "time to answer has passed"],
    ] as const) {
      const r = await early.request('POST', `/api/intakes/${fx.intake.id}/regroupings`, {}, { 'accept-language': lang });
      expect(r.statusCode).toBe(409);
      expect(r.json<{ error: { message: string } }>().error.message).toContain(text);
    }
    const otherProgramme = await t.factories.programme(fx.institution.id, { nameNl: 'Verpleegkunde', nameEn: 'Nursing' });
    await t.factories.person({ institutionId: fx.institution.id, programmeId: otherProgramme.id, roles: ['coordinator'], email: 'other-coordinator@test.example', password: FIXTURE_PASSWORD });
    t.setNow(CLOSED);
    const stranger = await signedIn(app, 'other-coordinator@test.example', FIXTURE_PASSWORD);
    const missing = await stranger.request('POST', `/api/intakes/${crypto.randomUUID()}/regroupings`, {});
    const foreign = await stranger.request('POST', `/api/intakes/${fx.intake.id}/regroupings`, {});
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<{ error: unknown }>().error).toEqual(missing.json<{ error: unknown }>().error);
    expect(await t.services.db.select().from(regroupings)).toHaveLength(0);
  });

  it('answers feed the draft: viable communities stay intact, the small one is spread, one-on-ones stay with their coach', async () => {
    const coordinator = await coordinatorAt(CLOSED);
    const made = await coordinator.request('POST', `/api/intakes/${fx.intake.id}/regroupings`, {});
    expect(made.statusCode, made.body).toBe(201);
    const draft = made.json<RegroupingResponse>();
    expect(draft.counts).toEqual({ continuing: 16, moved: 2, oneOnOne: 1, stopped: 1, keptIntact: 0, dissolved: 1 });
    const byName = new Map(draft.communities.map((x) => [x.name, x]));
    expect(byName.get('Community C')).toMatchObject({ before: 2, after: 0, dissolved: true, members: [], oneOnOnes: [{ id: small[1]!.id }] });
    // A and B keep every member and each takes one of C's: full communities of 8.
    for (const x of draft.communities.filter((y) => y.id !== c.id)) {
      expect(x).toMatchObject({ before: 7, after: 8, dissolved: false });
      expect(x.members.filter((m) => m.moved).map((m) => m.fromCommunityName)).toEqual(['Community C']);
    }
    // The stopper already left with a regular ending when they answered; nobody else left.
    const [stopped] = await t.services.db.select().from(communityMembers).where(eq(communityMembers.personId, small[0]!.id));
    expect(stopped).toMatchObject({ leftReason: 'stoppedAfterFirstPhase' });
    expect(made.body).not.toContain('CANARY-regroup-stop-reason');
    // A draft changes no membership.
    expect(await open(small[2]!.id)).toMatchObject([{ communityId: c.id }]);
  });

  it('the coordinator moves a student by hand and accepts once: handovers, not dropouts; coaches and moved coachees are told', async () => {
    const coordinator = await coordinatorAt(CLOSED);
    const draft = (await coordinator.request('POST', `/api/intakes/${fx.intake.id}/regroupings`, {})).json<RegroupingResponse>();
    // Both of C's continuing students to B by hand: B becomes 9 — the coordinator's choice.
    const moved = await coordinator.request('POST', `/api/regroupings/${draft.id}/moves`, { personId: small[2]!.id, toCommunityId: b.id, version: draft.version });
    expect(moved.statusCode, moved.body).toBe(200);
    let current = moved.json<RegroupingResponse>();
    if (current.communities.find((x) => x.id === b.id)!.members.every((m) => m.id !== small[3]!.id)) {
      current = (await coordinator.request('POST', `/api/regroupings/${draft.id}/moves`, { personId: small[3]!.id, toCommunityId: b.id, version: current.version })).json<RegroupingResponse>();
    }
    expect(current.communities.find((x) => x.id === b.id)).toMatchObject({ after: 9 });
    expect(current.communities.find((x) => x.id === fx.communityId)).toMatchObject({ after: 7, keptIntact: true });
    // Bad moves: a stale version, a one-on-one, a community outside the draft — refused, nothing changed.
    expect((await coordinator.request('POST', `/api/regroupings/${draft.id}/moves`, { personId: small[2]!.id, toCommunityId: fx.communityId, version: draft.version })).statusCode).toBe(409);
    expect((await coordinator.request('POST', `/api/regroupings/${draft.id}/moves`, { personId: small[1]!.id, toCommunityId: b.id, version: current.version })).statusCode).toBe(400);
    expect((await coordinator.request('POST', `/api/regroupings/${draft.id}/moves`, { personId: small[2]!.id, toCommunityId: crypto.randomUUID(), version: current.version })).statusCode).toBe(400);
    expect((await coordinator.request('GET', `/api/regroupings/${draft.id}`)).json<RegroupingResponse>().version).toBe(current.version);

    const mailsBefore = (await t.services.db.select().from(mailOutbox)).length;
    const [one, two] = await Promise.all([
      coordinator.request('POST', `/api/regroupings/${draft.id}/accept`, { version: current.version }),
      coordinator.request('POST', `/api/regroupings/${draft.id}/accept`, { version: current.version }),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);

    for (const p of [small[2]!, small[3]!]) {
      expect(await open(p.id)).toMatchObject([{ communityId: b.id, joinedReason: 'handover' }]);
      const [old] = await t.services.db.select().from(communityMembers).where(and(eq(communityMembers.personId, p.id), eq(communityMembers.communityId, c.id)));
      expect(old).toMatchObject({ leftReason: 'handover' });
    }
    // The one-on-ones-only student stays with their coach.
    expect(await open(small[1]!.id)).toMatchObject([{ communityId: c.id }]);
    // Continuity: the stop is a regular ending, the moves no ending at all — nobody dropped out.
    const list = (await coordinator.request('GET', `/api/intakes/${fx.intake.id}/communities`)).json<IntakeCommunitiesResponse>();
    for (const x of list.communities) expect(x.continuity.endings.droppedOut).toBe(0);
    expect(list.communities.find((x) => x.id === c.id)?.continuity.endings).toEqual({ finished: 0, stoppedAfterFirstPhase: 1, switchedProgramme: 0, droppedOut: 0 });

    // Mail: the moved coachees and the coaches of B and C, each once, naming nobody else.
    const mails = (await t.services.db.select().from(mailOutbox)).slice(mailsBefore);
    expect(mails.map((m) => m.recipient).sort()).toEqual(['c2@test.example', 'c3@test.example', 'coach2@test.example', 'coach3@test.example']);
    expect(mails.find((m) => m.recipient === 'c2@test.example')).toMatchObject({ subject: 'Je gaat verder in een andere community' });
    expect(mails.find((m) => m.recipient === 'c2@test.example')?.bodyText).toContain('Community B');
    expect(mails.find((m) => m.recipient === 'coach2@test.example')?.bodyText).toContain('9 leden');
    expect(mails.find((m) => m.recipient === 'coach3@test.example')?.subject).toBe('De leden van Community C gaan verder in andere communities');
    for (const m of mails) expect(m.bodyText).not.toMatch(/c[0-3]@|Fixture|coachee@/);

    // In the app: the moved coachee and the coaches see what changed.
    const coach3 = await signedIn(app, 'coach3@test.example', FIXTURE_PASSWORD);
    expect((await coach3.request('GET', '/api/regrouping/mine')).json<MyRegroupingResponse>().change).toMatchObject({ kind: 'coachDissolved', communityId: c.id });
    const coach2 = await signedIn(app, 'coach2@test.example', FIXTURE_PASSWORD);
    expect((await coach2.request('GET', '/api/regrouping/mine')).json<MyRegroupingResponse>().change).toMatchObject({ kind: 'coachChanged', communityId: b.id, members: 9 });
    const coach1 = await signedIn(app, 'coach@test.example', FIXTURE_PASSWORD);
    expect((await coach1.request('GET', '/api/regrouping/mine')).json<MyRegroupingResponse>().change).toBeNull();

    // Accepted: no more moves.
    expect((await coordinator.request('POST', `/api/regroupings/${draft.id}/moves`, { personId: small[2]!.id, toCommunityId: fx.communityId, version: current.version + 1 })).statusCode).toBe(409);
  });

  it('a draft that no longer fits the memberships is refused at accept and changes nothing', async () => {
    const coordinator = await coordinatorAt(CLOSED);
    const draft = (await coordinator.request('POST', `/api/intakes/${fx.intake.id}/regroupings`, {})).json<RegroupingResponse>();
    // Meanwhile one of the students to move leaves by hand.
    await t.services.db.update(communityMembers).set({ leftOn: CLOSED, leftReason: 'stopped' }).where(eq(communityMembers.personId, small[2]!.id));
    const r = await coordinator.request('POST', `/api/regroupings/${draft.id}/accept`, { version: draft.version });
    expect(r.statusCode).toBe(409);
    expect(r.json<{ error: { message: string } }>().error.message).toContain('nieuw voorstel');
    expect(await open(small[3]!.id)).toMatchObject([{ communityId: c.id }]);
    expect((await coordinator.request('GET', `/api/regroupings/${draft.id}`)).json<RegroupingResponse>().status).toBe('draft');
  });
});
