/**
 * The access caches (src/server/db/access-cache.ts) never answer with what the database no longer
 * says: a change through the app is seen by the very next request, a change from another instance
 * within moments, and while the listening connection is down nothing is cached. The test that
 * switches the triggers off shows the caches are really in use, so the others are not vacuous.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accessChangesOf } from '../../src/server/db/access-cache';
import { openDatabase } from '../../src/server/db/client';
import { authSessions, communityMembers, people } from '../../src/server/db/schema';
import { identityRepository } from '../../src/server/modules/identity/repository';
import { factories } from '../../src/server/testing/factories';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery';

describe(`access caches on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let ids: { institution: string; coachee: string; session: string };
  let coachee: Client;

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
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    const intake = await f.intake(prog.id);
    const coach = await f.person({ institutionId: inst.id, programmeId: prog.id, roles: ['studentcoach'], email: 'coach@test.example', password: PASSWORD });
    const member = await f.person({ institutionId: inst.id, programmeId: prog.id, roles: ['coachee'], email: 'coachee@test.example', password: PASSWORD, firstName: 'Ada' });
    const community = await f.community({ intakeId: intake.id, coachId: coach.id, memberIds: [member.id] });
    const startsAt = new Date(Date.now() + 3_600_000);
    const session = await f.session({ institutionId: inst.id, programmeId: prog.id, type: 'community', communityId: community.id, organiserId: coach.id, startsAt, endsAt: new Date(startsAt.getTime() + 5_400_000) });
    ids = { institution: inst.id, coachee: member.id, session: session.id };
    coachee = await signedIn(app, 'coachee@test.example', PASSWORD);
  });

  const rsvp = () => coachee.request('PUT', `/api/sessions/${ids.session}/rsvp`, { response: 'coming', reason: '' });
  const myName = async () => (await coachee.request('GET', '/api/auth/session')).json<{ person: { firstName: string } | null }>().person?.firstName;

  it('is live from the start on this database', () => {
    expect(accessChangesOf(t.database.db)?.live).toBe(true);
  });

  it('serves repeated requests from the cache: with the triggers off, a change goes unseen', async () => {
    expect(await myName()).toBe('Ada');
    await t.database.db.execute(sql`alter table people disable trigger people_access_changed`);
    try {
      await t.database.db.update(people).set({ firstName: 'Renamed' }).where(eq(people.id, ids.coachee));
      expect(await myName()).toBe('Ada');
    } finally {
      await t.database.db.execute(sql`alter table people enable trigger people_access_changed`);
    }
    // Any change to a watched table drops the caches: now the new name shows.
    await t.database.db.update(people).set({ locale: 'nl' }).where(eq(people.id, ids.coachee));
    expect(await myName()).toBe('Renamed');
  });

  it('sees a change written through this instance on the very next request', async () => {
    expect((await rsvp()).statusCode).toBe(200);
    expect((await rsvp()).statusCode).toBe(200);
    // The coordinator takes the coachee out of the community: the session is no longer theirs.
    await t.database.db
      .update(communityMembers)
      .set({ leftOn: new Date('2026-01-01T00:00:00Z') })
      .where(eq(communityMembers.personId, ids.coachee));
    expect((await rsvp()).statusCode).toBe(404);
    // A sign-out elsewhere (a password reset ends every session): the cookie stops working at once.
    await t.database.db.delete(authSessions).where(eq(authSessions.personId, ids.coachee));
    expect((await rsvp()).statusCode).toBe(401);
  });

  it('lets a session end on time even while it is cached', async () => {
    expect((await coachee.request('GET', '/api/home')).statusCode).toBe(200);
    t.setNow(new Date(Date.now() + 400 * 86_400_000));
    expect((await coachee.request('GET', '/api/home')).statusCode).toBe(401);
  });
});

/**
 * Two instances on one PostgreSQL database (in both medium tiers, like db-client.test.ts: PGlite
 * has only one instance by design).
 */
describe('access caches across instances on PostgreSQL', () => {
  const adminUrl = process.env.PEERKRACHT_TEST_PG_URL;
  const name = `pk_cache_${randomBytes(6).toString('hex')}`;
  let admin: pg.Client;
  let url: string;

  beforeAll(async () => {
    if (!adminUrl) throw new Error('PEERKRACHT_TEST_PG_URL is not set: run the tests through `npm test`, which starts PostgreSQL');
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('hears a sign-out made by another instance, and bypasses the cache while it cannot hear', async () => {
    const one = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    const two = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    try {
      const f = factories(one.db);
      const inst = await f.institution();
      const person = await f.person({ institutionId: inst.id, roles: ['coachee'] });
      await identityRepository(one.db).createSession({ tokenHash: 'digest-1', personId: person.id, csrfToken: 'csrf', expiresAt: new Date(Date.now() + 3_600_000) });
      const find = () => identityRepository(one.db).findSignedIn('digest-1', new Date());
      expect((await find())?.person.id).toBe(person.id);
      expect((await find())?.person.id).toBe(person.id);

      // A password reset handled by the other instance ends the session here too.
      await identityRepository(two.db).deleteSessionsOf(person.id);
      await expect.poll(async () => (await find())?.person.id ?? 'signed out', { timeout: 5000, interval: 20 }).toBe('signed out');

      // The listening connections are cut: the caches are bypassed until one is back.
      const changes = accessChangesOf(one.db)!;
      expect(changes.live).toBe(true);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      await expect.poll(() => changes.live, { timeout: 5000, interval: 10 }).toBe(false);
      await expect.poll(() => changes.live, { timeout: 10_000, interval: 50 }).toBe(true);
      await identityRepository(one.db).createSession({ tokenHash: 'digest-2', personId: person.id, csrfToken: 'csrf', expiresAt: new Date(Date.now() + 3_600_000) });
      expect((await identityRepository(one.db).findSignedIn('digest-2', new Date()))?.person.id).toBe(person.id);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
