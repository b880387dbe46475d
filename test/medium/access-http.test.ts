/**
 * The access policy through HTTP, on the demo programme: who may open which community and the
 * outbox. Forbidden and missing answer the same 404.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakes, people, programmes } from '../../src/server/db/schema';
import { DEMO_PASSWORD, loadDemoIfEmpty } from '../../src/server/demo/load-demo';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const DOMAIN = 'hogeschool-zuidas.example';

describe(`access through HTTP on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  let communities: { id: string; name: string; relation: string }[] = [];

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    await t.reset();
    await loadDemoIfEmpty(t.services);
    for (const role of ['coordinator', 'studentcoach', 'seniorcoach', 'coachee', 'leercoach', 'onderzoeker', 'beheerder']) {
      as[role] = await signedIn(app, `${role}@${DOMAIN}`, DEMO_PASSWORD);
    }
    communities = (await as.coordinator!.request('GET', '/api/home')).json().communities;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const status = async (role: string, url: string) => (await as[role]!.request('GET', url)).statusCode;

  it('shows the Social Work coordinator all and only the Social Work communities', () => {
    // 'SW 2025': last year's community, whose demo coach now writes their end-of-year report about it.
    expect(communities.map((c) => c.name).sort()).toEqual(['SW 1', 'SW 2', 'SW 2025', 'SW 3', 'SW 4', 'SW 5', 'SW februari']);
  });

  it('lets a coach, their senior coach and a member open their community, and nobody else', async () => {
    const sw1 = communities.find((c) => c.name === 'SW 1')!;
    const sw2 = communities.find((c) => c.name === 'SW 2')!;
    expect(await status('studentcoach', `/api/communities/${sw1.id}`)).toBe(200);
    expect(await status('seniorcoach', `/api/communities/${sw1.id}`)).toBe(200);
    expect(await status('coachee', `/api/communities/${sw1.id}`)).toBe(200);
    expect(await status('coachee', `/api/communities/${sw2.id}`)).toBe(404);
    expect(await status('studentcoach', `/api/communities/${sw2.id}`)).toBe(404);
    expect(await status('leercoach', `/api/communities/${sw1.id}`)).toBe(404);
    expect(await status('onderzoeker', `/api/communities/${sw1.id}`)).toBe(404);
    expect(await status('beheerder', `/api/communities/${sw1.id}`)).toBe(404);
  });

  it('answers a forbidden and a missing community identically', async () => {
    const sw2 = communities.find((c) => c.name === 'SW 2')!;
    const forbidden = await as.coachee!.request('GET', `/api/communities/${sw2.id}`);
    const missing = await as.coachee!.request('GET', '/api/communities/00000000-0000-4000-8000-000000000000');
    expect(forbidden.statusCode).toBe(missing.statusCode);
    expect(forbidden.json().error).toEqual(missing.json().error);
  });

  it('shows fellow coachees first names only', async () => {
    const sw1 = communities.find((c) => c.name === 'SW 1')!;
    const asMember = (await as.coachee!.request('GET', `/api/communities/${sw1.id}`)).json();
    expect(asMember.members.every((m: { lastName?: string }) => m.lastName === undefined)).toBe(true);
    const asCoach = (await as.studentcoach!.request('GET', `/api/communities/${sw1.id}`)).json();
    expect(asCoach.members.every((m: { lastName?: string }) => typeof m.lastName === 'string')).toBe(true);
  });

  it('lets only the beheerder read the outbox', async () => {
    expect(await status('beheerder', '/api/admin/outbox')).toBe(200);
    for (const role of ['coordinator', 'studentcoach', 'seniorcoach', 'coachee', 'leercoach', 'onderzoeker']) {
      expect(await status(role, '/api/admin/outbox'), role).toBe(404);
    }
  });

  it('requires sign-in for everything but the public routes', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/home' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/admin/outbox' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('gives the leercoach their classes and no community or coaching content', async () => {
    const home = (await as.leercoach!.request('GET', '/api/home')).json();
    expect(home.classes.map((c: { code: string }) => c.code)).toEqual(['SW1A']);
    expect(home.communities).toEqual([]);
  });

  it("shows an intake's invitations to its coordinator only, and a person's to the coordinator and the beheerder", async () => {
    const [sept] = await t.services.db
      .select({ id: intakes.id })
      .from(intakes)
      .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
      .where(and(eq(programmes.nameNl, 'Social Work'), eq(intakes.month, 'september')))
      // This year's: the demo also holds last year's intake (for the coach's end-of-year report).
      .orderBy(desc(intakes.academicYear))
      .limit(1);
    const url = `/api/intakes/${sept!.id}/invitations`;
    const list = await as.coordinator!.request('GET', url);
    expect(list.statusCode).toBe(200);
    // The demo's mix: most activated, some reminded, some waiting, one bounced.
    const counts = list.json<{ counts: Record<string, number> }>().counts;
    expect(counts).toMatchObject({ reminded: 3, invited: 2, bounced: 1, notInvited: 0 });
    expect(counts.activated).toBeGreaterThan(20);
    for (const role of ['studentcoach', 'seniorcoach', 'coachee', 'leercoach', 'onderzoeker', 'beheerder']) {
      expect(await status(role, url), role).toBe(404);
      expect((await as[role]!.request('POST', url, { when: 'now' })).statusCode, role).toBe(404);
    }
    const [coachee] = await t.services.db.select({ id: people.id }).from(people).where(eq(people.email, `coachee@${DOMAIN}`));
    for (const role of ['coordinator', 'beheerder']) expect(await status(role, `/api/people/${coachee!.id}/invitation`), role).toBe(200);
    for (const role of ['studentcoach', 'seniorcoach', 'leercoach', 'onderzoeker', 'coachee']) {
      expect(await status(role, `/api/people/${coachee!.id}/invitation`), role).toBe(404);
      expect((await as[role]!.request('POST', `/api/people/${coachee!.id}/invitation`)).statusCode, role).toBe(404);
    }
  });
});
