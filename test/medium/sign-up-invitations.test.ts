/**
 * The opt-in sign-up's closing date, invitation and reminder (#21 item 1), through the real app:
 * signing up closes at the end of the closing day (Amsterdam) or when communities are formed; a
 * closing day outside the intake's year is a translated field error and nothing is stored.
 */
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readIntakeSettings, type IntakeSettings } from '../../src/domain/programme/intake-settings';
import { intakes, participationSignUps } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
/** Friday 4 December 2026, 11:00 in Amsterdam. */
const NOW = new Date('2026-12-04T10:00:00Z');

describe(`the opt-in sign-up's closing date on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  let intakeId = '';
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
    const intake = await f.intake(prog.id);
    intakeId = intake.id;
    const klass = await f.class(intake.id, { code: 'SW1A' });
    await f.person({ institutionId: inst.id, roles: ['coordinator'], programmeId: prog.id, email: 'coord@p.test', passwordHash });
    students = [];
    for (let i = 0; i < 3; i++) {
      const s = await f.person({ institutionId: inst.id, roles: ['coachee'], programmeId: prog.id, email: `s${i}@p.test`, passwordHash, locale: i === 2 ? 'en' : 'nl' });
      await f.enrol(klass.id, s.id);
      students.push(s.id);
    }
    for (const [k, e] of Object.entries({ coordinator: 'coord@p.test', s0: 's0@p.test', s1: 's1@p.test', s2: 's2@p.test' })) as[k] = await signedIn(app, e, PASSWORD);
    t.setNow(NOW);
  });

  const settingsOf = async (): Promise<IntakeSettings> => {
    const [row] = await t.services.db.select().from(intakes).where(eq(intakes.id, intakeId));
    return readIntakeSettings(row!.settings, row!.month).settings;
  };
  const save = async (change: Partial<IntakeSettings>) => as.coordinator!.request('PUT', `/api/intakes/${intakeId}/settings`, { settings: { ...(await settingsOf()), ...change } });

  it('stores the closing day and shows the coordinator the days left', async () => {
    expect((await save({ participation: 'optIn', signUp: { closesOn: '2026-12-18' } })).statusCode).toBe(200);
    expect((await settingsOf()).signUp).toEqual({ closesOn: '2026-12-18' });
    expect((await as.coordinator!.request('GET', `/api/intakes/${intakeId}/participation`)).json()).toMatchObject({ mode: 'optIn', closesOn: '2026-12-18', open: true, daysLeft: 14 });
    expect((await as.s0!.request('GET', '/api/participation/sign-ups')).json().signUps).toEqual([expect.objectContaining({ intakeId, open: true, closesOn: '2026-12-18' })]);
  });

  it('refuses a closing day outside the intake year with a translated field error, and stores nothing', async () => {
    const before = await settingsOf();
    const res = await save({ participation: 'optIn', signUp: { closesOn: '2027-09-15' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'settings.signUp.closesOn', message: 'Deze dag valt buiten het studiejaar van deze instroom. Kies een dag in dat jaar.' }]);
    expect(await settingsOf()).toEqual(before);
    const en = await as.coordinator!.request('PUT', `/api/intakes/${intakeId}/settings`, { settings: { ...before, participation: 'optIn', signUp: { closesOn: '2026-08-31' } } }, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields[0].message).toBe("This day falls outside this intake's academic year. Choose a day in that year.");
  });

  it('is open through the whole closing day in Amsterdam and closed after it: 409, nothing stored', async () => {
    expect((await save({ participation: 'optIn', signUp: { closesOn: '2026-12-18' } })).statusCode).toBe(200);
    // 23:30 on the closing day in Amsterdam (22:30 UTC): still open.
    t.setNow(new Date('2026-12-18T22:30:00Z'));
    expect((await as.s0!.request('PUT', `/api/participation/sign-ups/${intakeId}`)).statusCode).toBe(200);
    expect((await as.coordinator!.request('GET', `/api/intakes/${intakeId}/participation`)).json()).toMatchObject({ daysLeft: 0, open: true });
    // 00:30 the next day in Amsterdam (still the 18th in UTC): closed.
    t.setNow(new Date('2026-12-18T23:30:00Z'));
    const late = await as.s1!.request('PUT', `/api/participation/sign-ups/${intakeId}`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('Aanmelden of afmelden kan niet meer: de aanmelding is gesloten. Praat erover met de coördinator.');
    expect((await as.s0!.request('DELETE', `/api/participation/sign-ups/${intakeId}`)).statusCode).toBe(409);
    expect((await t.services.db.select().from(participationSignUps)).map((r) => r.personId)).toEqual([students[0]]);
    expect((await as.coordinator!.request('GET', `/api/intakes/${intakeId}/participation`)).json()).toMatchObject({ open: false, daysLeft: null, signedUp: 1 });
    expect((await as.s1!.request('GET', '/api/home')).json().signUps).toEqual({ open: 0, waiting: 0 });
  });

  it('a closing day already past closes signing up at once', async () => {
    expect((await save({ participation: 'optIn', signUp: { closesOn: '2026-12-01' } })).statusCode).toBe(200);
    expect((await as.s0!.request('PUT', `/api/participation/sign-ups/${intakeId}`)).statusCode).toBe(409);
    expect(await t.services.db.select().from(participationSignUps)).toHaveLength(0);
  });
});
