/**
 * The access matrix of the people routes through HTTP: every route, every role, allowed or the
 * uniform 404 (the same answer as a missing person). Escalation attempts are rows like any other.
 * Allowed calls may still answer 409 (the role is already held after an earlier row): what this
 * file proves is who gets past the policy; people.test.ts proves what the calls do.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/access/roles';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
const WHO = ['coachee', 'studentcoach', 'seniorcoach', 'coordinator', 'otherCoordinator', 'leercoach', 'onderzoeker', 'finance', 'opleidingsmanagement', 'beheerder', 'foreignBeheerder'] as const;
type Who = (typeof WHO)[number];
const MISSING = '00000000-0000-4000-8000-000000000000';

describe(`people routes access matrix on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as = {} as Record<Who, Client>;
  const ids = {} as Record<'staff' | 'coach' | 'programme' | 'otherProgramme' | 'beheerder', string>;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    await t.reset();
    const f = t.factories;
    const institutionId = (await f.institution()).id;
    const foreignId = (await f.institution()).id;
    ids.programme = (await f.programme(institutionId)).id;
    ids.otherProgramme = (await f.programme(institutionId)).id;
    const person = async (who: Who, roles: Role[], programmeId: string | null = ids.programme, inst = institutionId) =>
      (await f.person({ institutionId: inst, programmeId, roles, email: `${who}@test.example`, password: PASSWORD })).id;
    await person('coachee', ['coachee']);
    ids.coach = await person('studentcoach', ['studentcoach']);
    await person('seniorcoach', ['seniorcoach', 'studentcoach']);
    await person('coordinator', ['coordinator']);
    await person('otherCoordinator', ['coordinator'], ids.otherProgramme);
    await person('leercoach', ['leercoach']);
    await person('onderzoeker', ['onderzoeker']);
    await person('finance', ['finance'], null);
    await person('opleidingsmanagement', ['opleidingsmanagement']);
    ids.beheerder = await person('beheerder', ['beheerder']);
    await person('foreignBeheerder', ['beheerder'], null, foreignId);
    ids.staff = (await f.person({ institutionId, email: 'new-staff@test.example' })).id;
    for (const who of WHO) as[who] = await signedIn(app, `${who}@test.example`, PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  type Call = { method: 'GET' | 'POST' | 'PUT'; url: () => string; body?: unknown; allowed: Who[]; what: string };
  const role = (person: () => string, r: string, scope: () => string, suffix = '') => () => `/api/people/${person()}/roles/${r}/scopes/${scope()}${suffix}`;
  const staff = () => ids.staff;
  const coach = () => ids.coach;
  const prog = () => ids.programme;
  const other = () => ids.otherProgramme;
  const inst = () => 'institution';
  const managers: Who[] = ['coordinator', 'beheerder'];

  const calls: Call[] = [
    // The directory is always one's own institution's: another institution's beheerder searches theirs.
    { method: 'GET', url: () => '/api/people?q=a', allowed: ['coordinator', 'otherCoordinator', 'beheerder', 'foreignBeheerder'], what: 'search people' },
    { method: 'GET', url: () => `/api/people/${ids.staff}`, allowed: ['coordinator', 'otherCoordinator', 'beheerder'], what: 'read a staff member' },
    { method: 'GET', url: () => `/api/people/${ids.coach}`, allowed: managers, what: "read a student of the coordinator's programme" },
    { method: 'GET', url: role(staff, 'leercoach', prog, '/choices'), allowed: managers, what: 'classes to link a leercoach to' },
    { method: 'GET', url: role(coach, 'seniorcoach', other, '/choices'), allowed: ['otherCoordinator', 'beheerder'], what: 'coaches of another programme' },
    { method: 'POST', url: role(staff, 'leercoach', prog), body: {}, allowed: managers, what: 'grant leercoach in the programme' },
    { method: 'PUT', url: role(staff, 'leercoach', prog), body: { classIds: [] }, allowed: managers, what: "set a leercoach's classes" },
    { method: 'POST', url: role(coach, 'seniorcoach', prog), body: {}, allowed: managers, what: 'promote a coach to senior coach' },
    { method: 'PUT', url: role(coach, 'seniorcoach', prog), body: { supervisedIds: [] }, allowed: managers, what: "set a senior coach's group" },
    { method: 'POST', url: role(staff, 'studentcoach', other), body: {}, allowed: ['otherCoordinator', 'beheerder'], what: 'grant studentcoach in another programme' },
    { method: 'POST', url: role(staff, 'coordinator', prog), body: {}, allowed: ['beheerder'], what: 'grant coordinator (escalation for a coordinator)' },
    { method: 'POST', url: role(staff, 'coordinator', inst), body: {}, allowed: ['beheerder'], what: 'grant coordinator institution-wide' },
    { method: 'POST', url: role(staff, 'finance', inst), body: {}, allowed: ['beheerder'], what: 'grant finance' },
    { method: 'POST', url: role(staff, 'onderzoeker', inst), body: {}, allowed: ['beheerder'], what: 'grant onderzoeker' },
    { method: 'POST', url: role(staff, 'opleidingsmanagement', prog), body: {}, allowed: ['beheerder'], what: 'grant opleidingsmanagement' },
    { method: 'POST', url: role(staff, 'beheerder', inst), body: {}, allowed: ['beheerder'], what: 'grant beheerder' },
    { method: 'POST', url: role(staff, 'leercoach', inst), body: {}, allowed: [], what: 'grant leercoach without a programme (no such scope)' },
    { method: 'POST', url: role(staff, 'coachee', prog), body: {}, allowed: [], what: 'grant coachee (the import does)' },
    { method: 'POST', url: role(() => ids.beheerder, 'finance', inst), body: {}, allowed: [], what: 'grant finance to the beheerder (only to themselves possible: refused)' },
    { method: 'POST', url: role(staff, 'seniorcoach', prog, '/revoke'), body: { reason: 'test' }, allowed: managers, what: 'revoke seniorcoach in the programme' },
    { method: 'POST', url: role(staff, 'finance', inst, '/revoke'), body: { reason: 'test' }, allowed: ['beheerder'], what: 'revoke finance' },
    { method: 'POST', url: () => `/api/people/${ids.staff}/deactivate`, body: { reason: 'test' }, allowed: ['beheerder'], what: 'deactivate an account' },
    { method: 'POST', url: () => `/api/people/${ids.staff}/reactivate`, body: { reason: 'test' }, allowed: ['beheerder'], what: 'reactivate an account' },
    { method: 'POST', url: () => '/api/people', body: { firstName: 'N', lastName: 'N', email: 'n@test.example', locale: 'nl' }, allowed: ['beheerder', 'foreignBeheerder'], what: 'create a staff member (in their own institution)' },
    { method: 'GET', url: () => '/api/me/roles', allowed: [...WHO], what: 'my roles' },
    { method: 'GET', url: () => '/api/me/sign-in-sessions', allowed: [...WHO], what: 'my sign-in sessions' },
  ];

  it.each(calls)('$method $what: allowed for exactly $allowed', async (call) => {
    const missing = (await as.beheerder.request('GET', `/api/people/${MISSING}`)).json<{ error: unknown }>().error;
    // Denied rows first, so an allowed call's effect cannot hide a later denial.
    const order = [...WHO].sort((a, b) => Number(call.allowed.includes(a)) - Number(call.allowed.includes(b)));
    for (const who of order) {
      const response = await as[who].request(call.method, call.url(), call.body);
      if (call.allowed.includes(who)) {
        expect(response.statusCode, `${who}: ${response.body}`).not.toBe(404);
        expect([200, 201, 409], `${who}: ${response.body}`).toContain(response.statusCode);
      } else {
        expect(response.statusCode, who).toBe(404);
        expect(response.json<{ error: unknown }>().error, who).toEqual(missing);
      }
    }
  });

  it("keeps what another institution's beheerder finds and creates inside their own institution", async () => {
    const found = (await as.foreignBeheerder.request('GET', '/api/people?q=test.example')).json<{ people: { email: string }[] }>();
    expect(found.people.map((p) => p.email)).toEqual(['foreignBeheerder@test.example']);
  });
});
