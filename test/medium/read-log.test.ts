/**
 * The read log as the coachee sees it (issue 14): every read by someone else is kept in the audit
 * table, but "who looked at my data" shows one line per reader, object and hour with a count; a
 * map view is one read. And opening "my map" writes nothing: only a coachee has a map, and its
 * row is made on the first save.
 */
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReadsResponse } from '../../src/contracts/consent';
import type { MyResilienceMapResponse, ResilienceMapResponse } from '../../src/contracts/resilience';
import { emptyMap } from '../../src/domain/resilience/model';
import { auditLog, resilienceMaps } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'een lang wachtwoord';

describe(`the read log on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let hash: string;
  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    hash = await hashPassword(PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  type World = Awaited<ReturnType<typeof world>>;
  let w: World;
  async function world() {
    const f = t.factories;
    const inst = await f.institution();
    const prog = await f.programme(inst.id);
    const intake = await f.intake(prog.id);
    const person = (roles: Parameters<typeof f.person>[0]['roles'], firstName: string) =>
      f.person({ institutionId: inst.id, programmeId: prog.id, roles, passwordHash: hash, firstName, lastName: 'Test' });
    const coach = await person(['studentcoach'], 'Coach');
    const zoe = await person(['coachee'], 'Zoë');
    const daan = await person(['coachee'], 'Daan');
    const researcher = await person(['onderzoeker'], 'Onderzoeker');
    const beheerder = await person(['beheerder'], 'Beheerder');
    const community = await f.community({ intakeId: intake.id, coachId: coach.id, memberIds: [zoe.id, daan.id] });
    // Zoë shares her check-ins with her coach; both say yes to their coaching data.
    for (const id of [zoe.id, daan.id]) await f.consent({ institutionId: inst.id, personId: id, consentId: 'coaching-data', consents: t.services.content.consents });
    await f.consent({ institutionId: inst.id, personId: zoe.id, consentId: 'share-checkins-with-coach', consents: t.services.content.consents });
    const as = (p: { email: string }) => signedIn(app, p.email, PASSWORD);
    return { coach, zoe, daan, researcher, beheerder, community, as };
  }

  beforeEach(async () => {
    await t.reset();
    w = await world();
  });

  const mapRows = async () => (await t.services.db.select({ n: count() }).from(resilienceMaps))[0]!.n;
  const reads = async (client: Client) => {
    const response = await client.request('GET', '/api/me/reads');
    expect(response.statusCode).toBe(200);
    return response.json<ReadsResponse>().reads;
  };
  /** Puts the audit rows of `subjectId` at the given times (oldest row first), so the hour buckets do not depend on the clock. */
  const placeReads = async (subjectId: string, times: string[]) => {
    const rows = await t.services.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(auditLog.at);
    expect(rows).toHaveLength(times.length);
    for (const [i, row] of rows.entries()) await t.services.db.update(auditLog).set({ at: new Date(times[i]!) }).where(eq(auditLog.id, row.id));
  };

  async function sessionWithCheckin() {
    const coach = await w.as(w.coach);
    const zoe = await w.as(w.zoe);
    const created = await coach.request('POST', `/api/communities/${w.community.id}/sessions`, { type: 'community', date: '2026-10-05', startTime: '11:30', durationMinutes: 90 });
    expect(created.statusCode).toBe(201);
    const sessionId = created.json<{ id: string }>().id;
    expect((await zoe.request('PUT', `/api/sessions/${sessionId}/checkin`, { score: 6 })).statusCode).toBe(200);
    return { coach, zoe, sessionId };
  }

  it('shows a coach who opens a session page three times in one hour as one line with a count of 3, and keeps all three reads', async () => {
    const { coach, zoe, sessionId } = await sessionWithCheckin();
    for (let i = 0; i < 3; i++) expect((await coach.request('GET', `/api/sessions/${sessionId}`)).statusCode).toBe(200);
    await placeReads(w.zoe.id, ['2026-10-05T10:05:00Z', '2026-10-05T10:20:00Z', '2026-10-05T10:40:00Z']);

    expect(await t.services.db.select().from(auditLog).where(eq(auditLog.subjectId, w.zoe.id))).toHaveLength(3);
    expect(await reads(zoe)).toEqual([{ at: '2026-10-05T10:40:00.000Z', resourceType: 'checkin', reader: { firstName: 'Coach', lastName: 'Test' }, count: 3 }]);
  });

  it('still shows reads by an account that no longer exists (its reader is gone, the read is not)', async () => {
    const { coach, zoe, sessionId } = await sessionWithCheckin();
    expect((await coach.request('GET', `/api/sessions/${sessionId}`)).statusCode).toBe(200);
    await placeReads(w.zoe.id, ['2026-10-05T10:05:00Z']);
    // What the audit log's foreign key does when the reader's account is deleted (on delete set null).
    await t.services.db.update(auditLog).set({ actorId: null }).where(eq(auditLog.subjectId, w.zoe.id));

    expect(await reads(zoe)).toEqual([{ at: '2026-10-05T10:05:00.000Z', resourceType: 'checkin', reader: null, count: 1 }]);
  });

  it('shows reads in two different hours as two lines, newest first', async () => {
    const { coach, zoe, sessionId } = await sessionWithCheckin();
    for (let i = 0; i < 3; i++) expect((await coach.request('GET', `/api/sessions/${sessionId}`)).statusCode).toBe(200);
    await placeReads(w.zoe.id, ['2026-10-05T09:50:00Z', '2026-10-05T10:05:00Z', '2026-10-05T10:10:00Z']);

    expect((await reads(zoe)).map((r) => [r.at, r.count])).toEqual([
      ['2026-10-05T10:10:00.000Z', 2],
      ['2026-10-05T09:50:00.000Z', 1],
    ]);
  });

  it("records a coach's map view as one read, shown as one line on the map and in the read log", async () => {
    const map = await t.factories.resilienceMap(w.zoe.id, { shares: [{ personId: w.coach.id, mode: 'view' }], snapshots: [{ takenOn: '2026-09-01', content: emptyMap() }] });
    const coach = await w.as(w.coach);
    const seen = await coach.request('GET', `/api/resilience/maps/${map.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<ResilienceMapResponse>().snapshots).toHaveLength(1);

    expect(await t.services.db.select().from(auditLog).where(eq(auditLog.subjectId, w.zoe.id))).toHaveLength(1);
    const zoe = await w.as(w.zoe);
    expect((await reads(zoe)).map((r) => [r.resourceType, r.count])).toEqual([['resilienceMap', 1]]);
    const mine = (await zoe.request('GET', '/api/resilience/my-map')).json<MyResilienceMapResponse>();
    expect(mine.reads?.map((r) => [r.firstName, r.what, r.count])).toEqual([['Coach', 'map', 1]]);
  });

  it('opens "my map" without writing: a researcher and a beheerder get 404, a coachee gets a new map that is stored on the first save', async () => {
    for (const who of [w.researcher, w.beheerder, w.coach]) {
      const client = await w.as(who);
      expect((await client.request('GET', '/api/resilience/my-map')).statusCode).toBe(404);
      expect((await client.request('PUT', '/api/resilience/my-map', { content: emptyMap(), version: 1 })).statusCode).toBe(404);
    }
    expect(await mapRows()).toBe(0);

    const zoe = await w.as(w.zoe);
    const fresh = await zoe.request('GET', '/api/resilience/my-map');
    expect(fresh.statusCode).toBe(200);
    const map = fresh.json<MyResilienceMapResponse>();
    expect(map).toMatchObject({ id: null, content: emptyMap(), access: 'owner', snapshots: [], shares: [], reads: [] });
    expect(map.linkable.map((p) => p.role).sort()).toEqual(['coach', 'fellow']);
    expect((await zoe.request('GET', '/api/resilience/my-map')).statusCode).toBe(200);
    expect(await mapRows()).toBe(0);

    const content = { ...emptyMap(), goals: 'Jongerenwerker worden' };
    const saved = await zoe.request('PUT', '/api/resilience/my-map', { content, version: map.version });
    expect(saved.statusCode).toBe(200);
    expect(await mapRows()).toBe(1);
    const stored = (await zoe.request('GET', '/api/resilience/my-map')).json<MyResilienceMapResponse>();
    expect(stored.id).toEqual(saved.json<{ id: string }>().id);
    expect(stored.content.goals).toBe('Jongerenwerker worden');
    // A second first save, from another tab with the old version, is refused and changes nothing.
    const stale = await zoe.request('PUT', '/api/resilience/my-map', { content: emptyMap(), version: map.version });
    expect(stale.statusCode).toBe(409);
    expect((await zoe.request('GET', '/api/resilience/my-map')).json<MyResilienceMapResponse>().content.goals).toBe('Jongerenwerker worden');
  });
});
