/**
 * The warm handover's other option: instead of keeping the group together with a new coach, the
 * coordinator spreads the members over other communities of the intake. Members land in
 * communities with room; a plan that overfills one needs an explicit override (at the start,
 * and again at completion if a community filled up meanwhile); the membership history records
 * "moved" with the reason; each coachee is told where they go and who their coach is.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityManageResponse } from '../../src/contracts/communities';
import { defaultIntakeSettings } from '../../src/domain/programme/intake-settings';
import { listOutbox } from '../../src/server/modules/mail/mailer';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery';

describe(`a handover that spreads the members, on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let coordinator: Client;
  const ids: Record<string, string> = {};
  const members: { id: string; email: string; firstName: string }[] = [];

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    await t.reset();
    const f = t.factories;
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    const intake = await f.intake(prog.id, { settings: { ...defaultIntakeSettings('september'), communitySize: { min: 3, max: 4 } } });
    const cls = await f.class(intake.id, { code: 'SW1A' });
    const person = (roles: ('coordinator' | 'studentcoach' | 'coachee')[], firstName: string, locale: 'nl' | 'en' = 'nl') =>
      f.person({ institutionId: inst.id, programmeId: prog.id, roles, firstName, lastName: 'Test', email: `${firstName.toLowerCase()}@x.test`, password: PASSWORD, locale });
    await person(['coordinator'], 'Coordinator');
    const coaches: Record<string, string> = {};
    for (const name of ['Leaving', 'Yara', 'Zoe', 'Wim']) {
      const c = await person(['studentcoach'], name);
      await f.coachProfile(c.id, prog.id);
      coaches[name] = c.id;
    }
    const students: Awaited<ReturnType<typeof person>>[] = [];
    for (const [i, name] of ['Mila', 'Noah', 'Omar', 'Pien', 'Amy', 'Bo', 'Cas', 'Dex', 'Eva', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jip'].entries()) {
      const s = await person(['coachee'], name, i === 1 ? 'en' : 'nl');
      await f.enrol(cls.id, s.id);
      students.push(s);
    }
    const community = (name: string, coachId: string, from: number, to: number) =>
      f.community({ intakeId: intake.id, coachId, name, memberIds: students.slice(from, to).map((s) => s.id) });
    ids.leaving = (await community('Leaving', coaches.Leaving!, 0, 4)).id;
    ids.a = (await community('Aster', coaches.Yara!, 4, 6)).id; // 2 of 4
    ids.b = (await community('Berk', coaches.Zoe!, 6, 9)).id; // 3 of 4
    ids.c = (await community('Ceder', coaches.Wim!, 9, 13)).id; // 4 of 4: full
    ids.latecomer = students[13]!.id;
    ids.leavingCoach = coaches.Leaving!;
    ids.yara = coaches.Yara!;
    members.push(...students.slice(0, 4).map((s) => ({ id: s.id, email: s.email, firstName: s.firstName })));
    coordinator = await signedIn(app, 'coordinator@x.test', PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const manage = async (id: string) => (await coordinator.request('GET', `/api/communities/${id}/manage`)).json<CommunityManageResponse>();
  const move = (i: number, community: string) => ({ personId: members[i]!.id, communityId: ids[community]! });

  it('refuses a plan that overfills a community without the override, and changes nothing', async () => {
    expect((await coordinator.request('PUT', `/api/coaches/${ids.leavingCoach}/status`, { status: 'leaving' })).statusCode).toBe(200);
    const { version } = await manage(ids.leaving!);
    const start = (moves: { personId: string; communityId: string }[], extra: Record<string, unknown> = {}) =>
      coordinator.request('POST', `/api/communities/${ids.leaving}/handovers`, { mode: 'redistribute', moves, introProposedAt: null, version, ...extra });

    const intoFull = await start([move(0, 'a'), move(1, 'a'), move(2, 'b'), move(3, 'c')]);
    expect(intoFull.statusCode).toBe(409);
    expect(intoFull.json().error.code).toBe('community_full');
    expect(intoFull.json().error.fields[0].message).toContain('Ceder');
    const tooMany = await start([move(0, 'a'), move(1, 'a'), move(2, 'a'), move(3, 'b')]);
    expect(tooMany.json().error.fields[0]).toMatchObject({ path: 'moves' });
    expect(tooMany.json().error.fields[0].message).toContain('Aster');
    // Moving someone twice, or to the community itself, is not a plan.
    expect((await start([move(0, 'a'), move(0, 'b')])).statusCode).toBe(400);
    expect((await start([{ personId: members[0]!.id, communityId: ids.leaving! }])).statusCode).toBe(400);
    expect((await manage(ids.leaving!)).handovers).toEqual([]);
    expect((await start([move(0, 'a')], { version: version + 5 })).statusCode).toBe(409);
  });

  it('spreads the members with the explicit override; a community that filled up meanwhile needs it again', async () => {
    const { version } = await manage(ids.leaving!);
    const started = await coordinator.request('POST', `/api/communities/${ids.leaving}/handovers`, {
      mode: 'redistribute',
      moves: [move(0, 'a'), move(1, 'a'), move(2, 'b'), move(3, 'c')],
      introProposedAt: '2027-10-07T15:30:00+02:00',
      version,
      overrideFull: true,
    });
    expect(started.statusCode).toBe(201);
    const handoverId = started.json().id as string;
    const handover = (await coordinator.request('GET', `/api/handovers/${handoverId}`)).json();
    expect(handover).toMatchObject({ mode: 'redistribute', toCoach: null, canComplete: true });
    expect(handover.moves.map((m: { community: { name: string } }) => m.community.name)).toEqual(['Aster', 'Aster', 'Berk', 'Ceder']);

    // Meanwhile a latecomer joins Aster: two more would now make it too large.
    const aster = await manage(ids.a!);
    expect((await coordinator.request('POST', `/api/communities/${ids.a}/members`, { personId: ids.latecomer, version: aster.version })).statusCode).toBe(200);
    const refused = await coordinator.request('POST', `/api/handovers/${handoverId}/complete`, { overrideFull: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields[0].message).toContain('Aster');
    expect((await manage(ids.leaving!)).members).toHaveLength(4);

    t.setNow(new Date(Date.now() + 86_400_000));
    expect((await coordinator.request('POST', `/api/handovers/${handoverId}/complete`, { overrideFull: true })).statusCode).toBe(200);

    const [leaving, a, b, c] = await Promise.all([manage(ids.leaving!), manage(ids.a!), manage(ids.b!), manage(ids.c!)]);
    expect(leaving.members).toEqual([]);
    expect(leaving.coach).toBeNull();
    expect([a.members.length, b.members.length, c.members.length]).toEqual([5, 4, 5]);
    // The history says who moved, and why.
    const left = leaving.history.filter((e) => e.kind === 'left');
    expect(left).toHaveLength(4);
    expect(left.every((e) => e.reason === 'moved')).toBe(true);
    expect(leaving.history.find((e) => e.kind === 'coachEnded')).toMatchObject({ reason: 'handover' });
    const joined = a.history.filter((e) => e.kind === 'joined' && e.reason === 'handover');
    expect(joined.map((e) => e.person?.id).sort()).toEqual([members[0]!.id, members[1]!.id].sort());
    // The leaving coach leads nothing any more, so has left.
    const coaches = (await coordinator.request('GET', `/api/programmes/${a.programmeId}/coaches`)).json().coaches;
    expect(coaches.find((x: { id: string }) => x.id === ids.leavingCoach).status).toBe('left');

    // Each coachee is told where they go and who their coach is, in their language; nothing else.
    const outbox = await listOutbox(t.services.db, (await t.services.db.query.institutions.findFirst())!.id);
    const told = (email: string) => outbox.filter((m) => m.recipient === email && /andere community|another community/.test(m.subject));
    expect(told(members[0]!.email)[0]!.bodyText).toMatch(/Aster.*Yara Test/s);
    expect(told(members[1]!.email)[0]!.subject).toBe('You continue in another community');
    expect(told(members[3]!.email)[0]!.bodyText).toContain('Ceder');
    expect(members.every((m) => told(m.email).length === 1)).toBe(true);

    // A moved coachee sees their new community and coach.
    const moved = await signedIn(app, members[0]!.email, PASSWORD);
    const mine = (await moved.request('GET', '/api/me/community')).json();
    expect(mine.community).toMatchObject({ name: 'Aster', coach: { id: ids.yara } });
    expect((await moved.request('GET', `/api/communities/${ids.leaving}`)).statusCode).toBe(404);
  });
});
