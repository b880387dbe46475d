/** The calendar feed is well-formed iCalendar (RFC 5545 §3.1): every line, the last one too, ends in CRLF. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = FIXTURE_PASSWORD;

describe(`calendar feed format on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let coach: Client;
  let coachee: Client;
  let communityId: string;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    ({ communityId } = await coachWithCommunity(t));
    coach = await signedIn(app, 'coach@test.example', PASSWORD);
    coachee = await signedIn(app, 'coachee@test.example', PASSWORD);
  });

  const feedPath = async (client: Client) => new URL((await client.request('POST', '/api/me/calendar-feed')).json<{ url: string }>().url).pathname;
  const feedBody = async (path: string) => {
    const response = await app.inject({ method: 'GET', url: path });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return response.body;
  };

  const expectCrlfLines = (body: string) => {
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // Every line break is CRLF: no bare LF, no bare CR.
    expect(body.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  };

  it('ends every line, the last one included, with CRLF — empty and with sessions', async () => {
    const paths = [await feedPath(coachee), await feedPath(coach)];
    expectCrlfLines(await feedBody(paths[0]!));
    for (const date of ['2030-10-08', '2030-10-15']) {
      const planned = await coach.request('POST', `/api/communities/${communityId}/sessions`, {
        type: 'community',
        date,
        startTime: '15:30',
        durationMinutes: 90,
        // A long location, so the feed folds the line (a fold is CRLF plus a space).
        location: `Lokaal 2.14, ${'tweede verdieping achter de bibliotheek, '.repeat(3)}`,
      });
      expect(planned.statusCode, planned.body).toBe(201);
    }
    t.setNow(new Date('2030-10-01T10:00:00Z'));
    for (const path of paths) {
      const body = await feedBody(path);
      expect(body.match(/BEGIN:VEVENT\r\n/g)).toHaveLength(2);
      expect(body).toMatch(/\r\n [^\r\n]/);
      expectCrlfLines(body);
    }
  });
});
