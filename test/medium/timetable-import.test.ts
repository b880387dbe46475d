/**
 * Importing iCalendar timetables safely (#14): a recurrence rule that never yields a date is
 * refused within a bounded number of steps, in a worker thread, while the server keeps answering;
 * one programme's VTIMEZONE never changes how another programme's file is read; a TZID without a
 * VTIMEZONE is the IANA zone it names, and an unknown one is refused by name.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { timetables } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { createTestApp } from '../support/app';
import { anonymous, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
const PERIOD = { name: 'Periode 1', firstDate: '2026-09-07', lastDate: '2026-11-06' };
const EN = { 'accept-language': 'en' };

let address = 0;
async function signedIn(app: FastifyInstance, email: string): Promise<Client> {
  address++;
  const client = await anonymous(app, { remoteAddress: `10.14.${Math.floor(address / 250)}.${address % 250}` });
  const response = await client.request('POST', '/api/auth/sign-in', { email, password: PASSWORD });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for the test: ${response.statusCode}`);
  client.csrf = response.json<{ csrfToken: string }>().csrfToken;
  return client;
}

/** A weekly class on Mondays 09:00–10:30 through the period (it crosses the end of summer time on 25 October). */
function timetable(options: { tzid: string; vtimezone?: string[]; rrule?: string }): string {
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rooster//NL',
    ...(options.vtimezone ?? []),
    'BEGIN:VEVENT', 'UID:les-1@rooster.example', 'DTSTAMP:20260801T070000Z',
    `DTSTART;TZID=${options.tzid}:20260907T090000`, `DTEND;TZID=${options.tzid}:20260907T103000`,
    options.rrule ?? 'RRULE:FREQ=WEEKLY;UNTIL=20261107T000000Z',
    'SUMMARY:Les', 'LOCATION:AMS 02.14', 'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}
const PLUS_14 = ['BEGIN:VTIMEZONE', 'TZID:Europe/Amsterdam', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+1400', 'TZOFFSETTO:+1400', 'END:STANDARD', 'END:VTIMEZONE'];

describe(`timetable import on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let programmes: { coordinator: Client; period: string; classId: string; ams: string }[];

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  beforeEach(async () => {
    await t.reset();
    t.services.config.timetableUrls = { enabled: false, timeoutMs: 2000, maxBytes: 100_000, allowPrivate: false };
    const f = t.factories;
    const inst = await f.institution();
    const hash = await hashPassword(PASSWORD);
    const setups: { email: string; intakeId: string; classId: string }[] = [];
    for (const n of [1, 2]) {
      const prog = await f.programme(inst.id);
      const intake = await f.intake(prog.id);
      const email = `coordinator${n}@test.example`;
      await f.person({ institutionId: inst.id, programmeId: prog.id, roles: ['coordinator'], email, passwordHash: hash });
      const cls = await f.class(intake.id, { code: `SW${n}A` });
      setups.push({ email, intakeId: intake.id, classId: cls.id });
    }
    programmes = [];
    for (const s of setups) {
      const coordinator = await signedIn(app, s.email);
      const period = (await coordinator.request('POST', `/api/intakes/${s.intakeId}/teaching-periods`, PERIOD)).json<{ id: string }>().id;
      const ams = (await coordinator.request('POST', `/api/intakes/${s.intakeId}/scheduling-locations`, { name: 'Amsterdam', code: 'AMS' })).json<{ id: string }>().id;
      programmes.push({ coordinator, period, classId: s.classId, ams });
    }
  });

  const upload = (n: 0 | 1, text: string, headers: Record<string, string> = {}) => {
    const p = programmes[n]!;
    return p.coordinator.request('POST', `/api/teaching-periods/${p.period}/timetables`, { format: 'ics', fileName: 'rooster.ics', text, target: { classId: p.classId } }, headers);
  };
  const stored = async (n: 0 | 1) => (await t.services.db.select().from(timetables).where(eq(timetables.periodId, programmes[n]!.period))).map((r) => r.blocks);

  it('a rule that never yields a date is refused with 400 naming it (nl and en), the server keeps answering, nothing is stored', async () => {
    const text = timetable({ tzid: 'Europe/Amsterdam', rrule: 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31' });
    expect(text.length).toBeLessThan(400);
    const refused = upload(0, text);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const nl = await refused;
    expect(nl.statusCode, nl.body).toBe(400);
    expect(nl.json().error).toMatchObject({ code: 'timetable_recurrence_unbounded' });
    expect(nl.json().error.message).toBe(
      'Het rooster is niet ingelezen: de herhaalregel op regel 9 (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31) levert geen enkele datum op, of zoveel dat we hem niet kunnen lezen. Er is niets geïmporteerd; verbeter of verwijder deze regel en probeer het opnieuw.',
    );
    const en = await upload(0, text, EN);
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toContain('the repeat rule on line 9 (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31) yields no date at all');
    expect(await t.services.db.select().from(timetables)).toHaveLength(0);
    expect((await programmes[0]!.coordinator.request('GET', `/api/teaching-periods/${programmes[0]!.period}/timetables`)).statusCode).toBe(200);
  });

  it('a fetched file (timetable link) is parsed the same way: the rule is refused by name, nothing is stored', async () => {
    const text = timetable({ tzid: 'Europe/Amsterdam', rrule: 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31' });
    const server = http.createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/calendar' }).end(text));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.services.config.timetableUrls = { enabled: true, timeoutMs: 2000, maxBytes: 100_000, allowPrivate: true };
    try {
      const p = programmes[0]!;
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rooster.ics`;
      const r = await p.coordinator.request('POST', `/api/teaching-periods/${p.period}/timetables/url`, { url, target: { classId: p.classId } }, EN);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'timetable_recurrence_unbounded' });
      expect(r.json().error.message).toContain('(FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31)');
      expect(await t.services.db.select().from(timetables)).toHaveLength(0);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("one programme's VTIMEZONE does not change how another programme's file is read", async () => {
    const malicious = await upload(0, timetable({ tzid: 'Europe/Amsterdam', vtimezone: PLUS_14 }));
    expect(malicious.statusCode, malicious.body).toBe(200);
    const clean = await upload(1, timetable({ tzid: 'Europe/Amsterdam' }));
    expect(clean.statusCode, clean.body).toBe(200);
    expect(await stored(1)).toEqual([[{ day: 'mon', start: '09:00', end: '10:30', location: programmes[1]!.ams }]]);
  });

  it('a TZID without a VTIMEZONE is the IANA zone it names, before and after the DST change; an unknown one is refused by name', async () => {
    const ok = await upload(0, timetable({ tzid: 'Europe/Amsterdam' }));
    expect(ok.statusCode, ok.body).toBe(200);
    // One block: 09:00 in September (summer time) and in November (winter time) alike.
    expect(await stored(0)).toEqual([[{ day: 'mon', start: '09:00', end: '10:30', location: programmes[0]!.ams }]]);

    const unknown = timetable({ tzid: 'Mars/Olympus_Mons' });
    const nl = await upload(1, unknown);
    expect(nl.statusCode).toBe(400);
    expect(nl.json().error).toMatchObject({ code: 'timetable_unknown_zone' });
    expect(nl.json().error.message).toContain('regel 7 gebruikt de tijdzone Mars/Olympus_Mons');
    const en = await upload(1, unknown, EN);
    expect(en.json().error.message).toContain('line 7 uses the time zone Mars/Olympus_Mons');
    expect(await stored(1)).toEqual([]);
  });
});
