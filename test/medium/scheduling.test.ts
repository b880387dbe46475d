/**
 * Scheduling end to end through HTTP (#7): timetables uploaded per class and person (and fetched
 * from a URL on 127.0.0.1 when allowed), a run in a worker thread, the proposal with day views,
 * an override with its cost and refusals, publishing into the year plan and the calendar feed,
 * and a re-plan after a re-upload that moves sessions and tells the members.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MyAvailabilityResponse, RunResponse, SchedulingSetupResponse, SlotOptionsResponse } from '../../src/contracts/scheduling';
import { scheduleWithServices } from '../../src/cli/schedule';
import { readIntakeSettings } from '../../src/domain/programme/intake-settings';
import { weeklyTimetableIcs, type WeeklyClass } from '../../src/server/demo/weekly-timetable-ics';
import { coachAvailability, intakes as intakesTable, mailOutbox, programmes as programmesTable, sessions, timetables } from '../../src/server/db/schema';
import { hashPassword } from '../../src/server/modules/identity/secrets';
import { createTestApp } from '../support/app';
import { anonymous, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-08-20T10:00:00Z');
const DATES = { firstDate: '2026-09-07', lastDate: '2026-11-06' };
const PERIOD = { name: 'Periode 1', ...DATES };

let address = 0;
async function signedIn(app: FastifyInstance, email: string): Promise<Client> {
  address++;
  const client = await anonymous(app, { remoteAddress: `10.7.${Math.floor(address / 250)}.${address % 250}` });
  const response = await client.request('POST', '/api/auth/sign-in', { email, password: PASSWORD });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for the test: ${response.statusCode}`);
  client.csrf = response.json<{ csrfToken: string }>().csrfToken;
  return client;
}

const CLASS_A: WeeklyClass[] = [
  { day: 'mon', start: '09:00', end: '12:30', location: 'AMS 02.14', summary: 'Inleiding Social Work' },
  { day: 'wed', start: '13:00', end: '15:00', location: 'AMS 03.01', summary: 'Gespreksvaardigheden' },
];
const CLASS_B: WeeklyClass[] = [
  { day: 'tue', start: '10:00', end: '12:00', location: 'DIE 1.02', summary: 'Recht' },
  { day: 'thu', start: '13:00', end: '16:00', location: 'DIE 1.10', summary: 'Sociologie' },
];

describe(`scheduling on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let coordinator: Client;
  let member: Client;
  let otherCoordinator: Client;
  let coach: Client;
  let ids: { intake: string; classA: string; classB: string; c1: string; c2: string; coach1: string; coach2: string; studentA0: string; membersA: string[]; period: string; ams: string; die: string };
  let emails: { coach1: string; coach2: string };

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
    const prog = await f.programme(inst.id);
    const other = await f.programme(inst.id);
    const intake = await f.intake(prog.id);
    const hash = await hashPassword(PASSWORD);
    const p = (roles: Parameters<typeof f.person>[0]['roles'], email: string, programmeId = prog.id) => f.person({ institutionId: inst.id, programmeId, roles, email, passwordHash: hash });
    await p(['coordinator'], 'coordinator@test.example');
    await p(['coordinator'], 'other-coordinator@test.example', other.id);
    const coach1 = await p(['studentcoach'], 'coach1@test.example');
    const coach2 = await p(['studentcoach'], 'coach2@test.example');
    emails = { coach1: coach1.email, coach2: coach2.email };
    const classA = await f.class(intake.id, { code: 'SW1A' });
    const classB = await f.class(intake.id, { code: 'SW1B' });
    const membersA: string[] = [];
    const membersB: string[] = [];
    for (let i = 0; i < 4; i++) {
      const a = await p(['coachee'], `a${i}@test.example`);
      await f.enrol(classA.id, a.id, `A${i}`);
      membersA.push(a.id);
      const b = await p(['coachee'], `b${i}@test.example`);
      await f.enrol(classB.id, b.id, `B${i}`);
      membersB.push(b.id);
    }
    const c1 = await f.community({ intakeId: intake.id, coachId: coach1.id, classId: classA.id, name: 'SW 1', memberIds: membersA });
    const c2 = await f.community({ intakeId: intake.id, coachId: coach2.id, classId: classB.id, name: 'SW 2', memberIds: membersB });
    // Sign in on the real clock (the cookie jar uses it), then move the app's clock to the test's day.
    coordinator = await signedIn(app, 'coordinator@test.example');
    member = await signedIn(app, 'a0@test.example');
    otherCoordinator = await signedIn(app, 'other-coordinator@test.example');
    coach = await signedIn(app, 'coach1@test.example');
    t.setNow(NOW);
    const period = (await coordinator.request('POST', `/api/intakes/${intake.id}/teaching-periods`, PERIOD)).json<{ id: string }>().id;
    const ams = (await coordinator.request('POST', `/api/intakes/${intake.id}/scheduling-locations`, { name: 'Amsterdam Wibautstraat', code: 'AMS' })).json<{ id: string }>().id;
    const die = (await coordinator.request('POST', `/api/intakes/${intake.id}/scheduling-locations`, { name: 'Diemen', code: 'die' })).json<{ id: string }>().id;
    expect((await coordinator.request('POST', `/api/scheduling-locations/${ams}/rooms`, { name: 'Lokaal 2.14', capacity: 12 })).statusCode).toBe(201);
    expect((await coordinator.request('POST', `/api/scheduling-locations/${die}/rooms`, { name: 'Lokaal 1.02', capacity: 10 })).statusCode).toBe(201);
    ids = { intake: intake.id, classA: classA.id, classB: classB.id, c1: c1.id, c2: c2.id, coach1: coach1.id, coach2: coach2.id, studentA0: membersA[0]!, membersA, period, ams, die };
  });

  const upload = (body: Record<string, unknown>) => coordinator.request('POST', `/api/teaching-periods/${ids.period}/timetables`, body);
  const uploadClasses = async (a = CLASS_A, b = CLASS_B) => {
    for (const [classId, classes] of [[ids.classA, a], [ids.classB, b]] as const) {
      const r = await upload({ format: 'ics', fileName: 'rooster.ics', text: weeklyTimetableIcs({ name: 'rooster', classes: [...classes], ...DATES }), target: { classId } });
      expect(r.statusCode, r.body).toBe(200);
    }
  };
  const run = async (): Promise<RunResponse> => {
    const started = await coordinator.request('POST', `/api/teaching-periods/${ids.period}/scheduling-runs`, { seconds: 5, seed: 3 });
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json<{ id: string }>().id;
    for (let i = 0; i < 300; i++) {
      const r = (await coordinator.request('GET', `/api/scheduling-runs/${id}`)).json<RunResponse>();
      if (r.status !== 'running') return r;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('run did not finish');
  };

  it('a broken file says which line and why, and imports nothing', async () => {
    const broken = weeklyTimetableIcs({ name: 'x', classes: CLASS_A, ...DATES }).replace('SUMMARY:Recht', 'x').replace('LOCATION:AMS 02.14', 'LOCATION AMS 02.14');
    const r = await upload({ format: 'ics', fileName: 'kapot.ics', text: broken, target: { classId: ids.classA } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('timetable_invalid');
    expect(r.json().error.message).toMatch(/regel 2\d/);
    const csv = `person,day,start,end,location\nA0,mon,09:00,10:30,AMS\nonbekend,tue,09:00,10:30,AMS\nA1,maandag,09:00,10:30,AMS\n`;
    const bad = await upload({ format: 'csv', fileName: 'rooster.csv', text: csv, target: null });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('regel 4');
    const unknown = await upload({ format: 'csv', fileName: 'rooster.csv', text: 'person,day,start,end,location\nA0,mon,09:00,10:30,AMS\nonbekend,tue,09:00,10:30,AMS\n', target: null });
    expect(unknown.json().error.message).toContain('regel 3');
    const wrongPeriod = await upload({ format: 'ics', fileName: 'oud.ics', text: weeklyTimetableIcs({ name: 'x', classes: CLASS_A, firstDate: '2025-09-01', lastDate: '2025-11-01' }), target: { classId: ids.classA } });
    expect(wrongPeriod.json().error.code).toBe('timetable_empty');
    expect(await t.services.db.select().from(timetables)).toHaveLength(0);
  });

  it('upload → run → override → publish: sessions exist and the calendar feed has them', async () => {
    await uploadClasses();
    // The coaches' own weeks as CSV: coach 1 works Monday afternoons; coach 2 has a class on Tuesday.
    const csv = `person,day,start,end,location\n${emails.coach1},mon,12:30,17:30,\n${emails.coach2},tue,12:00,13:30,DIE 2.01\nROT 1,wed,09:00,10:00,ROT 1.01\n`;
    const bad = await upload({ format: 'csv', fileName: 'coaches.csv', text: csv, target: null });
    expect(bad.json().error.message).toContain('regel 4');
    const ok = await upload({ format: 'csv', fileName: 'coaches.csv', text: csv.split('\n').slice(0, 3).join('\n'), target: null });
    expect(ok.json()).toEqual({ imported: [{ label: expect.any(String), classes: 1 }, { label: expect.any(String), classes: 1 }], unknownLocations: [] });
    expect((await coordinator.request('PUT', `/api/teaching-periods/${ids.period}/availability/${ids.coach2}`, { windows: [{ day: 'tue', start: '09:00', end: '18:00' }, { day: 'thu', start: '12:00', end: '19:00' }] })).statusCode).toBe(200);
    const list = (await coordinator.request('GET', `/api/teaching-periods/${ids.period}/timetables`)).json();
    expect(list.classes.map((c: { timetable: { blocks: unknown[] } }) => c.timetable.blocks.length)).toEqual([2, 2]);

    const result = await run();
    expect(result.status).toBe('done');
    expect(result.communities).toHaveLength(2);
    const sw1 = result.communities.find((c) => c.name === 'SW 1')!;
    // Next to Wednesday's class at Amsterdam: nobody waits, nobody travels in for it.
    expect(sw1.slot).toMatchObject({ day: 'wed', locationId: ids.ams });
    expect(sw1.cost).toMatchObject({ cost: 0, extraTrips: 0, adjacent: 4 });
    expect(sw1.members[0]!.classes).toEqual([{ day: 'mon', start: '09:00', end: '12:30', location: ids.ams }, { day: 'wed', start: '13:00', end: '15:00', location: ids.ams }]);
    expect(result.quality).toMatchObject({ adjacentShare: 1, extraTrips: 0, waitingMinutes: 0 });
    expect(result.changes).toEqual([]);

    // Override: Monday 14:00 at Amsterdam is refused (coach 1 works), Friday costs extra trips.
    const options = (await coordinator.request('GET', `/api/scheduling-runs/${result.id}/communities/${ids.c1}/options`)).json<SlotOptionsResponse>();
    const monday = options.options.find((o) => o.day === 'mon' && o.start === '14:00' && o.locationId === ids.ams)!;
    expect(monday.blockers).toEqual([{ kind: 'COACH_BUSY', busy: { start: '12:30', end: '17:30' } }]);
    const refused = await coordinator.request('PUT', `/api/scheduling-runs/${result.id}/communities/${ids.c1}`, { day: 'mon', start: '14:00', locationId: ids.ams, version: sw1.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('slot_unavailable');
    const thursday = options.options.find((o) => o.day === 'thu' && o.start === '16:00' && o.locationId === ids.ams)!;
    expect(thursday).toMatchObject({ extraTrips: 4, cost: 4 * 240, blockers: [] });
    const chosen = await coordinator.request('PUT', `/api/scheduling-runs/${result.id}/communities/${ids.c1}`, { day: 'wed', start: '11:30', locationId: ids.ams, version: sw1.version });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const stale = await coordinator.request('PUT', `/api/scheduling-runs/${result.id}/communities/${ids.c1}`, { day: 'wed', start: '15:00', locationId: ids.ams, version: sw1.version });
    expect(stale.statusCode).toBe(409);
    const after = (await coordinator.request('GET', `/api/scheduling-runs/${result.id}`)).json<RunResponse>();
    expect(after.communities.find((c) => c.id === ids.c1)).toMatchObject({ overridden: true, slot: { day: 'wed', start: '11:30' }, cost: { cost: 0 } });

    const published = await coordinator.request('POST', `/api/scheduling-runs/${result.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ moved: 0, cancelled: 0, notified: 0 });
    expect(published.json().created).toBeGreaterThan(6);
    expect((await coordinator.request('POST', `/api/scheduling-runs/${result.id}/publish`)).statusCode).toBe(409);
    const rows = await t.services.db.select().from(sessions).where(eq(sessions.communityId, ids.c1));
    // Every other Wednesday from 9 September to 4 November, 11:30 in Amsterdam (09:30 UTC in summer time).
    expect(rows.map((r) => r.startsAt.toISOString()).sort()).toEqual(['2026-09-09', '2026-09-23', '2026-10-07', '2026-10-21', '2026-11-04'].map((d, i) => (i < 4 ? `${d}T09:30:00.000Z` : `${d}T10:30:00.000Z`)));
    expect(rows[0]!.location).toBe('Lokaal 2.14, Amsterdam Wibautstraat');

    const { url } = (await member.request('POST', '/api/me/calendar-feed')).json<{ url: string }>();
    const feed = await member.request('GET', new URL(url).pathname);
    const events = new ICAL.Component(ICAL.parse(feed.body) as unknown[]).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.location === 'Lokaal 2.14, Amsterdam Wibautstraat')).toBe(true);

    // The year plan after publishing one period: covered through that period, and the rest of the
    // year (no sessions yet) is a gap, not "all communities covered" (#20).
    const plan = (await coordinator.request('GET', `/api/intakes/${ids.intake}/year-plan`)).json<{ communities: { communityId: string; gaps: { kind: string; from: string }[] }[] }>();
    const c1 = plan.communities.find((c) => c.communityId === ids.c1)!;
    expect(c1.gaps).toEqual([expect.objectContaining({ kind: 'end', from: '2026-11-04' })]);
    const community = (await coordinator.request('GET', `/api/communities/${ids.c1}/year-plan`)).json<{ gaps: { kind: string }[] }>();
    expect(community.gaps.map((g) => g.kind)).toEqual(['end']);
  });

  it('an online community asks no trip to campus: the run says so, and publishing gives its sessions the link, no room', async () => {
    await uploadClasses();
    const link = 'https://teams.example.org/l/meetup-join/sw1';
    const board = (await coach.request('GET', `/api/communities/${ids.c1}/board`)).json<{ version: number }>();
    const set = await coach.request('PUT', `/api/communities/${ids.c1}/links`, { sessionMode: 'online', meetingLink: link, chatLink: '', version: board.version });
    expect(set.statusCode, set.body).toBe(200);
    const result = await run();
    expect(result.status).toBe('done');
    expect(result.online).toEqual([{ communityId: ids.c1, communityName: 'SW 1' }]);
    expect(result.extraTrips.map((e) => e.communityId)).not.toContain(ids.c1);
    const sw1 = result.communities.find((c) => c.id === ids.c1)!;
    expect(sw1.online).toBe(true);
    expect(sw1.cost).toMatchObject({ cost: 0, extraTrips: 0, waitingMinutes: 0 });
    expect(sw1.members.every((m) => m.kind === 'online')).toBe(true);
    expect(result.communities.find((c) => c.id === ids.c2)!.online).toBe(false);
    // Thursday 16:00 made all four members travel in for an on-campus session; online it asks no trip at all.
    const options = (await coordinator.request('GET', `/api/scheduling-runs/${result.id}/communities/${ids.c1}/options`)).json<SlotOptionsResponse>();
    const thursday = options.options.find((o) => o.day === 'thu' && o.start === '16:00' && o.locationId === ids.ams)!;
    expect(thursday).toMatchObject({ extraTrips: 0, cost: 0, waitingMinutes: 0 });
    // A clash with a class still counts.
    const monday = options.options.find((o) => o.day === 'mon' && o.start === '10:00' && o.locationId === ids.ams)!;
    expect(monday.inClass).toBe(4);

    expect((await coordinator.request('POST', `/api/scheduling-runs/${result.id}/publish`)).statusCode).toBe(200);
    const rows = await t.services.db.select().from(sessions).where(eq(sessions.communityId, ids.c1));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.mode === 'online' && r.meetingLink === link && r.location === '')).toBe(true);
    const onCampus = await t.services.db.select().from(sessions).where(eq(sessions.communityId, ids.c2));
    expect(onCampus.every((r) => r.mode === 'onCampus' && r.meetingLink === '' && r.location !== '')).toBe(true);
  });

  it('re-upload → re-plan shows what moves and who is affected → publish moves the sessions and tells the members', async () => {
    await uploadClasses();
    await upload({ format: 'csv', fileName: 'coach.csv', text: `person,day,start,end,location\n${emails.coach1},mon,12:30,17:30,\n`, target: null });
    const first = await run();
    await coordinator.request('POST', `/api/scheduling-runs/${first.id}/publish`);
    const before = (await coordinator.request('GET', `/api/intakes/${ids.intake}/scheduling`)).json<SchedulingSetupResponse>();
    expect(before.periods[0]).toMatchObject({ published: true, changedSincePublished: false });
    t.setNow(new Date('2026-09-25T10:00:00Z'));
    // Class A's Wednesday class moves to Thursday in Diemen.
    const moved = [CLASS_A[0]!, { day: 'thu', start: '13:00', end: '15:00', location: 'DIE 0.12', summary: 'Gespreksvaardigheden' } as WeeklyClass];
    await uploadClasses(moved, CLASS_B);
    const changed = (await coordinator.request('GET', `/api/intakes/${ids.intake}/scheduling`)).json<SchedulingSetupResponse>();
    expect(changed.periods[0]).toMatchObject({ changedSincePublished: true });
    const second = await run();
    expect(second.changes).toHaveLength(1);
    const change = second.changes[0]!;
    expect(change).toMatchObject({ communityName: 'SW 1', from: { day: 'wed' }, to: { day: 'thu', locationId: ids.die } });
    expect(change.futureSessions).toBe(3);
    expect(change.affected).toHaveLength(5);
    // SW 2 stays where it was published: its classes did not change.
    expect(second.communities.find((c) => c.id === ids.c2)!.slot).toEqual(first.communities.find((c) => c.id === ids.c2)!.slot);
    expect((await coordinator.request('POST', `/api/scheduling-runs/${first.id}/publish`)).statusCode).toBe(409);
    const published = (await coordinator.request('POST', `/api/scheduling-runs/${second.id}/publish`)).json();
    expect(published).toMatchObject({ moved: 3, created: 0, cancelled: 0, notified: 5 });
    const future = await t.services.db.select().from(sessions).where(and(eq(sessions.communityId, ids.c1), eq(sessions.status, 'planned')));
    const thursdays = future.filter((s) => s.startsAt > new Date('2026-09-25T10:00:00Z'));
    expect(thursdays.map((s) => new Date(s.startsAt).getUTCDay())).toEqual([4, 4, 4]);
    expect(thursdays.every((s) => s.location.endsWith('Diemen') && s.version === 2)).toBe(true);
    const mails = await t.services.db.select().from(mailOutbox);
    const series = mails.filter((m) => m.subject.startsWith('Nieuwe vaste tijd'));
    expect(series).toHaveLength(5);
    expect(series.map((m) => m.recipient).sort()).toEqual([...['a0', 'a1', 'a2', 'a3'].map((a) => `${a}@test.example`), emails.coach1].sort());
  });

  it('places the monthly coach training and intervision where the coaches are on campus, publishes them into their calendars, and a re-plan moves them and tells the coaches', async () => {
    const f = t.factories;
    const programmeId = (await t.services.db.select({ id: intakesTable.programmeId }).from(intakesTable).where(eq(intakesTable.id, ids.intake)))[0]!.id;
    const institutionId = (await t.services.db.select({ id: programmesTable.institutionId }).from(programmesTable).where(eq(programmesTable.id, programmeId)))[0]!.id;
    const hash = await hashPassword(PASSWORD);
    const senior = await f.person({ institutionId, programmeId, roles: ['seniorcoach'], email: 'senior@test.example', passwordHash: hash, firstName: 'Saskia', lastName: 'Senior' });
    const loose = await f.person({ institutionId, programmeId, roles: ['studentcoach'], email: 'coach3@test.example', passwordHash: hash });
    await f.supervise(senior.id, ids.coach1, programmeId);
    await f.supervise(senior.id, ids.coach2, programmeId);
    await uploadClasses();
    // Both coaches have a Wednesday-morning class in Amsterdam; coach 2 also teaches on Thursday evening.
    const week = (day: string, place: string) => `person,day,start,end,location\n${emails.coach1},${day},09:00,11:00,${place}\n${emails.coach2},${day},09:00,11:00,${place}\n`;
    expect((await upload({ format: 'csv', fileName: 'coaches.csv', text: week('wed', 'AMS 1.01'), target: null })).statusCode).toBe(200);
    const result = await run();
    expect(result.coachMeetings.map((m) => [m.kind, m.senior?.name ?? null])).toEqual([['coachTraining', null], ['intervision', 'Saskia Senior']]);
    const [training, intervision] = result.coachMeetings;
    for (const m of [training!, intervision!]) {
      expect(m.slot).toMatchObject({ day: 'wed', locationId: ids.ams });
      expect(m.lateEvening).toBe(false);
      expect(m.coaches).toHaveLength(2);
      expect(m.coaches.every((c) => c.kind === 'adjacent' || c.kind === 'waiting')).toBe(true);
    }
    // One a month: the period holds the 15th of September and October; training in the month's first week, intervision in its third.
    expect(training!.dates).toEqual(['2026-09-09', '2026-10-07']);
    expect(intervision!.dates).toEqual(['2026-09-23', '2026-10-21']);

    const published = (await coordinator.request('POST', `/api/scheduling-runs/${result.id}/publish`)).json();
    expect(published.coachMeetings).toEqual({ created: 4, moved: 0, cancelled: 0, notified: 0 });
    const meetings = await t.services.db.select().from(sessions).where(inArray(sessions.type, ['coachTraining', 'intervision']));
    expect(meetings.filter((m) => m.type === 'intervision').every((m) => m.organiserId === senior.id)).toBe(true);
    expect(meetings.every((m) => m.location === 'Lokaal 2.14, Amsterdam Wibautstraat')).toBe(true);

    const feedOf = async (client: Client) => {
      const { url } = (await client.request('POST', '/api/me/calendar-feed')).json<{ url: string }>();
      const body = (await client.request('GET', new URL(url).pathname)).body;
      return new ICAL.Component(ICAL.parse(body) as unknown[]).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    };
    const coachFeed = await feedOf(coach);
    const starts = (events: ICAL.Event[], pattern: RegExp) => events.filter((e) => pattern.test(e.summary)).map((e) => e.startDate.toJSDate().toISOString()).sort();
    expect(starts(coachFeed, /Coachtraining|Coach training/)).toHaveLength(2);
    expect(starts(coachFeed, /Intervisie|Intervision/)).toHaveLength(2);
    // A coach outside the senior's group is invited to the training, not to the group's intervision.
    t.setNow(new Date());
    const third = await signedIn(app, loose.email);
    t.setNow(NOW);
    const looseFeed = await feedOf(third);
    expect(starts(looseFeed, /Coachtraining|Coach training/)).toHaveLength(2);
    expect(starts(looseFeed, /Intervisie|Intervision/)).toHaveLength(0);
    // An intervision the coordinator plans in a programme with supervision groups is for the coaches without one.
    const planned = await coordinator.request('POST', `/api/programmes/${programmeId}/sessions`, { type: 'intervision', date: '2026-09-30', startTime: '15:00', durationMinutes: 90 });
    expect(planned.statusCode, planned.body).toBe(201);
    expect(starts(await feedOf(third), /Intervisie|Intervision/)).toHaveLength(1);
    expect(starts(await feedOf(coach), /Intervisie|Intervision/)).toHaveLength(2);

    // The coaches' Wednesday class moves to Thursday in Diemen: the re-plan moves the future meetings and mails the coaches.
    t.setNow(new Date('2026-09-25T10:00:00Z'));
    expect((await upload({ format: 'csv', fileName: 'coaches.csv', text: week('thu', 'DIE 0.12'), target: null })).statusCode).toBe(200);
    const second = await run();
    expect(second.coachMeetings[0]!.slot).toMatchObject({ day: 'thu', locationId: ids.die });
    expect(second.coachMeetings[0]!.dates).toEqual(['2026-09-10', '2026-10-01']);
    const again = (await coordinator.request('POST', `/api/scheduling-runs/${second.id}/publish`)).json();
    // Training 7 Oct → 1 Oct and intervision 21 Oct → 15 Oct; what already happened stays.
    expect(again.coachMeetings).toEqual({ created: 0, moved: 2, cancelled: 0, notified: 4 });
    const after = await t.services.db.select().from(sessions).where(and(inArray(sessions.type, ['coachTraining', 'intervision']), eq(sessions.status, 'planned'), eq(sessions.fromYearPlan, true)));
    expect(after.map((m) => m.startsAt.toISOString().slice(0, 10)).sort()).toEqual(['2026-09-09', '2026-09-23', '2026-10-01', '2026-10-15']);
    const mails = (await t.services.db.select().from(mailOutbox)).filter((m) => m.subject.startsWith('Verplaatst: Coachtraining') || m.subject.startsWith('Verplaatst: Intervisie'));
    expect(mails.map((m) => m.recipient).sort()).toEqual([emails.coach1, emails.coach1, emails.coach2, emails.coach2]);
  });

  it('a student coach declares their own weekly availability for periods that have not ended, and only their own', async () => {
    const mine = () => coach.request('GET', '/api/me/availability');
    const listed = (await mine()).json<MyAvailabilityResponse>();
    expect(listed.periods).toEqual([
      { id: ids.period, name: 'Periode 1', ...DATES, started: false, intake: expect.objectContaining({ month: expect.any(String) }), windows: null, updatedAt: null },
    ]);
    const own = `/api/teaching-periods/${ids.period}/availability/${ids.coach1}`;
    // Bad input: a translated field error, nothing stored.
    const bad = await coach.request('PUT', own, { windows: [{ day: 'tue', start: '14:00', end: '09:00' }] });
    expect(bad.statusCode).toBe(400);
    expect((await mine()).json<MyAvailabilityResponse>().periods[0]!.windows).toBeNull();
    const windows = [{ day: 'tue', start: '09:00', end: '13:00' }, { day: 'thu', start: '12:00', end: '17:30' }];
    expect((await coach.request('PUT', own, { windows })).statusCode).toBe(200);
    expect((await mine()).json<MyAvailabilityResponse>().periods[0]).toMatchObject({ windows, updatedAt: NOW.toISOString() });
    // The coordinator sees it on the period's timetables page; the run uses it.
    const list = (await coordinator.request('GET', `/api/teaching-periods/${ids.period}/timetables`)).json<{ people: { id: string; availability: unknown }[] }>();
    expect(list.people.find((c) => c.id === ids.coach1)?.availability).toEqual(windows);
    // Someone else's week, or a person who coaches nobody here: 404, nothing stored.
    expect((await coach.request('PUT', `/api/teaching-periods/${ids.period}/availability/${ids.coach2}`, { windows })).statusCode).toBe(404);
    expect((await member.request('PUT', `/api/teaching-periods/${ids.period}/availability/${ids.studentA0}`, { windows })).statusCode).toBe(404);
    expect((await member.request('GET', '/api/me/availability')).json()).toEqual({ periods: [] });
    expect((await otherCoordinator.request('PUT', own, { windows: null })).statusCode).toBe(404);
    const rows = await t.services.db.select().from(coachAvailability);
    expect(rows.map((r) => r.personId)).toEqual([ids.coach1]);
    // Back to "whenever I have no class".
    expect((await coach.request('PUT', own, { windows: null })).statusCode).toBe(200);
    expect((await mine()).json<MyAvailabilityResponse>().periods[0]!.windows).toBeNull();
    // Once the period has ended it is no longer the coach's to change; the coordinator may still correct it.
    t.setNow(new Date('2026-11-09T09:00:00Z'));
    expect((await mine()).json()).toEqual({ periods: [] });
    const late = await coach.request('PUT', own, { windows });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'scheduling_period_ended', message: expect.stringContaining('onderwijsperiode is al voorbij') });
    expect((await coordinator.request('PUT', own, { windows })).statusCode).toBe(200);
  });

  it('a re-publication that drops sessions (the intake now meets monthly) calls them off and tells the members', async () => {
    await uploadClasses();
    const first = await run();
    expect((await coordinator.request('POST', `/api/scheduling-runs/${first.id}/publish`)).json()).toMatchObject({ created: 10, cancelled: 0 });
    t.setNow(new Date('2026-09-25T10:00:00Z'));
    const [row] = await t.services.db.select({ settings: intakesTable.settings, month: intakesTable.month }).from(intakesTable).where(eq(intakesTable.id, ids.intake));
    const changed = await coordinator.request('PUT', `/api/intakes/${ids.intake}/settings`, { settings: { ...readIntakeSettings(row!.settings, row!.month).settings, sessionsPerMonth: 1 } });
    expect(changed.statusCode, changed.body).toBe(200);
    const second = await run();
    const published = (await coordinator.request('POST', `/api/scheduling-runs/${second.id}/publish`)).json();
    // Every four weeks from 7 September: of the three future dates per community the middle one is
    // dropped; the others stay where they are (nothing moves).
    expect(published).toMatchObject({ created: 0, moved: 0, cancelled: 2, notified: 10 });
    const calledOff = (await t.services.db.select().from(mailOutbox)).filter((m) => m.subject.startsWith('Gaat niet door: '));
    expect(new Set(calledOff.map((m) => m.recipient))).toEqual(new Set([...['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2', 'b3'].map((a) => `${a}@test.example`), emails.coach1, emails.coach2]));
    const left = await t.services.db.select().from(sessions).where(and(eq(sessions.type, 'community'), eq(sessions.status, 'cancelled')));
    expect(left.map((r) => r.communityId).sort()).toEqual([ids.c1, ids.c2].sort());
    expect(calledOff).toHaveLength(10);
  });

  it('explains extra trips instead of failing, and says which communities cannot be placed', async () => {
    // Class B has no timetable; its members are left out of the cost. Coach 1 is never free.
    await upload({ format: 'ics', fileName: 'a.ics', text: weeklyTimetableIcs({ name: 'a', classes: [CLASS_A[0]!], ...DATES }), target: { classId: ids.classA } });
    await coordinator.request('PUT', `/api/teaching-periods/${ids.period}/availability/${ids.coach1}`, { windows: [] });
    const r = await upload({ format: 'ics', fileName: 'b0.ics', text: weeklyTimetableIcs({ name: 'b0', classes: [{ day: 'fri', start: '09:00', end: '10:00', location: 'ROT 0.01', summary: 'x' }], ...DATES }), target: { personId: ids.membersA[1]! } });
    expect(r.json().unknownLocations).toEqual(['ROT 0.01']);
    const result = await run();
    expect(result.status).toBe('done');
    expect(result.excluded).toEqual([{ communityId: ids.c1, communityName: 'SW 1', reason: 'COACH_NEVER_AVAILABLE' }]);
    const sw2 = result.communities.find((c) => c.id === ids.c2)!;
    expect(sw2.withoutTimetable).toHaveLength(4);
    expect(result.extraTrips).toEqual([]);
  });

  it('lists the communities that need an extra trip and why', async () => {
    // Coach 2 can only come on Fridays, when class B has no classes: every member travels in.
    await uploadClasses();
    await coordinator.request('PUT', `/api/teaching-periods/${ids.period}/availability/${ids.coach2}`, { windows: [{ day: 'fri', start: '09:00', end: '17:00' }] });
    const result = await run();
    const sw2 = result.extraTrips.find((e) => e.communityId === ids.c2)!;
    expect(sw2).toMatchObject({ extraTrips: 4, cause: 'COACH_AVAILABILITY', minimumExtraTrips: 4 });
    expect(sw2.members.map((m) => m.reason)).toEqual(['NO_CLASS_THAT_DAY', 'NO_CLASS_THAT_DAY', 'NO_CLASS_THAT_DAY', 'NO_CLASS_THAT_DAY']);
    expect(result.quality!.extraTrips).toBe(4);
  });

  it('fetches a timetable from a URL only when the installation allows it, within limits', async () => {
    const ics = weeklyTimetableIcs({ name: 'url', classes: CLASS_A, ...DATES });
    const server = http.createServer((req, res) => {
      if (req.url === '/slow.ics') return void setTimeout(() => res.end(ics), 3000);
      if (req.url === '/big.ics') return void res.end('X'.repeat(200_000));
      if (req.url === '/moved.ics') return void res.writeHead(302, { location: '/rooster.ics?token=geheim' }).end();
      if (req.url?.startsWith('/rooster.ics')) return void res.writeHead(200, { 'content-type': 'text/calendar' }).end(ics);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fetchUrl = (path: string) => coordinator.request('POST', `/api/teaching-periods/${ids.period}/timetables/url`, { url: `${base}${path}`, target: { classId: ids.classA } });
    try {
      expect((await fetchUrl('/rooster.ics')).json().error.code).toBe('timetable_url_disabled');
      t.services.config.timetableUrls.enabled = true;
      const privateRefused = await fetchUrl('/rooster.ics');
      expect(privateRefused.statusCode).toBe(400);
      expect(privateRefused.json().error.message).toContain('private_address');
      t.services.config.timetableUrls.allowPrivate = true;
      const ok = await fetchUrl('/moved.ics');
      expect(ok.statusCode, ok.body).toBe(200);
      const [stored] = await t.services.db.select().from(timetables);
      expect(stored).toMatchObject({ source: 'url', fileName: `127.0.0.1:${(server.address() as AddressInfo).port}/moved.ics` });
      expect((await fetchUrl('/big.ics')).json().error.message).toContain('too_large');
      expect((await fetchUrl('/slow.ics')).json().error.message).toContain('timeout');
      expect((await fetchUrl('/missing.ics')).json().error.message).toContain('status_404');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('the CLI runs the same scheduling with a summary, and publishes with --publish', async () => {
    await uploadClasses();
    const lines: string[] = [];
    await expect(scheduleWithServices(t.services, { intake: ids.intake, period: 'Periode 9', seconds: 2, seed: 1, publish: false }, (l) => lines.push(l))).rejects.toThrow(/no period "Periode 9"; the periods are: Periode 1/);
    await scheduleWithServices(t.services, { intake: ids.intake, seconds: 2, seed: 1, publish: true }, (l) => lines.push(l));
    const text = lines.join('\n');
    expect(text).toContain('Scheduling Periode 1 (2026-09-07 – 2026-11-06)');
    expect(text).toMatch(/next to a class +100\.0% of 8 member-sessions/);
    expect(text).toMatch(/waiting minutes +0/);
    expect(text).toMatch(/extra trips +0/);
    expect(text).toMatch(/Published: \d+ sessions created, 0 moved/);
    expect((await t.services.db.select().from(sessions)).length).toBeGreaterThan(6);
  });

  it('is the coordinator’s alone: other programmes and coaches get 404, and a run needs the setup', async () => {
    for (const client of [otherCoordinator, coach]) {
      expect((await client.request('GET', `/api/intakes/${ids.intake}/scheduling`)).statusCode).toBe(404);
      expect((await client.request('GET', `/api/teaching-periods/${ids.period}/timetables`)).statusCode).toBe(404);
      expect((await client.request('POST', `/api/teaching-periods/${ids.period}/scheduling-runs`, {})).statusCode).toBe(404);
    }
    const none = await coordinator.request('POST', `/api/teaching-periods/${ids.period}/scheduling-runs`, {});
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('scheduling_setup_incomplete');
    expect((await coordinator.request('POST', `/api/intakes/${ids.intake}/scheduling-locations`, { name: 'Nog een', code: 'ams' })).json().error.code).toBe('scheduling_name_taken');
  });
});
