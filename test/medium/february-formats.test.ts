/**
 * February formats (#21 item 3) through the real app. Individual coaching: the coordinator
 * assigns every student of the intake to a coach's caseload (evenly, each once; no communities are
 * formed or scheduled), moves one (a coach change for that student, counted by the continuity
 * figures); the coach sees the caseload and plans one-on-ones per coachee or a whole round; RSVP
 * and attendance work, and the held one-on-ones appear as hours in the coach's statement. Bad
 * input (a one-on-one for someone outside the caseload, a student of another intake, a group
 * session in a caseload) is refused with nothing stored. A format change once students are placed
 * asks first (409, nothing changed) and then keeps or ends the memberships.
 */
import type { FastifyInstance } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readIntakeSettings, type IntakeSettings } from '../../src/domain/programme/intake-settings';
import { classes, compensationProfiles, compensationStatementLines, compensationStatements, communities, communityMembers, intakes, sessions } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { generateStatements } from '../../src/server/modules/compensation/public';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
// Before the February intake's sessions: the clients' sign-in stays fresh while the clock stands here.
const NOW = new Date('2026-12-01T09:00:00Z');

describe(`February formats on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  const ids: Record<string, string> = {};
  let students: string[] = [];
  let coaches: string[] = [];

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
    const september = await f.intake(prog.id);
    const february = await f.intake(prog.id, { month: 'february' });
    const mk = (roles: Parameters<typeof f.person>[0]['roles'], email: string) => f.person({ institutionId: inst.id, roles, programmeId: prog.id, email, passwordHash });
    await mk(['coordinator'], 'coord@f.test');
    coaches = [];
    for (const name of ['anna', 'bram', 'cas']) {
      const coach = await mk(['studentcoach'], `${name}@f.test`);
      await f.coachProfile(coach.id, prog.id);
      coaches.push(coach.id);
    }
    // A paused coach takes no caseload.
    const paused = await mk(['studentcoach'], 'paused@f.test');
    await f.coachProfile(paused.id, prog.id, { status: 'paused' });
    const classF = await f.class(february.id, { code: 'SW1F' });
    const classS = await f.class(september.id, { code: 'SW1A' });
    students = [];
    for (let i = 0; i < 7; i++) {
      const s = await mk(['coachee'], `s${i}@f.test`);
      await f.enrol(classF.id, s.id);
      students.push(s.id);
    }
    const other = await mk(['coachee'], 'sept@f.test');
    await f.enrol(classS.id, other.id);
    await t.services.db.insert(compensationProfiles).values({ personId: coaches[0]!, birthDate: '2004-01-01' });
    Object.assign(ids, { inst: inst.id, prog: prog.id, february: february.id, september: september.id, other: other.id, paused: paused.id });
    for (const [k, e] of Object.entries({ coordinator: 'coord@f.test', anna: 'anna@f.test', bram: 'bram@f.test', s0: 's0@f.test' })) as[k] = await signedIn(app, e, PASSWORD);
    t.setNow(NOW);
  });

  const settingsOf = async (intakeId: string): Promise<IntakeSettings> => {
    const [row] = await t.services.db.select().from(intakes).where(eq(intakes.id, intakeId));
    return readIntakeSettings(row!.settings, row!.month).settings;
  };
  const save = (intakeId: string, settings: IntakeSettings, formatChange?: Record<string, unknown>) =>
    as.coordinator!.request('PUT', `/api/intakes/${intakeId}/settings`, { settings, ...(formatChange ? { formatChange } : {}) });
  const makeIndividual = async () => {
    const r = await save(ids.february!, { ...(await settingsOf(ids.february!)), format: 'individual', caseloadSize: 3 });
    expect(r.statusCode).toBe(200);
  };
  const active = () =>
    t.services.db
      .select({ personId: communityMembers.personId, communityId: communityMembers.communityId, kind: communities.kind, coachId: communities.coachId })
      .from(communityMembers)
      .innerJoin(communities, eq(communities.id, communityMembers.communityId))
      .where(and(eq(communities.intakeId, ids.february!), isNull(communityMembers.leftOn)));

  it('individual coaching: every student once, spread evenly over the available coaches; no communities; the year plan leaves caseloads out', async () => {
    // Not before the intake is set to individual coaching.
    const early = await as.coordinator!.request('POST', `/api/intakes/${ids.february}/caseloads/assign`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('Deze intake werkt niet met individuele coaching. Kies die vorm eerst bij de instellingen.');
    await makeIndividual();
    const assigned = await as.coordinator!.request('POST', `/api/intakes/${ids.february}/caseloads/assign`);
    expect(assigned.json()).toEqual({ assigned: 7, withoutCoach: 0 });
    const rows = await active();
    expect(rows.map((r) => r.personId).sort()).toEqual([...students].sort());
    expect(rows.every((r) => r.kind === 'caseload')).toBe(true);
    const sizes = coaches.map((c) => rows.filter((r) => r.coachId === c).length).sort();
    expect(sizes).toEqual([2, 2, 3]);
    expect(rows.some((r) => r.coachId === ids.paused)).toBe(false);
    // No group community exists in the intake.
    const groups = await t.services.db.select().from(communities).where(and(eq(communities.intakeId, ids.february!), eq(communities.kind, 'group')));
    expect(groups).toHaveLength(0);
    // A second click assigns nobody twice.
    expect((await as.coordinator!.request('POST', `/api/intakes/${ids.february}/caseloads/assign`)).json()).toEqual({ assigned: 0, withoutCoach: 0 });
    expect(await active()).toHaveLength(7);
    const screen = (await as.coordinator!.request('GET', `/api/intakes/${ids.february}/caseloads`)).json();
    expect(screen).toMatchObject({ format: 'individual', target: 3, unassigned: [] });
    expect(screen.coaches).toHaveLength(3);
    // The year plan leaves caseloads out and says the format; a grouped session cannot be planned in a caseload.
    const plan = (await as.coordinator!.request('GET', `/api/intakes/${ids.february}/year-plan`)).json();
    expect(plan).toMatchObject({ format: 'individual', communities: [] });
    const caseload = rows.find((r) => r.coachId === coaches[0])!.communityId;
    const group = await as.anna!.request('POST', `/api/communities/${caseload}/sessions`, { type: 'community', date: '2027-02-15', startTime: '10:00', durationMinutes: 60 });
    expect(group.statusCode).toBe(422);
    expect(group.json().error.message).toBe('Een caseload heeft alleen één-op-één-gesprekken, geen groepsbijeenkomsten.');
    // Coaches and students of the intake cannot see the caseload screen: the same 404 as a missing intake.
    expect((await as.anna!.request('GET', `/api/intakes/${ids.february}/caseloads`)).statusCode).toBe(404);
    expect((await as.s0!.request('POST', `/api/intakes/${ids.february}/caseloads/assign`)).statusCode).toBe(404);
  });

  it('a manual move is a coach change for the student: counted by continuity, not an ending; another intake’s student is refused', async () => {
    await makeIndividual();
    await as.coordinator!.request('POST', `/api/intakes/${ids.february}/caseloads/assign`);
    const before = await active();
    const moving = before.find((r) => r.coachId === coaches[0])!;
    const target = coaches.find((c) => c !== coaches[0])!;
    const moved = await as.coordinator!.request('POST', `/api/intakes/${ids.february}/caseloads/moves`, { studentId: moving.personId, coachId: target });
    expect(moved.statusCode).toBe(200);
    const after = await active();
    expect(after).toHaveLength(7);
    expect(after.find((r) => r.personId === moving.personId)!.coachId).toBe(target);
    const ended = await t.services.db.select().from(communityMembers).where(and(eq(communityMembers.personId, moving.personId), eq(communityMembers.communityId, moving.communityId)));
    expect(ended[0]!.leftReason).toBe('moved');
    // Continuity: the old caseload lost an original member; no ending counted.
    const list = (await as.coordinator!.request('GET', `/api/intakes/${ids.february}/communities`)).json();
    const old = list.communities.find((c: { id: string }) => c.id === moving.communityId);
    expect(old.continuity.originalMembersShare).toBeLessThan(1);
    expect(old.continuity.endings).toEqual({ finished: 0, stoppedAfterFirstPhase: 0, switchedProgramme: 0, droppedOut: 0 });
    // The same move again: 409; a student of the September intake: 404; a paused coach: a field message.
    expect((await as.coordinator!.request('POST', `/api/intakes/${ids.february}/caseloads/moves`, { studentId: moving.personId, coachId: target })).statusCode).toBe(409);
    const outsider = await as.coordinator!.request('POST', `/api/intakes/${ids.february}/caseloads/moves`, { studentId: ids.other, coachId: target });
    expect(outsider.statusCode).toBe(404);
    const pausedCoach = await as.coordinator!.request('POST', `/api/intakes/${ids.february}/caseloads/moves`, { studentId: moving.personId, coachId: ids.paused });
    expect(pausedCoach.statusCode).toBe(400);
    expect(pausedCoach.json().error.fields).toEqual([{ path: 'coachId', message: 'Kies een beschikbare studentcoach van deze opleiding.' }]);
    expect(await active()).toEqual(after);
  });

  it('the coach plans one-on-ones per coachee and a round; RSVP and attendance work; held ones count as hours in the statement', async () => {
    await makeIndividual();
    await as.coordinator!.request('POST', `/api/intakes/${ids.february}/caseloads/assign`);
    const mine = (await as.anna!.request('GET', '/api/caseloads/mine')).json();
    expect(mine.caseloads).toHaveLength(1);
    const caseload = mine.caseloads[0];
    expect(caseload).toMatchObject({ target: 3, month: 'february' });
    const coachees: string[] = caseload.coachees.map((c: { id: string }) => c.id);
    expect(coachees.length).toBeGreaterThanOrEqual(2);
    expect(caseload.coachees.every((c: { lastOneOnOne: unknown; nextOneOnOne: unknown }) => c.lastOneOnOne === null && c.nextOneOnOne === null)).toBe(true);

    // One for the first coachee, online with a link.
    const one = await as.anna!.request('POST', `/api/communities/${caseload.caseloadId}/sessions`, { type: 'oneOnOne', coacheeId: coachees[0], date: '2027-02-10', startTime: '13:00', durationMinutes: 45, mode: 'online', meetingLink: 'https://teams.example/meet/1' });
    expect(one.statusCode).toBe(201);
    // A coachee outside the caseload: refused, nothing stored.
    const outside = students.find((s) => !coachees.includes(s))!;
    const count = async () => (await t.services.db.select().from(sessions).where(eq(sessions.type, 'oneOnOne'))).length;
    const refused = await as.anna!.request('POST', `/api/communities/${caseload.caseloadId}/sessions`, { type: 'oneOnOne', coacheeId: outside, date: '2027-02-10', startTime: '14:00', durationMinutes: 45 });
    expect(refused.statusCode).toBe(422);
    expect(await count()).toBe(1);
    // Another coach's caseload: the same 404 as a missing one.
    expect((await as.bram!.request('POST', `/api/communities/${caseload.caseloadId}/sessions`, { type: 'oneOnOne', coacheeId: coachees[0], date: '2027-02-10', startTime: '14:00', durationMinutes: 45 })).statusCode).toBe(404);

    // A round in that week: the others, one after another; a second round that week: 409.
    const round = await as.anna!.request('POST', `/api/communities/${caseload.caseloadId}/one-on-one-round`, { date: '2027-02-11', startTime: '10:00', durationMinutes: 30, breakMinutes: 10, location: 'Kamer 2.14' });
    expect(round.statusCode).toBe(201);
    const planned = round.json();
    expect(planned.skipped).toBe(1);
    expect(planned.planned.map((p: { coacheeId: string }) => p.coacheeId).sort()).toEqual(coachees.slice(1).sort());
    // 10:00 Amsterdam is 09:00 UTC in February; the next starts 40 minutes later.
    planned.planned.forEach((p: { startsAt: string }, i: number) => expect(p.startsAt).toBe(new Date(Date.parse('2027-02-11T09:00:00Z') + i * 40 * 60_000).toISOString()));
    const again = await as.anna!.request('POST', `/api/communities/${caseload.caseloadId}/one-on-one-round`, { date: '2027-02-12', startTime: '10:00', durationMinutes: 30 });
    expect(again.statusCode).toBe(409);
    const late = await as.anna!.request('POST', `/api/communities/${caseload.caseloadId}/one-on-one-round`, { date: '2027-02-19', startTime: '23:30', durationMinutes: 30 });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields[0].message).toBe('De gesprekken passen niet meer op deze dag. Begin eerder of maak ze korter.');
    expect(await count()).toBe(coachees.length);

    // The coachee sees theirs (with the link) and answers; the coach marks attendance after it.
    const coachee = await signedIn(app, `s${students.indexOf(coachees[1]!)}@f.test`, PASSWORD);
    const seen = (await coachee.request('GET', '/api/sessions?from=2027-02-01T00:00:00Z&to=2027-03-01T00:00:00Z')).json().sessions;
    const theirs = seen.filter((s: { type: string }) => s.type === 'oneOnOne');
    expect(theirs).toHaveLength(1);
    expect((await coachee.request('PUT', `/api/sessions/${theirs[0].id}/rsvp`, { response: 'coming', reason: '' })).statusCode).toBe(200);
    // Someone else's one-on-one: the same 404 as a missing one.
    expect((await coachee.request('GET', `/api/sessions/${one.json().id}`)).statusCode).toBe(404);
    // A caseload's coachees never meet: neither "my community" nor the home names the others; the
    // next meeting there is the coachee's own one-on-one.
    const myCommunity = (await coachee.request('GET', '/api/me/community')).json();
    expect(myCommunity.community).toMatchObject({ kind: 'caseload', members: [] });
    expect(myCommunity.nextSession.id).toBe(theirs[0].id);
    const home = (await coachee.request('GET', '/api/home')).json();
    expect(home.communities.find((c: { id: string }) => c.id === caseload.caseloadId)).toMatchObject({ relation: 'member', members: [] });
    const coachHome = (await as.anna!.request('GET', '/api/home')).json();
    expect(coachHome.communities.find((c: { id: string }) => c.id === caseload.caseloadId).members).toHaveLength(coachees.length);
    const firstId = one.json().id;
    t.setNow(new Date('2027-02-11T15:00:00Z'));
    // A fresh sign-in at the new time (the earlier one would have been idle for months).
    as.anna = await signedIn(app, 'anna@f.test', PASSWORD);
    const marked = await as.anna.request('POST', `/api/sessions/${firstId}/attendance`, { marks: [{ personId: coachees[0], status: 'present' }] });
    expect(marked.statusCode).toBe(200);
    const list = (await as.anna.request('GET', '/api/caseloads/mine')).json().caseloads[0].coachees;
    expect(list.find((c: { id: string }) => c.id === coachees[0]).lastOneOnOne.id).toBe(firstId);

    // Hours: the held one-on-ones of February count in the coach's statement (standard length + preparation).
    await generateStatements({ services: t.services, institutionId: ids.inst!, month: '2027-02' });
    const [statement] = await t.services.db.select().from(compensationStatements).where(eq(compensationStatements.coachPersonId, coaches[0]!));
    const lines = await t.services.db.select().from(compensationStatementLines).where(eq(compensationStatementLines.statementId, statement!.id));
    const standard = (await settingsOf(ids.september!)).compensation.standardMinutes.oneOnOne;
    const oneOnOneLines = lines.filter((l) => l.kind === 'oneOnOne');
    expect(oneOnOneLines.length).toBe(coachees.length);
    expect(oneOnOneLines.every((l) => l.minutes === standard)).toBe(true);
  });

  it('a format change once students are placed asks first (409, nothing changed), then keeps or ends the memberships', async () => {
    await makeIndividual();
    await as.coordinator!.request('POST', `/api/intakes/${ids.february}/caseloads/assign`);
    const settings = await settingsOf(ids.february!);
    const refused = await save(ids.february!, { ...settings, format: 'communities' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Er zitten al 7 studenten in een community of caseload van deze intake. Kies eerst wat er met hen gebeurt en bevestig dan. Er is nog niets veranderd.');
    expect((await settingsOf(ids.february!)).format).toBe('individual');
    expect(await active()).toHaveLength(7);
    // Another setting saves without asking.
    expect((await save(ids.february!, { ...settings, sessionsPerMonth: 3 })).statusCode).toBe(200);
    const ended = await save(ids.february!, { ...settings, format: 'communities' }, { confirmed: true, existing: 'end' });
    expect(ended.statusCode).toBe(200);
    expect((await settingsOf(ids.february!)).format).toBe('communities');
    expect(await active()).toHaveLength(0);
    const reasons = await t.services.db.select({ reason: communityMembers.leftReason }).from(communityMembers);
    expect(reasons.every((r) => r.reason === 'formatChanged')).toBe(true);
    // No dropout counted.
    const list = (await as.coordinator!.request('GET', `/api/intakes/${ids.february}/communities`)).json();
    for (const c of list.communities) expect(c.continuity.endings.droppedOut).toBe(0);
  });

  it('class-wide: a coach leads a session for the whole class; the class is invited, the coach marks attendance, the hours count as a session', async () => {
    const [klass] = await t.services.db.select().from(communities).where(eq(communities.intakeId, ids.february!));
    expect(klass).toBeUndefined();
    const settings = await settingsOf(ids.february!);
    expect((await save(ids.february!, { ...settings, format: 'classWide' })).statusCode).toBe(200);
    const classId = (await t.services.db.select({ id: classes.id }).from(classes).where(eq(classes.intakeId, ids.february!)))[0]!.id;
    const body = { type: 'classWide', classId, coachId: coaches[0], date: '2027-02-10', startTime: '10:00', durationMinutes: 90, location: 'Lokaal 1.01' };
    // A coach who is not a student coach of the programme, or a class of another programme: refused, nothing stored.
    const notCoach = await as.coordinator!.request('POST', `/api/programmes/${ids.prog}/sessions`, { ...body, coachId: students[0] });
    expect(notCoach.statusCode).toBe(400);
    expect((await t.services.db.select().from(sessions)).length).toBe(0);
    const created = await as.coordinator!.request('POST', `/api/programmes/${ids.prog}/sessions`, body);
    expect(created.statusCode).toBe(201);
    const sessionId = created.json().id;
    // Invitees are the class: a student of the class sees it; the coach leads it.
    const coachee = await signedIn(app, 's2@f.test', PASSWORD);
    const seen = (await coachee.request('GET', '/api/sessions?from=2027-02-01T00:00:00Z&to=2027-03-01T00:00:00Z')).json().sessions;
    expect(seen.map((x: { id: string }) => x.id)).toContain(sessionId);
    t.setNow(new Date('2027-02-10T15:00:00Z'));
    as.anna = await signedIn(app, 'anna@f.test', PASSWORD);
    const marked = await as.anna.request('POST', `/api/sessions/${sessionId}/attendance`, { marks: students.map((personId, i) => ({ personId, status: i === 0 ? 'absent' : 'present' })) });
    expect(marked.statusCode).toBe(200);
    await generateStatements({ services: t.services, institutionId: ids.inst!, month: '2027-02' });
    const [statement] = await t.services.db.select().from(compensationStatements).where(eq(compensationStatements.coachPersonId, coaches[0]!));
    const lines = await t.services.db.select().from(compensationStatementLines).where(eq(compensationStatementLines.statementId, statement!.id));
    const standard = (await settingsOf(ids.september!)).compensation.standardMinutes.communitySession;
    expect(lines.filter((l) => l.kind === 'session').map((l) => l.minutes)).toEqual([standard]);
  });
});
