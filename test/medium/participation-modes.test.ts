/**
 * Participation modes that act (#21 item 1), through the real app: the leercoach sees attendance
 * counts only when participation is compulsory; in voluntary mode nothing reaches them while the
 * coach still sees their own community; in opt-in mode students sign up (and withdraw) until the
 * communities are formed, and only signed-up students are grouped. A mode change once
 * communities exist answers 409 with the consequences and changes nothing until confirmed.
 */
import type { FastifyInstance } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeEach, beforeAll, describe, expect, it } from 'vitest';
import { readIntakeSettings, type IntakeSettings } from '../../src/domain/programme/intake-settings';
import { communityMembers, groupingAttributeSettings, intakes, intakeSettingsChanges, participationSignUps } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-10-20T10:00:00Z');

type Run = { status: string; communities: { members: { id: string }[] }[] };

describe(`participation modes on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  const ids: Record<string, string> = {};
  let grouped: string[] = [];
  let optInStudents: string[] = [];

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    const f = t.factories;
    const passwordHash = await hashPassword(PASSWORD);
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    // Intake A has communities already; intake B (February) has none yet.
    const intakeA = await f.intake(prog.id);
    const intakeB = await f.intake(prog.id, { month: 'february' });
    const mk = (roles: Parameters<typeof f.person>[0]['roles'], email: string) => f.person({ institutionId: inst.id, roles, programmeId: prog.id, email, passwordHash });
    await mk(['coordinator'], 'coord@p.test');
    const leercoach = await mk(['leercoach'], 'leercoach@p.test');
    const coach = await mk(['studentcoach'], 'coach@p.test');
    const classA = await f.class(intakeA.id, { code: 'SW1A', leercoachId: leercoach.id });
    const classB = await f.class(intakeB.id, { code: 'SW1F', leercoachId: leercoach.id });
    grouped = [];
    for (let i = 0; i < 4; i++) {
      const s = await mk(['coachee'], `a${i}@p.test`);
      await f.enrol(classA.id, s.id);
      grouped.push(s.id);
    }
    const community = await f.community({ intakeId: intakeA.id, coachId: coach.id, memberIds: grouped, name: 'Community Noord' });
    const held = await f.session({ institutionId: inst.id, programmeId: prog.id, communityId: community.id, organiserId: coach.id, startsAt: new Date('2026-10-06T10:00:00Z') });
    await f.attendance(grouped.map((personId, i) => ({ sessionId: held.id, personId, status: i === 0 ? 'absent' : 'present', markedBy: coach.id })));
    optInStudents = [];
    for (let i = 0; i < 8; i++) {
      const s = await mk(['coachee'], `b${i}@p.test`);
      await f.enrol(classB.id, s.id);
      optInStudents.push(s.id);
    }
    await t.services.db.insert(groupingAttributeSettings).values({ institutionId: inst.id, attribute: 'priorEducation', enabled: true });
    Object.assign(ids, { intakeA: intakeA.id, intakeB: intakeB.id, classA: classA.id, community: community.id });
    for (const [k, e] of Object.entries({ coordinator: 'coord@p.test', leercoach: 'leercoach@p.test', coach: 'coach@p.test', a0: 'a0@p.test', b0: 'b0@p.test', b1: 'b1@p.test', b2: 'b2@p.test', b3: 'b3@p.test' })) {
      as[k] = await signedIn(app, e, PASSWORD);
    }
    // After signing in: the client's cookie jar keeps real time.
    t.setNow(NOW);
  });

  const settingsOf = async (intakeId: string): Promise<IntakeSettings> => {
    const [row] = await t.services.db.select().from(intakes).where(eq(intakes.id, intakeId));
    return readIntakeSettings(row!.settings, row!.month).settings;
  };
  const save = async (intakeId: string, change: Partial<IntakeSettings>, modeChange?: Record<string, unknown>) =>
    as.coordinator!.request('PUT', `/api/intakes/${intakeId}/settings`, { settings: { ...(await settingsOf(intakeId)), ...change }, ...(modeChange ? { modeChange } : {}) });

  it('shows the leercoach attendance counts only in compulsory mode; the coach keeps seeing their community', async () => {
    expect((await settingsOf(ids.intakeA!)).participation).toBe('compulsory');
    const shared = (await as.leercoach!.request('GET', `/api/classes/${ids.classA}/attendance`)).json();
    expect(shared).toMatchObject({ participation: 'compulsory', attendanceShared: true });
    expect(shared.students).toHaveLength(4);
    expect(shared.communities[0]).toMatchObject({ students: 4, attended: 3, marked: 4 });
    expect((await as.leercoach!.request('GET', `/api/communities/${ids.community}/attendance`)).statusCode).toBe(200);

    expect((await save(ids.intakeA!, { participation: 'voluntary' }, { confirmed: true, notSignedUp: 'keep' })).statusCode).toBe(200);
    const hidden = await as.leercoach!.request('GET', `/api/classes/${ids.classA}/attendance`);
    expect(hidden.json()).toMatchObject({ participation: 'voluntary', attendanceShared: false, students: [], communities: [] });
    expect(hidden.body).not.toContain(grouped[0]);
    // The community's figures are refused with the same 404 as a missing community.
    expect((await as.leercoach!.request('GET', `/api/communities/${ids.community}/attendance`)).statusCode).toBe(404);
    const coachView = (await as.coach!.request('GET', `/api/communities/${ids.community}/attendance`)).json();
    expect(coachView.coachees).toHaveLength(4);
    expect(coachView.coachees.filter((c: { attended: number }) => c.attended === 1)).toHaveLength(3);
  });

  it('asks before a mode change once communities exist: 409 with the consequences, nothing changed, then the confirmed change', async () => {
    const preview = (await as.coordinator!.request('POST', `/api/intakes/${ids.intakeA}/participation/preview`, { to: 'voluntary' })).json();
    expect(preview).toEqual({ from: 'compulsory', to: 'voluntary', members: 4, notSignedUp: 0, leercoachSees: 'stops', needsConfirmation: true });
    const refused = await save(ids.intakeA!, { participation: 'voluntary' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('participation_change_unconfirmed');
    expect(refused.json().error.message).toBe('Er zitten al 4 studenten in een community van deze intake. Bekijk eerst wat de nieuwe deelname voor hen betekent en bevestig dan. Er is nog niets veranderd.');
    expect((await settingsOf(ids.intakeA!)).participation).toBe('compulsory');
    const logged = await t.services.db.select().from(intakeSettingsChanges).where(eq(intakeSettingsChanges.intakeId, ids.intakeA!));
    expect(logged).toHaveLength(0);
    // Other settings without a mode change save without asking.
    expect((await save(ids.intakeA!, { sessionsPerMonth: 3 })).statusCode).toBe(200);
    const confirmed = await save(ids.intakeA!, { participation: 'voluntary' }, { confirmed: true });
    expect(confirmed.statusCode).toBe(200);
    expect((await settingsOf(ids.intakeA!)).participation).toBe('voluntary');
    // Only the coordinator may look: the leercoach and a coach get 404.
    expect((await as.leercoach!.request('POST', `/api/intakes/${ids.intakeA}/participation/preview`, { to: 'compulsory' })).statusCode).toBe(404);
    expect((await as.coach!.request('GET', `/api/intakes/${ids.intakeA}/participation`)).statusCode).toBe(404);
  });

  it('to opt-in with communities: keeps or takes out those who did not sign up, as the coordinator chose', async () => {
    await t.services.db.insert(participationSignUps).values([grouped[0]!, grouped[1]!].map((personId) => ({ intakeId: ids.intakeA!, personId, signedUpAt: NOW })));
    const preview = (await as.coordinator!.request('POST', `/api/intakes/${ids.intakeA}/participation/preview`, { to: 'optIn' })).json();
    expect(preview).toMatchObject({ members: 4, notSignedUp: 2, leercoachSees: 'stops', needsConfirmation: true });
    const refused = await save(ids.intakeA!, { participation: 'optIn' });
    expect(refused.statusCode).toBe(409);
    const active = async () => (await t.services.db.select().from(communityMembers).where(and(eq(communityMembers.communityId, ids.community!), isNull(communityMembers.leftOn)))).map((m) => m.personId).sort();
    expect(await active()).toEqual([...grouped].sort());
    expect((await save(ids.intakeA!, { participation: 'optIn' }, { confirmed: true, notSignedUp: 'remove' })).statusCode).toBe(200);
    expect(await active()).toEqual([grouped[0]!, grouped[1]!].sort());
    const left = await t.services.db.select().from(communityMembers).where(eq(communityMembers.communityId, ids.community!));
    expect(left.filter((m) => m.leftReason === 'notSignedUp')).toHaveLength(2);
    // Not counted as dropping out: the community's continuity shows no ending.
    const list = (await as.coordinator!.request('GET', `/api/intakes/${ids.intakeA}/communities`)).json();
    expect(list.communities[0].continuity.endings).toEqual({ finished: 0, stoppedAfterFirstPhase: 0, switchedProgramme: 0, droppedOut: 0 });
  });

  it('opt-in: students sign up and withdraw before grouping; a double tap gets 409; only signed-up students are grouped', async () => {
    expect((await save(ids.intakeB!, { participation: 'optIn' })).statusCode).toBe(200);
    const mine = (await as.b0!.request('GET', '/api/participation/sign-ups')).json();
    expect(mine.signUps).toEqual([expect.objectContaining({ intakeId: ids.intakeB, signedUp: false, open: true, month: 'february' })]);
    // A student of the other intake sees nothing to sign up for and cannot sign up here.
    expect((await as.a0!.request('GET', '/api/participation/sign-ups')).json().signUps).toEqual([]);
    expect((await as.a0!.request('PUT', `/api/participation/sign-ups/${ids.intakeB}`)).statusCode).toBe(404);
    // The home asks the student for an answer (a task, and "Meedoen" in the menu); others see nothing.
    const homeSignUps = async (who: string) => (await as[who]!.request('GET', '/api/home')).json<{ signUps: { open: number; waiting: number } | null }>().signUps;
    expect(await homeSignUps('b0')).toEqual({ open: 1, waiting: 1 });
    expect(await homeSignUps('a0')).toEqual({ open: 0, waiting: 0 });
    expect(await homeSignUps('coordinator')).toBeNull();
    // Two taps at once: one wins, the other gets 409.
    const both = await Promise.all([as.b0!.request('PUT', `/api/participation/sign-ups/${ids.intakeB}`), as.b0!.request('PUT', `/api/participation/sign-ups/${ids.intakeB}`)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    for (const who of ['b1', 'b2', 'b3']) expect((await as[who]!.request('PUT', `/api/participation/sign-ups/${ids.intakeB}`)).statusCode).toBe(200);
    expect((await as.b3!.request('DELETE', `/api/participation/sign-ups/${ids.intakeB}`)).statusCode).toBe(200);
    expect((await as.b3!.request('DELETE', `/api/participation/sign-ups/${ids.intakeB}`)).statusCode).toBe(409);
    expect((await as.b0!.request('GET', '/api/participation/sign-ups')).json().signUps[0].signedUp).toBe(true);
    expect(await homeSignUps('b0')).toEqual({ open: 1, waiting: 0 });
    expect((await as.coordinator!.request('GET', `/api/intakes/${ids.intakeB}/participation`)).json()).toMatchObject({ mode: 'optIn', students: 8, signedUp: 3, signUpRate: 38, communitiesFormed: false });

    const signed = new Set(optInStudents.slice(0, 3));
    const options = (await as.coordinator!.request('GET', `/api/intakes/${ids.intakeB}/grouping`)).json();
    expect(options.students.map((s: { id: string }) => s.id).sort()).toEqual([...signed].sort());
    const started = await as.coordinator!.request('POST', `/api/intakes/${ids.intakeB}/grouping-runs`, { classId: null, attributes: [{ key: 'priorEducation', weight: 1 }], sizeBounds: { min: 3, max: 3 }, seconds: 0.5 });
    expect(started.statusCode).toBe(202);
    let run: Run | null = null;
    for (let i = 0; i < 200 && (!run || run.status === 'running'); i++) {
      run = (await as.coordinator!.request('GET', `/api/grouping-runs/${started.json().id}`)).json<Run>();
      if (run.status === 'running') await new Promise((r) => setTimeout(r, 100));
    }
    expect(run?.status).toBe('draft');
    expect(run!.communities.flatMap((c) => c.members.map((m) => m.id)).sort()).toEqual([...signed].sort());
  });

  it('closes signing up once the communities are formed, with a clear message and nothing stored', async () => {
    expect((await save(ids.intakeB!, { participation: 'optIn' })).statusCode).toBe(200);
    await t.factories.community({ intakeId: ids.intakeB!, memberIds: [] });
    const closed = await as.b0!.request('PUT', `/api/participation/sign-ups/${ids.intakeB}`);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toBe('Aanmelden of afmelden kan niet meer: de aanmelding is gesloten. Praat erover met de coördinator.');
    expect(await t.services.db.select().from(participationSignUps)).toHaveLength(0);
    expect((await as.b0!.request('GET', '/api/participation/sign-ups')).json().signUps[0].open).toBe(false);
    expect((await as.b0!.request('GET', '/api/home')).json().signUps).toEqual({ open: 0, waiting: 0 });
    // In a mode without sign-ups there is nothing to sign up for.
    expect((await as.a0!.request('PUT', `/api/participation/sign-ups/${ids.intakeA}`)).statusCode).toBe(404);
  });
});
