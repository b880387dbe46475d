/**
 * No API answer may stay in a browser's or proxy's cache: every /api/* response carries
 * `Cache-Control: no-store` unless the route sets its own (then still private).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { anonymous, signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = FIXTURE_PASSWORD;
const SOME_ID = '0b9f6c1e-8d2a-4c55-9a3f-2f1e7b6d4c10';

describe(`Cache-Control on the API on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let coach: Client;
  let coachee: Client;
  let communityId: string;
  let mapId: string;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    const fixture = await coachWithCommunity(t);
    communityId = fixture.communityId;
    mapId = (await t.factories.resilienceMap(fixture.coachee.id)).id;
    coach = await signedIn(app, 'coach@test.example', PASSWORD);
    coachee = await signedIn(app, 'coachee@test.example', PASSWORD);
  });

  it('says no-store on every API route, whatever the answer (401, 403, 404, 400, 200)', async () => {
    const visitor = await anonymous(app);
    const routes = app.routeInventory.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const route of routes) {
      const url = route.url.replaceAll(/:[A-Za-z]+/g, SOME_ID);
      // (The coachee does not sign out here: the rest of the pass would all be 401s.)
      for (const client of route.url === '/api/auth/sign-out' ? [visitor] : [visitor, coachee]) {
        const method = route.method as 'GET' | 'POST' | 'PUT' | 'DELETE';
        const response = await client.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
        if (!/\bno-store\b/.test(String(response.headers['cache-control']))) missing.push(`${route.method} ${route.url} → ${response.statusCode}: ${String(response.headers['cache-control'])}`);
      }
    }
    expect(missing).toEqual([]);
    // Paths no route serves, and a body that cannot be read.
    for (const response of [
      await visitor.request('GET', '/api/no-such-route'),
      await visitor.request('DELETE', '/api/auth/sign-in'),
      await visitor.request('POST', '/api/auth/password-reset', '{"email": '),
      await visitor.request('GET', '/api/calendar/not-a-token.ics'),
    ]) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('says no-store on the sensitive answers a signed-in person gets', async () => {
    const session = await coach.request('POST', `/api/communities/${communityId}/sessions`, { type: 'community', date: '2030-10-08', startTime: '15:30', durationMinutes: 90, location: 'Lokaal 2.14' });
    expect(session.statusCode, session.body).toBe(201);
    const sessionId = session.json<{ id: string }>().id;
    for (const [client, url] of [
      [coachee, `/api/resilience/maps/${mapId}`],
      [coachee, '/api/me/checkins'],
      [coachee, '/api/me/referrals'],
      [coachee, `/api/sessions/${sessionId}`],
      [coach, `/api/sessions/${sessionId}`],
      [coachee, '/api/home'],
      [coachee, '/api/auth/session'],
    ] as const) {
      const response = await client.request('GET', url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    // A route that sets its own keeps it, and it is private: the calendar feed.
    const feed = (await coachee.request('POST', '/api/me/calendar-feed')).json<{ url: string }>();
    const calendar = await app.inject({ method: 'GET', url: new URL(feed.url).pathname });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers['cache-control']).toBe('private, no-store');
  });
});
