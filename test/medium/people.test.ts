/**
 * People and roles (issue 16, item 1) through HTTP on the real app: staff created without a
 * password, roles granted at a scope with their classes or supervised coaches, escalation refused
 * with the uniform 404, revocation with a reason, deactivation (sign-in refused, sessions ended at
 * once), the person's own history on "Mijn rollen", and the institution's last beheerder kept.
 */
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MyRolesResponse, PersonDetail, FindPeopleResponse } from '../../src/contracts/people';
import { classes, coachSupervision, passwordCredentials, people, roleAssignments, roleEvents } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/public';
import { createTestApp } from '../support/app';
import { anonymous, signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';

describe(`people and roles on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let f: TestDb['factories'];
  let institutionId: string;
  let programmeId: string;
  let otherProgrammeId: string;
  let classId: string;
  let otherClassId: string;
  let beheerder: Client;
  let coordinator: Client;
  let coach: { id: string };
  let otherCoach: { id: string };
  let beheerderId: string;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    f = t.factories;
    institutionId = (await f.institution()).id;
    programmeId = (await f.programme(institutionId, { nameNl: 'Social Work' })).id;
    otherProgrammeId = (await f.programme(institutionId, { nameNl: 'Bedrijfskunde' })).id;
    classId = (await f.class((await f.intake(programmeId)).id, { code: 'SW1A' })).id;
    otherClassId = (await f.class((await f.intake(otherProgrammeId)).id, { code: 'BK1A' })).id;
    beheerderId = (await f.person({ institutionId, roles: ['beheerder'], email: 'beheer@test.example', password: PASSWORD, firstName: 'Bea', lastName: 'Beheer' })).id;
    await f.person({ institutionId, programmeId, roles: ['coordinator'], email: 'coord@test.example', password: PASSWORD, firstName: 'Cor', lastName: 'Dinator' });
    coach = await f.person({ institutionId, programmeId, roles: ['studentcoach'], email: 'coach@test.example', password: PASSWORD, firstName: 'Sam', lastName: 'Coach' });
    otherCoach = await f.person({ institutionId, programmeId, roles: ['studentcoach'], email: 'coach2@test.example', password: PASSWORD, firstName: 'Noor', lastName: 'Coach' });
    beheerder = await signedIn(app, 'beheer@test.example', PASSWORD);
    coordinator = await signedIn(app, 'coord@test.example', PASSWORD);
  });

  const grantUrl = (personId: string, role: string, scope: string) => `/api/people/${personId}/roles/${role}/scopes/${scope}`;
  const setPassword = async (personId: string) => t.services.db.insert(passwordCredentials).values({ personId, hash: await hashPassword(PASSWORD) });

  it('lets the beheerder create a staff member (not yet activated) and make them leercoach of a class; they see it on Mijn rollen', async () => {
    const created = await beheerder.request('POST', '/api/people', { firstName: 'Lotte', lastName: 'Leraar', email: 'Lotte@Test.example', locale: 'en' });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const before = (await beheerder.request('GET', `/api/people/${id}`)).json<PersonDetail>();
    expect(before).toMatchObject({ email: 'lotte@test.example', locale: 'en', status: 'notActivated', heldRoles: [], history: [] });

    const granted = await beheerder.request('POST', grantUrl(id, 'leercoach', programmeId), { reason: 'Nieuwe docent', classIds: [classId] });
    expect(granted.statusCode).toBe(201);
    const [row] = await t.services.db.select({ leercoachId: classes.leercoachId }).from(classes).where(eq(classes.id, classId));
    expect(row?.leercoachId).toBe(id);

    const after = (await beheerder.request('GET', `/api/people/${id}`)).json<PersonDetail>();
    expect(after.heldRoles).toEqual([expect.objectContaining({ role: 'leercoach', programmeId, classes: [expect.objectContaining({ id: classId, code: 'SW1A' })] })]);

    await setPassword(id);
    const lotte = await signedIn(app, 'lotte@test.example', PASSWORD);
    const mine = (await lotte.request('GET', '/api/me/roles')).json<MyRolesResponse>();
    expect(mine.heldRoles.map((r) => r.role)).toEqual(['leercoach']);
    expect(mine.history).toEqual([
      expect.objectContaining({ kind: 'granted', role: 'leercoach', programmeId, reason: 'Nieuwe docent', classCodes: ['SW1A'], actor: { firstName: 'Bea', lastName: 'Beheer', role: 'beheerder' } }),
    ]);
    expect((await beheerder.request('GET', `/api/people/${id}`)).json<PersonDetail>().status).toBe('active');
  });

  it('refuses a second account with the same e-mail address, and a bad form, changing nothing', async () => {
    const taken = await beheerder.request('POST', '/api/people', { firstName: 'Sam', lastName: 'Ander', email: 'COACH@test.example', locale: 'nl' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('email_taken');
    const bad = await beheerder.request('POST', '/api/people', { firstName: '', lastName: 'X', email: 'geen-adres', locale: 'de' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'firstName', 'locale']);
    const found = (await beheerder.request('GET', '/api/people?q=Ander')).json<FindPeopleResponse>();
    expect(found.total).toBe(0);
  });

  it('lets a coordinator promote a coach to senior coach and choose whom they supervise; the coach sees who did it', async () => {
    const choices = await coordinator.request('GET', `${grantUrl(coach.id, 'seniorcoach', programmeId)}/choices`);
    expect(choices.json().coaches.map((c: { id: string }) => c.id)).toEqual([otherCoach.id]);
    const promoted = await coordinator.request('POST', grantUrl(coach.id, 'seniorcoach', programmeId), { reason: 'Twee jaar ervaring', supervisedIds: [otherCoach.id] });
    expect(promoted.statusCode).toBe(201);
    const links = await t.services.db.select().from(coachSupervision).where(eq(coachSupervision.seniorId, coach.id));
    expect(links).toEqual([{ seniorId: coach.id, coachId: otherCoach.id, programmeId }]);

    const sam = await signedIn(app, 'coach@test.example', PASSWORD);
    const mine = (await sam.request('GET', '/api/me/roles')).json<MyRolesResponse>();
    expect(mine.heldRoles.find((r) => r.role === 'seniorcoach')?.supervised).toEqual([{ id: otherCoach.id, firstName: 'Noor', lastName: 'Coach' }]);
    expect(mine.history[0]).toMatchObject({ kind: 'granted', role: 'seniorcoach', reason: 'Twee jaar ervaring', supervisedCount: 1, actor: { firstName: 'Cor', lastName: 'Dinator', role: 'coordinator' } });
    // The coach's own session sees the new role at once (the access cache was dropped).
    expect((await sam.request('GET', '/api/auth/session')).json().person.roles.map((r: { role: string }) => r.role).sort()).toEqual(['seniorcoach', 'studentcoach']);

    // Changing the group later is recorded too.
    const changed = await coordinator.request('PUT', grantUrl(coach.id, 'seniorcoach', programmeId), { supervisedIds: [] });
    expect(changed.statusCode).toBe(200);
    expect(await t.services.db.select().from(coachSupervision).where(eq(coachSupervision.seniorId, coach.id))).toEqual([]);
    expect((await sam.request('GET', '/api/me/roles')).json<MyRolesResponse>().history[0]).toMatchObject({ kind: 'supervisionChanged', supervisedCount: 0 });
  });

  it('refuses supervised people who are not coaches of the programme, and classes of another programme, changing nothing', async () => {
    const beheerderAsCoach = await coordinator.request('POST', grantUrl(coach.id, 'seniorcoach', programmeId), { supervisedIds: [beheerderId] });
    expect(beheerderAsCoach.statusCode).toBe(422);
    expect(beheerderAsCoach.json().error.code).toBe('supervision_not_a_coach');
    const self = await coordinator.request('POST', grantUrl(coach.id, 'seniorcoach', programmeId), { supervisedIds: [coach.id] });
    expect(self.statusCode).toBe(422);
    const teacher = await f.person({ institutionId, email: 'docent@test.example' });
    const wrongClass = await coordinator.request('POST', grantUrl(teacher.id, 'leercoach', programmeId), { classIds: [otherClassId] });
    expect(wrongClass.statusCode).toBe(422);
    expect(wrongClass.json().error.message).toBe('Kies alleen klassen van deze opleiding.');
    expect(await t.services.db.select().from(roleAssignments).where(eq(roleAssignments.role, 'seniorcoach'))).toEqual([]);
    expect(await t.services.db.select().from(roleAssignments).where(eq(roleAssignments.personId, teacher.id))).toEqual([]);
    expect(await t.services.db.select().from(roleEvents)).toEqual([]);
  });

  it('refuses every grant wider than the actor’s own with the same 404 as a missing person', async () => {
    const teacher = await f.person({ institutionId, email: 'docent@test.example' });
    const coordinatorId = (await coordinator.request('GET', '/api/auth/session')).json().person.id as string;
    const missing = await coordinator.request('POST', grantUrl('00000000-0000-4000-8000-000000000000', 'leercoach', programmeId), {});
    expect(missing.statusCode).toBe(404);
    const attempts: [string, string][] = [
      [grantUrl(teacher.id, 'beheerder', 'institution'), 'beheerder'],
      [grantUrl(teacher.id, 'finance', 'institution'), 'finance'],
      [grantUrl(teacher.id, 'coordinator', programmeId), 'coordinator of own programme'],
      [grantUrl(teacher.id, 'coordinator', 'institution'), 'coordinator institution-wide'],
      [grantUrl(teacher.id, 'onderzoeker', 'institution'), 'onderzoeker'],
      [grantUrl(teacher.id, 'leercoach', otherProgrammeId), 'leercoach of another programme'],
      [grantUrl(teacher.id, 'leercoach', 'institution'), 'leercoach institution-wide'],
      [grantUrl(coordinatorId, 'seniorcoach', programmeId), 'a role to themselves'],
      [grantUrl(teacher.id, 'leercoach', '00000000-0000-4000-8000-000000000000'), 'an unknown programme'],
      [grantUrl(teacher.id, 'emperor', programmeId), 'an unknown role'],
    ];
    for (const [url, what] of attempts) {
      const response = await coordinator.request('POST', url, { reason: 'poging' });
      expect(response.statusCode, what).toBe(404);
      expect(response.json().error, what).toEqual(missing.json().error);
    }
    // Nor across institutions, even by a beheerder.
    const elsewhere = await f.institution();
    const stranger = await f.person({ institutionId: elsewhere.id, email: 'vreemd@test.example' });
    expect((await beheerder.request('POST', grantUrl(stranger.id, 'finance', 'institution'), {})).statusCode).toBe(404);
    expect((await beheerder.request('GET', `/api/people/${stranger.id}`)).statusCode).toBe(404);
    expect(await t.services.db.select().from(roleEvents)).toEqual([]);
  });

  it('answers two simultaneous grants of the same role with one 201 and one 409, recording it once', async () => {
    const teacher = await f.person({ institutionId, email: 'docent@test.example' });
    const [a, b] = await Promise.all([
      coordinator.request('POST', grantUrl(teacher.id, 'leercoach', programmeId), { classIds: [classId] }),
      beheerder.request('POST', grantUrl(teacher.id, 'leercoach', programmeId), { classIds: [classId] }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.statusCode === 409)?.json().error.code).toBe('role_already_held');
    expect(await t.services.db.select().from(roleEvents).where(eq(roleEvents.personId, teacher.id))).toHaveLength(1);
  });

  it('revokes a role with a reason: the supervision group goes with it and the person sees why', async () => {
    await coordinator.request('POST', grantUrl(coach.id, 'seniorcoach', programmeId), { supervisedIds: [otherCoach.id] });
    const noReason = await coordinator.request('POST', `${grantUrl(coach.id, 'seniorcoach', programmeId)}/revoke`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    const revoked = await coordinator.request('POST', `${grantUrl(coach.id, 'seniorcoach', programmeId)}/revoke`, { reason: 'Stopt na dit jaar' });
    expect(revoked.statusCode).toBe(200);
    const again = await coordinator.request('POST', `${grantUrl(coach.id, 'seniorcoach', programmeId)}/revoke`, { reason: 'Stopt na dit jaar' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('role_not_held');
    expect(await t.services.db.select().from(coachSupervision)).toEqual([]);
    const sam = await signedIn(app, 'coach@test.example', PASSWORD);
    const mine = (await sam.request('GET', '/api/me/roles')).json<MyRolesResponse>();
    expect(mine.heldRoles.map((r) => r.role)).toEqual(['studentcoach']);
    expect(mine.history.map((e) => [e.kind, e.reason])).toEqual([
      ['revoked', 'Stopt na dit jaar'],
      ['granted', null],
    ]);
  });

  it('keeps the institution’s last beheerder: not revoked, not even by themselves, and not by two beheerders at once', async () => {
    const own = await beheerder.request('POST', `${grantUrl(beheerderId, 'beheerder', 'institution')}/revoke`, { reason: 'Ik stop' });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('last_beheerder');
    const second = await f.person({ institutionId, roles: ['beheerder'], email: 'beheer2@test.example', password: PASSWORD });
    const other = await signedIn(app, 'beheer2@test.example', PASSWORD);
    const [a, b] = await Promise.all([
      beheerder.request('POST', `${grantUrl(second.id, 'beheerder', 'institution')}/revoke`, { reason: 'Wisseling' }),
      other.request('POST', `${grantUrl(beheerderId, 'beheerder', 'institution')}/revoke`, { reason: 'Wisseling' }),
    ]);
    expect([a.statusCode, b.statusCode].filter((s) => s === 200)).toHaveLength(1);
    const left = await t.services.db.select().from(roleAssignments).where(eq(roleAssignments.role, 'beheerder'));
    expect(left).toHaveLength(1);
  });

  it('deactivates an account: its session stops working at once, sign-in is refused clearly, history is kept; reactivation restores sign-in', async () => {
    const sam = await signedIn(app, 'coach@test.example', PASSWORD);
    const samOnPhone = await signedIn(app, 'coach@test.example', PASSWORD);
    expect((await sam.request('GET', '/api/me/roles')).statusCode).toBe(200);
    const noReason = await beheerder.request('POST', `/api/people/${coach.id}/deactivate`, {});
    expect(noReason.statusCode).toBe(400);
    const off = await beheerder.request('POST', `/api/people/${coach.id}/deactivate`, { reason: 'Afgestudeerd' });
    expect(off.statusCode).toBe(200);
    expect((await sam.request('GET', '/api/me/roles')).statusCode).toBe(401);
    expect((await samOnPhone.request('GET', '/api/home')).statusCode).toBe(401);

    const client = await anonymous(app);
    const refused = await client.request('POST', '/api/auth/sign-in', { email: 'coach@test.example', password: PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'account_deactivated', message: expect.stringContaining('gedeactiveerd') });
    const wrong = await client.request('POST', '/api/auth/sign-in', { email: 'coach@test.example', password: 'not the password' });
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect((await beheerder.request('POST', `/api/people/${coach.id}/deactivate`, { reason: 'Nogmaals' })).statusCode).toBe(409);

    const detail = (await beheerder.request('GET', `/api/people/${coach.id}`)).json<PersonDetail>();
    expect(detail.status).toBe('deactivated');
    expect(detail.heldRoles.map((r) => r.role)).toEqual(['studentcoach']);

    expect((await beheerder.request('POST', `/api/people/${coach.id}/reactivate`, { reason: 'Toch nog een jaar' })).statusCode).toBe(200);
    const back = await signedIn(app, 'coach@test.example', PASSWORD);
    const mine = (await back.request('GET', '/api/me/roles')).json<MyRolesResponse>();
    expect(mine.history.map((e) => [e.kind, e.reason, e.actor?.role])).toEqual([
      ['reactivated', 'Toch nog een jaar', 'beheerder'],
      ['deactivated', 'Afgestudeerd', 'beheerder'],
    ]);
  });

  it('never lets a beheerder deactivate themselves, nor a coordinator anyone', async () => {
    expect((await beheerder.request('POST', `/api/people/${beheerderId}/deactivate`, { reason: 'x' })).statusCode).toBe(404);
    expect((await coordinator.request('POST', `/api/people/${coach.id}/deactivate`, { reason: 'x' })).statusCode).toBe(404);
  });

  it('finds people by name, e-mail and student number, 20 a page; a coordinator finds staff and their own students only', async () => {
    for (let i = 0; i < 23; i++) await f.person({ institutionId, programmeId, roles: ['coachee'], email: `student${i}@test.example`, firstName: 'Student', lastName: `Nummer ${String(i).padStart(2, '0')}` });
    const bk = await f.person({ institutionId, programmeId: otherProgrammeId, roles: ['coachee'], email: 'bk@test.example', firstName: 'Bas', lastName: 'Kunde' });
    await f.enrol(otherClassId, bk.id, '5550123');
    await f.person({ institutionId, email: 'docent@test.example', firstName: 'Dirk', lastName: 'Docent' });

    const page1 = (await beheerder.request('GET', '/api/people?q=student')).json<FindPeopleResponse>();
    expect(page1).toMatchObject({ total: 23, page: 1, pageSize: 20 });
    expect(page1.people).toHaveLength(20);
    const page2 = (await beheerder.request('GET', '/api/people?q=student&page=2')).json<FindPeopleResponse>();
    expect(page2.people.map((p) => p.lastName)).toEqual(['Nummer 20', 'Nummer 21', 'Nummer 22']);
    expect((await beheerder.request('GET', '/api/people?q=555012')).json<FindPeopleResponse>().people.map((p) => p.email)).toEqual(['bk@test.example']);
    expect((await beheerder.request('GET', '/api/people?q=DOCENT%40test')).json<FindPeopleResponse>().people.map((p) => p.lastName)).toEqual(['Docent']);
    expect((await beheerder.request('GET', '/api/people?q=%25')).json<FindPeopleResponse>().total).toBe(0);

    const asCoordinator = (q: string) => coordinator.request('GET', `/api/people?q=${q}`).then((r) => r.json<FindPeopleResponse>());
    expect((await asCoordinator('Kunde')).total).toBe(0);
    expect((await asCoordinator('Docent')).total).toBe(1);
    expect((await asCoordinator('Nummer%2003')).people[0]?.roles).toEqual([{ role: 'coachee', programmeId }]);
    expect((await coordinator.request('GET', `/api/people/${bk.id}`)).statusCode).toBe(404);
    expect((await coordinator.request('GET', '/api/people?page=0')).statusCode).toBe(400);
  });

  it('keeps the history append-only: an update is refused; when the actor’s account is deleted the entry stays, without a name', async () => {
    const teacher = await f.person({ institutionId, email: 'docent@test.example', password: PASSWORD });
    const helper = await f.person({ institutionId, roles: ['beheerder'], email: 'helper@test.example', password: PASSWORD });
    const asHelper = await signedIn(app, 'helper@test.example', PASSWORD);
    expect((await asHelper.request('POST', grantUrl(teacher.id, 'onderzoeker', 'institution'), { reason: 'Onderzoek 2027' })).statusCode).toBe(201);
    await expect(t.services.db.update(roleEvents).set({ reason: 'iets anders' }).where(eq(roleEvents.personId, teacher.id))).rejects.toThrow();
    await t.services.db.delete(people).where(eq(people.id, helper.id));
    const docent = await signedIn(app, 'docent@test.example', PASSWORD);
    const history = (await docent.request('GET', '/api/me/roles')).json<MyRolesResponse>().history;
    expect(history).toEqual([expect.objectContaining({ kind: 'granted', role: 'onderzoeker', reason: 'Onderzoek 2027', actor: null })]);
  });
});
