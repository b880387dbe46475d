/**
 * Issue 21 item 8: content for one programme only, next to the institution's. The help directory
 * (sociale kaart) and the activity library hold entries for one programme; its people see them
 * next to the institution-wide ones, never another programme's; the beheerder keeps the
 * institution-wide help entries, a coordinator their own programme's; the referral form only
 * refers to an entry the coachee can find themselves.
 */
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customActivities, helpResources } from '../../src/server/db/schema';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';
import { PASSWORD, supportFixture, type SupportFixture } from './support-fixture';
import { hashPassword } from '../../src/server/modules/identity/secrets';

const entry = {
  kind: 'inside',
  category: 'study-progress',
  name: { nl: 'Studieloopbaanspreekuur Verpleegkunde', en: 'Study career hour Nursing' },
  whenToGo: { nl: 'Als je twijfelt over je stage.', en: 'When you have doubts about your placement.' },
  howToReach: { nl: 'Elke woensdag in lokaal B2.', en: 'Every Wednesday in room B2.' },
  url: null,
  phone: null,
  email: null,
};

const activity = (title: string, programmeId?: string | null) => ({
  title,
  goal: 'Elkaar leren kennen',
  theme: 'kennismaken',
  phases: ['start'],
  durationMinutes: 20,
  groupSize: { min: 4, max: 10 },
  steps: ['Twee rijen', 'Wissel elke 2 minuten'],
  shared: true,
  ...(programmeId === undefined ? {} : { programmeId }),
});

type Named = { id: string; name: { nl: string }; programme: { id: string; name: { nl: string } } | null; canEdit: boolean };
const today = () => new Date().toISOString().slice(0, 10);

describe(`programme-only content on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let fx: SupportFixture;
  /** A coach and a coachee of the other programme of the same institution. */
  let elsewhere: { coach: Client; coachee: Client };

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  beforeEach(async () => {
    await t.reset();
    fx = await supportFixture(t, app, ['coach', 'otherCoach', 'coachee', 'coordinator', 'otherCoordinator', 'leercoach', 'beheerder']);
    const passwordHash = await hashPassword(PASSWORD);
    const stamp = Date.now().toString(36);
    const mk = (role: 'studentcoach' | 'coachee', name: string) =>
      t.factories.person({ institutionId: fx.institution.id, programmeId: fx.otherProgramme.id, roles: [role], firstName: name, lastName: 'Elders', email: `${name.toLowerCase()}.${stamp}@example.test`, passwordHash });
    const [coach, coachee] = [await mk('studentcoach', 'Eldercoach'), await mk('coachee', 'Elderstudent')];
    elsewhere = { coach: await signedIn(app, coach.email, PASSWORD), coachee: await signedIn(app, coachee.email, PASSWORD) };
  });

  const helpOf = async (who: Client) => (await who.request('GET', '/api/help')).json<{ resources: Named[]; canManage: boolean; scopes: { programmeId: string | null }[] }>();
  const helpRows = async () => (await t.services.db.select({ n: count() }).from(helpResources))[0]!.n;

  describe('help directory', () => {
    it("shows a programme's own entry to its people only, next to the institution's, with its badge", async () => {
      const created = await fx.as.coordinator.request('POST', '/api/help', { ...entry, programmeId: fx.programme.id });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ programme: { id: fx.programme.id }, canEdit: true });
      const id = created.json().id as string;
      const seeded = t.services.content.helpDirectory.entries.length;
      for (const who of [fx.as.coachee, fx.as.coach, fx.as.leercoach, fx.as.coordinator, fx.as.beheerder]) {
        const help = await helpOf(who);
        expect(help.resources.map((r) => r.id)).toContain(id);
        expect(help.resources).toHaveLength(seeded + 1);
        expect(help.resources.find((r) => r.id === id)!.programme!.name.nl).not.toBe('');
      }
      for (const who of [elsewhere.coachee, elsewhere.coach, fx.as.otherCoordinator]) {
        const help = await helpOf(who);
        expect(help.resources.map((r) => r.id)).not.toContain(id);
        expect(help.resources).toHaveLength(seeded);
        expect(JSON.stringify(help)).not.toContain('Verpleegkunde');
      }
    });

    it('lets the beheerder keep the institution-wide entries and a coordinator only their own programme’s', async () => {
      const coordinator = await helpOf(fx.as.coordinator);
      expect(coordinator.scopes).toEqual([{ programmeId: fx.programme.id, name: expect.any(Object) }]);
      expect(coordinator.resources.every((r) => r.programme !== null || !r.canEdit)).toBe(true);
      const beheerder = await helpOf(fx.as.beheerder);
      expect(beheerder.scopes[0]).toEqual({ programmeId: null, name: null });
      expect((await helpOf(fx.as.coachee)).canManage).toBe(false);

      const wide = await fx.as.beheerder.request('POST', '/api/help', entry);
      expect(wide.statusCode).toBe(201);
      expect(wide.json().programme).toBeNull();
      const wideId = wide.json().id as string;
      // The programme's coordinator neither edits nor archives an institution-wide entry.
      expect((await fx.as.coordinator.request('PUT', `/api/help/${wideId}`, { ...entry, version: 1 })).statusCode).toBe(404);
      expect((await fx.as.coordinator.request('PUT', `/api/help/${wideId}/archived`, { archived: true })).statusCode).toBe(404);
      expect((await fx.as.beheerder.request('PUT', `/api/help/${wideId}`, { ...entry, name: { nl: 'Anders', en: 'Other' }, version: 1 })).statusCode).toBe(200);

      const own = (await fx.as.coordinator.request('POST', '/api/help', { ...entry, programmeId: fx.programme.id })).json();
      // Another programme's coordinator cannot touch it; its own coordinator edits and archives it.
      expect((await fx.as.otherCoordinator.request('PUT', `/api/help/${own.id}`, { ...entry, version: 1 })).statusCode).toBe(404);
      expect((await fx.as.otherCoordinator.request('PUT', `/api/help/${own.id}/archived`, { archived: true })).statusCode).toBe(404);
      const edited = await fx.as.coordinator.request('PUT', `/api/help/${own.id}`, { ...entry, name: { nl: 'Stagespreekuur', en: 'Placement hour' }, version: 1 });
      expect(edited.json()).toMatchObject({ name: { nl: 'Stagespreekuur' }, programme: { id: fx.programme.id }, version: 2 });
      expect((await fx.as.coordinator.request('PUT', `/api/help/${own.id}/archived`, { archived: true })).json().archived).toBe(true);
      expect((await helpOf(fx.as.coachee)).resources.map((r) => r.id)).not.toContain(own.id);
    });

    it('stores nothing for a programme one does not coordinate, nor institution-wide for a programme coordinator', async () => {
      const before = await helpRows();
      expect((await fx.as.coordinator.request('POST', '/api/help', { ...entry, programmeId: fx.otherProgramme.id })).statusCode).toBe(404);
      expect((await fx.as.coordinator.request('POST', '/api/help', entry)).statusCode).toBe(404);
      expect((await fx.as.coordinator.request('POST', '/api/help', { ...entry, programmeId: crypto.randomUUID() })).statusCode).toBe(404);
      expect((await fx.as.coach.request('POST', '/api/help', { ...entry, programmeId: fx.programme.id })).statusCode).toBe(404);
      const bad = await fx.as.coordinator.request('POST', '/api/help', { ...entry, programmeId: fx.programme.id, name: { nl: '' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['name.en']));
      // Moving one's own entry to another programme: refused, the entry stays where it was.
      const own = (await fx.as.coordinator.request('POST', '/api/help', { ...entry, programmeId: fx.programme.id })).json();
      expect((await fx.as.coordinator.request('PUT', `/api/help/${own.id}`, { ...entry, programmeId: fx.otherProgramme.id, version: 1 })).statusCode).toBe(404);
      expect((await fx.as.coordinator.request('PUT', `/api/help/${own.id}`, { ...entry, programmeId: null, version: 1 })).statusCode).toBe(404);
      const [row] = await t.services.db.select().from(helpResources).where(eq(helpResources.id, own.id));
      expect(row).toMatchObject({ programmeId: fx.programme.id, version: 1 });
      expect(await helpRows()).toBe(before + 1);
    });

    it("refers a coachee only to an entry they can find: the institution's or their own programme's", async () => {
      await t.factories.consent({ institutionId: fx.institution.id, personId: fx.people.coachee.id, consentId: 'coaching-data', consents: t.services.content.consents });
      const [foreign] = await t.services.db
        .insert(helpResources)
        .values({ institutionId: fx.institution.id, programmeId: fx.otherProgramme.id, kind: 'inside', category: 'study-progress', nameNl: 'Elders', nameEn: 'Elsewhere', whenToGoNl: 'x', whenToGoEn: 'x', howToReachNl: 'x', howToReachEn: 'x' })
        .returning();
      const own = (await fx.as.coordinator.request('POST', '/api/help', { ...entry, programmeId: fx.programme.id })).json();
      const refer = (resourceId: string) => fx.as.coach.request('POST', '/api/referrals', { coacheeId: fx.people.coachee.id, resourceId, referredOn: today(), coacheeAgreed: true });
      const refused = await refer(foreign!.id);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['resourceId']);
      expect((await refer(own.id)).statusCode).toBe(201);
    });
  });

  describe('activity library', () => {
    const titles = async (who: Client, query = '') => ((await who.request('GET', `/api/activities${query}`)).json().activities as { title: string; builtIn: boolean }[]).filter((a) => !a.builtIn).map((a) => a.title);

    it("shares a programme's activity with its coaches only; its coordinator keeps it too", async () => {
      const signedInCoordinators = { own: fx.as.coordinator, other: fx.as.otherCoordinator };
      const created = await fx.as.coach.request('POST', '/api/activities', activity('Stagebingo', fx.programme.id));
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      await fx.as.coach.request('POST', '/api/activities', activity('Voor iedereen'));
      for (const who of [fx.as.otherCoach, signedInCoordinators.own]) expect(await titles(who)).toEqual(expect.arrayContaining(['Stagebingo', 'Voor iedereen']));
      for (const who of [elsewhere.coach, signedInCoordinators.other]) {
        expect(await titles(who)).toEqual(['Voor iedereen']);
        expect((await who.request('GET', `/api/activities/${id}`)).statusCode).toBe(404);
      }
      expect(await titles(fx.as.otherCoach, '?scope=programme')).toEqual(['Stagebingo']);
      expect(await titles(fx.as.otherCoach, '?scope=institution')).toEqual(['Voor iedereen']);
      const view = (await fx.as.otherCoach.request('GET', `/api/activities/${id}`)).json();
      expect(view).toMatchObject({ programme: { id: fx.programme.id }, canEdit: false });
      const list = (await fx.as.coach.request('GET', '/api/activities')).json();
      expect(list.programmes).toEqual([{ id: fx.programme.id, name: expect.any(String) }]);
      // The programme's coordinator edits it; another programme's coordinator and coach cannot.
      expect((await fx.as.coordinator.request('PUT', `/api/activities/${id}`, activity('Stagebingo 2'))).statusCode).toBe(200);
      expect((await fx.as.otherCoordinator.request('PUT', `/api/activities/${id}`, activity('Overgenomen'))).statusCode).toBe(404);
      expect((await elsewhere.coach.request('DELETE', `/api/activities/${id}`)).statusCode).toBe(404);
      expect(await titles(fx.as.otherCoach, '?scope=programme')).toEqual(['Stagebingo 2']);
    });

    it('stores nothing for a programme the author does not run sessions in', async () => {
      const rows = async () => (await t.services.db.select({ n: count() }).from(customActivities))[0]!.n;
      expect((await elsewhere.coach.request('POST', '/api/activities', activity('Ingebroken', fx.programme.id))).statusCode).toBe(404);
      expect((await fx.as.coachee.request('POST', '/api/activities', activity('Student', fx.programme.id))).statusCode).toBe(404);
      expect((await fx.as.coach.request('POST', '/api/activities', activity('Onbekend', crypto.randomUUID()))).statusCode).toBe(404);
      expect(await rows()).toBe(0);
      const own = (await fx.as.coach.request('POST', '/api/activities', activity('Eigen', fx.programme.id))).json();
      expect((await fx.as.coach.request('PUT', `/api/activities/${own.id}`, activity('Eigen', fx.otherProgramme.id))).statusCode).toBe(404);
      const [row] = await t.services.db.select().from(customActivities).where(eq(customActivities.id, own.id));
      expect(row).toMatchObject({ programmeId: fx.programme.id, title: 'Eigen' });
      // Moving it to the whole institution is the author's choice.
      expect((await fx.as.coach.request('PUT', `/api/activities/${own.id}`, activity('Eigen', null))).statusCode).toBe(200);
      expect(await titles(elsewhere.coach)).toEqual(['Eigen']);
    });
  });
});
