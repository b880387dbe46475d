/**
 * Class-wide coaching (#21 item 3, ADR 0027) through the real app. The coordinator links a coach
 * to each class of a class-wide intake (a community of kind 'class' whose members are the class's
 * students) and changes it later (a handover: counted as a coach change by the continuity
 * figures); grouping and caseload assignment are refused in plain words. The linked coach plans a
 * class-wide session for their class; the class is invited, answers, the coach marks attendance
 * and writes the logbook; the session counts as hours. Bad input (a coach of another programme, a
 * paused coach, a class of another intake, a stale screen, a double link, another coach planning
 * for the class) is refused with nothing stored.
 */
import type { FastifyInstance } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DashboardResponse } from '../../src/contracts/insight';
import { readIntakeSettings, type IntakeSettings } from '../../src/domain/programme/intake-settings';
import { communities, communityCoachPeriods, communityMembers, compensationProfiles, compensationStatementLines, compensationStatements, intakes, sessions } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { generateStatements } from '../../src/server/modules/compensation/public';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-12-01T09:00:00Z');

describe(`class-wide coaching on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  const ids: Record<string, string> = {};
  let students: string[] = [];

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
    const otherProg = await f.programme(inst.id);
    const september = await f.intake(prog.id);
    const february = await f.intake(prog.id, { month: 'february' });
    const mk = (roles: Parameters<typeof f.person>[0]['roles'], email: string, programmeId = prog.id) => f.person({ institutionId: inst.id, roles, programmeId, email, passwordHash });
    await mk(['coordinator'], 'coord@c.test');
    const anna = await mk(['studentcoach'], 'anna@c.test');
    const bram = await mk(['studentcoach'], 'bram@c.test');
    const paused = await mk(['studentcoach'], 'paused@c.test');
    const stranger = await mk(['studentcoach'], 'stranger@c.test', otherProg.id);
    await f.coachProfile(anna.id, prog.id);
    await f.coachProfile(bram.id, prog.id);
    await f.coachProfile(paused.id, prog.id, { status: 'paused' });
    const leercoach = await mk(['leercoach'], 'leercoach@c.test');
    const classA = await f.class(february.id, { code: 'SW1F', leercoachId: leercoach.id });
    const classB = await f.class(february.id, { code: 'SW2F' });
    const classS = await f.class(september.id, { code: 'SW1A' });
    students = [];
    for (let i = 0; i < 6; i++) {
      const s = await mk(['coachee'], `s${i}@c.test`);
      await f.enrol(classA.id, s.id);
      students.push(s.id);
    }
    const b = await mk(['coachee'], 'b0@c.test');
    await f.enrol(classB.id, b.id);
    await t.services.db.insert(compensationProfiles).values({ personId: anna.id, birthDate: '2004-01-01' });
    Object.assign(ids, { inst: inst.id, prog: prog.id, february: february.id, september: september.id, anna: anna.id, bram: bram.id, paused: paused.id, stranger: stranger.id, classA: classA.id, classB: classB.id, classS: classS.id });
    for (const [k, e] of Object.entries({ coordinator: 'coord@c.test', anna: 'anna@c.test', bram: 'bram@c.test', s0: 's0@c.test' })) as[k] = await signedIn(app, e, PASSWORD);
    t.setNow(NOW);
  });

  const settingsOf = async (intakeId: string): Promise<IntakeSettings> => {
    const [row] = await t.services.db.select().from(intakes).where(eq(intakes.id, intakeId));
    return readIntakeSettings(row!.settings, row!.month).settings;
  };
  const makeClassWide = async () => {
    const r = await as.coordinator!.request('PUT', `/api/intakes/${ids.february}/settings`, { settings: { ...(await settingsOf(ids.february!)), format: 'classWide' } });
    expect(r.statusCode).toBe(200);
  };
  const link = (coachId: string, currentCoachId: string | null, classId = ids.classA!, who = as.coordinator!) =>
    who.request('PUT', `/api/intakes/${ids.february}/classes/${classId}/coach`, { coachId, currentCoachId });
  const classCommunities = () => t.services.db.select().from(communities).where(eq(communities.kind, 'class'));
  const members = (communityId: string) =>
    t.services.db.select().from(communityMembers).where(and(eq(communityMembers.communityId, communityId), isNull(communityMembers.leftOn)));

  it('the coordinator links a coach to a class: a class community with the class as members; grouping and caseloads are refused in plain words', async () => {
    // Not before the intake is class-wide; nothing stored.
    const early = await link(ids.anna!, null);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('Deze intake werkt niet klasbreed. Kies die vorm eerst bij de instellingen.');
    expect(await classCommunities()).toHaveLength(0);
    await makeClassWide();
    const before = (await as.coordinator!.request('GET', `/api/intakes/${ids.february}/class-coaches`)).json();
    expect(before).toMatchObject({ format: 'classWide' });
    expect(before.classes.map((c: { code: string; size: number; coach: unknown }) => [c.code, c.size, c.coach])).toEqual([['SW1F', 6, null], ['SW2F', 1, null]]);
    // Paused coaches are not offered.
    expect(before.coaches.map((c: { id: string }) => c.id).sort()).toEqual([ids.anna, ids.bram].sort());

    const linked = await link(ids.anna!, null);
    expect(linked.statusCode).toBe(200);
    expect(linked.json().members).toBe(6);
    const [klass] = await classCommunities();
    expect(klass).toMatchObject({ kind: 'class', classId: ids.classA, coachId: ids.anna, name: 'SW1F', intakeId: ids.february });
    expect((await members(klass!.id)).map((m) => m.personId).sort()).toEqual([...students].sort());
    expect((await members(klass!.id)).every((m) => m.joinedReason === 'initial')).toBe(true);
    const after = (await as.coordinator!.request('GET', `/api/intakes/${ids.february}/class-coaches`)).json();
    expect(after.classes[0]).toMatchObject({ communityId: klass!.id, coach: { id: ids.anna }, coachChanges: 0 });
    expect(after.classes[1].coach).toBeNull();
    expect(after.coaches.find((c: { id: string }) => c.id === ids.anna).classes).toBe(1);

    // Grouping and caseload assignment: refused in plain words, nothing stored.
    const grouping = await as.coordinator!.request('POST', `/api/intakes/${ids.february}/grouping-runs`, { classId: null, attributes: [{ key: 'gender', weight: 1 }] });
    expect(grouping.statusCode).toBe(409);
    expect(grouping.json().error.message).toBe('Deze intake werkt klasbreed: een coach werkt met een hele klas. Er worden dus geen communities gevormd. Koppel een coach aan elke klas.');
    const caseloads = await as.coordinator!.request('POST', `/api/intakes/${ids.february}/caseloads/assign`);
    expect(caseloads.statusCode).toBe(409);
    expect(await t.services.db.select().from(communities)).toHaveLength(1);

    // Coaches and students cannot link: the same 404 as a missing intake.
    expect((await link(ids.bram!, null, ids.classB, as.anna)).statusCode).toBe(404);
    expect((await as.s0!.request('GET', `/api/intakes/${ids.february}/class-coaches`)).statusCode).toBe(404);
  });

  it('changing the coach is a handover counted by continuity; bad input and a stale screen change nothing; two links at once: one wins', async () => {
    await makeClassWide();
    await link(ids.anna!, null);
    const [klass] = await classCommunities();
    // A stale screen (it showed no coach), the same coach again: 409.
    expect((await link(ids.bram!, null)).statusCode).toBe(409);
    expect((await link(ids.anna!, ids.anna!)).statusCode).toBe(409);
    // A paused coach, a coach of another programme: a translated field message.
    for (const coachId of [ids.paused!, ids.stranger!]) {
      const refused = await link(coachId, ids.anna!);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual([{ path: 'coachId', message: 'Kies een beschikbare studentcoach van deze opleiding.' }]);
    }
    // A class of another intake: the same 404 as a missing one.
    expect((await link(ids.anna!, null, ids.classS)).statusCode).toBe(404);
    expect(await classCommunities()).toHaveLength(1);
    expect((await classCommunities())[0]!.coachId).toBe(ids.anna);

    const changed = await link(ids.bram!, ids.anna!);
    expect(changed.statusCode).toBe(200);
    expect(changed.json().communityId).toBe(klass!.id);
    const periods = await t.services.db.select().from(communityCoachPeriods).where(eq(communityCoachPeriods.communityId, klass!.id));
    expect(periods.map((p) => [p.coachId, p.endReason])).toEqual(expect.arrayContaining([[ids.anna, 'handover'], [ids.bram, null]]));
    // The members stay: a coach change is no move for them.
    expect(await members(klass!.id)).toHaveLength(6);
    const screen = (await as.coordinator!.request('GET', `/api/intakes/${ids.february}/class-coaches`)).json();
    expect(screen.classes[0]).toMatchObject({ coach: { id: ids.bram }, coachChanges: 1 });
    // Continuity per class: the class community is listed with one coach change and all its original members.
    const list = (await as.coordinator!.request('GET', `/api/intakes/${ids.february}/communities`)).json();
    const row = list.communities.find((c: { id: string }) => c.id === klass!.id);
    expect(row.continuity.coachChanges).toBe(1);
    expect(row.continuity.originalMembersShare).toBe(1);

    // Two links of the other class at once: one wins, the other answers 409.
    const both = await Promise.all([link(ids.anna!, null, ids.classB), link(ids.bram!, null, ids.classB)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await classCommunities()).toHaveLength(2);
  });

  it('the linked coach plans a class-wide session; the class answers, attendance and logbook work, the hours count; another coach gets 404', async () => {
    await makeClassWide();
    await link(ids.anna!, null);
    const [klass] = await classCommunities();
    const body = { type: 'classWide', date: '2027-02-10', startTime: '10:00', durationMinutes: 90, location: 'Lokaal 1.01' };
    // Another coach of the programme: the same 404 as a missing class.
    expect((await as.bram!.request('POST', `/api/communities/${klass!.id}/sessions`, body)).statusCode).toBe(404);
    // A community session in a class: refused in plain words.
    const group = await as.anna!.request('POST', `/api/communities/${klass!.id}/sessions`, { ...body, type: 'community' });
    expect(group.statusCode).toBe(422);
    expect(group.json().error.message).toBe('Met een klas plan je alleen klasbrede bijeenkomsten.');
    expect(await t.services.db.select().from(sessions)).toHaveLength(0);

    const created = await as.anna!.request('POST', `/api/communities/${klass!.id}/sessions`, body);
    expect(created.statusCode).toBe(201);
    const sessionId = created.json().id;
    const [row] = await t.services.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(row).toMatchObject({ type: 'classWide', classId: ids.classA, communityId: klass!.id, organiserId: ids.anna });
    // The coach's classes: the class with its size and the coming session; another coach has none.
    const mine = (await as.anna!.request('GET', '/api/classes/mine')).json();
    expect(mine.classes).toHaveLength(1);
    expect(mine.classes[0]).toMatchObject({ communityId: klass!.id, code: 'SW1F', size: 6, month: 'february', past: [] });
    expect(mine.classes[0].upcoming.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    expect((await as.bram!.request('GET', '/api/classes/mine')).json()).toEqual({ classes: [] });
    // The class is invited and answers; a student of the other class does not see it.
    const seen = (await as.s0!.request('GET', '/api/sessions?from=2027-02-01T00:00:00Z&to=2027-03-01T00:00:00Z')).json().sessions;
    expect(seen.map((x: { id: string }) => x.id)).toContain(sessionId);
    expect((await as.s0!.request('PUT', `/api/sessions/${sessionId}/rsvp`, { response: 'notComing', reason: 'Tandarts' })).statusCode).toBe(200);
    const outsider = await signedIn(app, 'b0@c.test', PASSWORD);
    expect((await outsider.request('GET', `/api/sessions/${sessionId}`)).statusCode).toBe(404);

    t.setNow(new Date('2027-02-10T15:00:00Z'));
    as.anna = await signedIn(app, 'anna@c.test', PASSWORD);
    const marked = await as.anna.request('POST', `/api/sessions/${sessionId}/attendance`, { marks: students.map((personId, i) => ({ personId, status: i === 0 ? 'absent' : 'present' })) });
    expect(marked.statusCode).toBe(200);
    const logbook = await as.anna.request('PUT', `/api/sessions/${sessionId}/logbook`, { answers: { 'logbook-what-we-did': 'Doelen van de klas', 'logbook-how-it-went': 4, 'logbook-need': ['nothing'] } });
    expect(logbook.statusCode).toBe(200);
    const later = (await as.anna.request('GET', '/api/classes/mine')).json().classes[0];
    expect(later.upcoming).toEqual([]);
    expect(later.past.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    // Continuity per class: the held class session counts, led by the original coach.
    as.coordinator = await signedIn(app, 'coord@c.test', PASSWORD);
    const list = (await as.coordinator.request('GET', `/api/intakes/${ids.february}/communities`)).json();
    expect(list.communities.find((c: { id: string }) => c.id === klass!.id).continuity).toMatchObject({ basis: 'sessions', sessionsHeld: 1, originalCoachShare: 1, coachChanges: 0 });
    // The leercoach of the class (a compulsory intake) sees the class's attendance figures, the class-wide session included.
    const leercoachClient = await signedIn(app, 'leercoach@c.test', PASSWORD);
    const classView = (await leercoachClient.request('GET', `/api/classes/${ids.classA}/attendance`)).json();
    expect(classView).toMatchObject({ attendanceShared: true, communities: [{ id: klass!.id, students: students.length, attended: students.length - 1, marked: students.length }] });
    // The programme dashboard counts the class's session as a held group meeting of the intake.
    const dashboard = (await as.coordinator.request('GET', `/api/programmes/${ids.prog}/dashboard?intakeId=${ids.february}`)).json<DashboardResponse>();
    expect(dashboard.sections.find((x) => x.id === 'sessions')!.table.rows).toEqual([['2027-02', 1, 0, 1]]);
    await generateStatements({ services: t.services, institutionId: ids.inst!, month: '2027-02' });
    const [statement] = await t.services.db.select().from(compensationStatements).where(eq(compensationStatements.coachPersonId, ids.anna!));
    const lines = await t.services.db.select().from(compensationStatementLines).where(eq(compensationStatementLines.statementId, statement!.id));
    const standard = (await settingsOf(ids.february!)).compensation.standardMinutes.communitySession;
    expect(lines.filter((l) => l.kind === 'session').map((l) => l.minutes)).toEqual([standard]);
  });
});
