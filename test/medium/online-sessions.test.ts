/**
 * Online and hybrid sessions (issue 21, item 4): the meeting link is https only, reaches only the
 * people who join (never a leercoach, a supervising senior coach or another community), travels
 * in the calendar feed and the reminder mail, and a community's default carries over to new sessions.
 */
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox, sessions } from '../../src/server/db/schema';
import { jobHandlers } from '../../src/server/job-handlers';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { createTestApp } from '../support/app';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-10-05T10:00:00Z');
const LINK = 'https://teams.example.org/l/meetup-join/geheim-19-abc';

describe(`online and hybrid sessions on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let ids: { community: string; other: string; coach: string; coachees: string[] };
  const as: Record<string, Client> = {};

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
    const p = (roles: Parameters<typeof f.person>[0]['roles'], email: string, locale?: 'nl' | 'en') => f.person({ institutionId: inst.id, programmeId: prog.id, roles, email, password: PASSWORD, ...(locale ? { locale } : {}) });
    const coach = await p(['studentcoach'], 'coach@test.example');
    const otherCoach = await p(['studentcoach'], 'othercoach@test.example');
    const senior = await p(['seniorcoach', 'studentcoach'], 'senior@test.example');
    await p(['coordinator'], 'coordinator@test.example');
    const leercoach = await p(['leercoach'], 'leercoach@test.example');
    const coachees = [await p(['coachee'], 'coachee0@test.example'), await p(['coachee'], 'coachee1@test.example', 'en')];
    const outsider = await p(['coachee'], 'outsider@test.example');
    const klass = await f.class(intake.id, { leercoachId: leercoach.id });
    for (const c of coachees) await f.enrol(klass.id, c.id);
    await f.supervise(senior.id, coach.id, prog.id);
    const community = await f.community({ intakeId: intake.id, coachId: coach.id, classId: klass.id, memberIds: coachees.map((c) => c.id) });
    const other = await f.community({ intakeId: intake.id, coachId: otherCoach.id, memberIds: [outsider.id] });
    ids = { community: community.id, other: other.id, coach: coach.id, coachees: coachees.map((c) => c.id) };
    for (const who of ['coach', 'othercoach', 'senior', 'coordinator', 'leercoach', 'coachee0', 'coachee1', 'outsider']) as[who] = await signedIn(app, `${who}@test.example`, PASSWORD);
    t.setNow(NOW);
  });

  const planOnline = async (body: Record<string, unknown> = {}) =>
    as.coach!.request('POST', `/api/communities/${ids.community}/sessions`, { type: 'community', date: '2026-10-08', startTime: '15:30', durationMinutes: 90, location: 'Lokaal 2.14', mode: 'online', meetingLink: LINK, ...body });

  it('shows the meeting link to the people invited, the coach and the coordinator only', async () => {
    const r = await planOnline();
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json<{ id: string }>().id;
    for (const who of ['coach', 'coachee0', 'coachee1', 'coordinator']) {
      const detail = (await as[who]!.request('GET', `/api/sessions/${id}`)).json();
      expect(detail, who).toMatchObject({ mode: 'online', meetingLink: LINK, location: '' });
    }
    // The supervising senior coach reads the session, not its link; the leercoach and others do not read it at all.
    const senior = await as.senior!.request('GET', `/api/sessions/${id}`);
    expect(senior.statusCode).toBe(200);
    expect(senior.json().mode).toBe('online');
    expect(senior.body).not.toContain('geheim-19');
    for (const who of ['leercoach', 'outsider', 'othercoach']) {
      const denied = await as[who]!.request('GET', `/api/sessions/${id}`);
      expect(denied.statusCode, who).toBe(404);
      expect(denied.body).not.toContain('geheim-19');
    }
    // Lists: the same rule.
    for (const who of ['senior', 'leercoach', 'outsider', 'othercoach']) expect((await as[who]!.request('GET', '/api/sessions')).body, who).not.toContain('geheim-19');
    expect((await as.coachee0!.request('GET', '/api/sessions')).json().sessions[0]).toMatchObject({ mode: 'online', meetingLink: LINK });
    const klass = await as.leercoach!.request('GET', `/api/communities/${ids.community}/attendance`);
    expect(klass.body).not.toContain('geheim-19');
  });

  it('refuses a link that is not https with a translated message and stores nothing', async () => {
    for (const bad of ['http://teams.example.org/x', 'javascript:alert(1)', 'teams.example.org/x']) {
      const r = await planOnline({ meetingLink: bad });
      expect(r.statusCode, bad).toBe(400);
      expect(r.json().error.fields).toEqual([{ path: 'meetingLink', message: 'Gebruik een link die begint met https:// (bijvoorbeeld de link van je Teams-vergadering).' }]);
    }
    const en = await as.coach!.request('POST', `/api/communities/${ids.community}/sessions`, { type: 'community', date: '2026-10-08', startTime: '15:30', durationMinutes: 90, mode: 'hybrid', meetingLink: 'http://x.example' }, { 'accept-language': 'en' });
    expect(en.json().error.fields[0].message).toBe('Use a link that starts with https:// (for example the link of your Teams meeting).');
    expect(await t.services.db.select().from(sessions)).toHaveLength(0);
  });

  it('a move can make a session hybrid; the link stays off an on-campus session', async () => {
    const id = (await as.coach!.request('POST', `/api/communities/${ids.community}/sessions`, { type: 'community', date: '2026-10-08', startTime: '15:30', durationMinutes: 90, location: 'Lokaal 2.14', meetingLink: LINK })).json<{ id: string }>().id;
    expect((await as.coachee0!.request('GET', `/api/sessions/${id}`)).json()).toMatchObject({ mode: 'onCampus', location: 'Lokaal 2.14' });
    expect((await as.coachee0!.request('GET', `/api/sessions/${id}`)).json().meetingLink).toBeUndefined();
    const moved = await as.coach!.request('PUT', `/api/sessions/${id}`, { date: '2026-10-08', startTime: '16:00', durationMinutes: 90, location: 'Lokaal 2.14', mode: 'hybrid', meetingLink: LINK, version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await as.coachee0!.request('GET', `/api/sessions/${id}`)).json()).toMatchObject({ mode: 'hybrid', location: 'Lokaal 2.14', meetingLink: LINK });
    // The move mail to the members carries the room and the link, and no names.
    const mails = await t.services.db.select().from(mailOutbox);
    expect(mails).toHaveLength(2);
    const nl = mails.find((m) => m.recipient === 'coachee0@test.example')!;
    expect(nl.bodyText).toContain(`Lokaal 2.14, of online: ${LINK}`);
    expect(mails.find((m) => m.recipient === 'coachee1@test.example')!.bodyText).toContain(`Lokaal 2.14, or online: ${LINK}`);
    for (const m of mails) expect(m.bodyText).not.toMatch(/Voornaam|Achternaam|@test\.example/);
  });

  it('the calendar feed and the reminder carry the link to the people invited', async () => {
    const id = (await planOnline()).json<{ id: string }>().id;
    const url = new URL((await as.coachee0!.request('POST', '/api/me/calendar-feed')).json<{ url: string }>().url).pathname;
    const body = (await app.inject({ method: 'GET', url })).body;
    const [event] = new ICAL.Component(ICAL.parse(body) as unknown[]).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(event!.location).toBe(`Online: ${LINK}`);
    expect(event!.description).toBe(LINK);
    t.setNow(new Date('2026-10-07T14:00:00Z'));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    const reminders = (await t.services.db.select().from(mailOutbox)).filter((m) => m.subject.startsWith('Morgen') || m.subject.startsWith('Tomorrow'));
    expect(reminders.map((m) => m.recipient).sort()).toEqual(['coachee0@test.example', 'coachee1@test.example']);
    for (const m of reminders) {
      expect(m.bodyText).toContain(`Online: ${LINK}`);
      expect(m.bodyText).not.toMatch(/Voornaam|Achternaam|coach@test/);
    }
    expect(id).toBeTruthy();
  });

  it("a community's default mode and link carry over to new sessions; only its coach sets them, only members read them", async () => {
    const board = (await as.coach!.request('GET', `/api/communities/${ids.community}/board`)).json();
    expect(board).toMatchObject({ sessionMode: 'onCampus', meetingLink: '', chatLink: '', can: { announce: true, setLinks: true } });
    const set = (who: string, body: Record<string, unknown>) => as[who]!.request('PUT', `/api/communities/${ids.community}/links`, { sessionMode: 'online', meetingLink: LINK, chatLink: 'https://chat.whatsapp.com/GroepGeheim', version: board.version, ...body });
    expect((await set('coach', { meetingLink: 'http://x.example' })).statusCode).toBe(400);
    expect((await set('coach', { meetingLink: '' })).json().error.fields[0].path).toBe('meetingLink');
    expect((await set('coordinator', {})).statusCode).toBe(404);
    expect((await set('coachee0', {})).statusCode).toBe(404);
    expect((await set('coach', {})).statusCode).toBe(200);
    expect((await set('coach', {})).statusCode).toBe(409);
    for (const who of ['coachee0', 'coach']) expect((await as[who]!.request('GET', `/api/communities/${ids.community}/board`)).json(), who).toMatchObject({ sessionMode: 'online', meetingLink: LINK, chatLink: 'https://chat.whatsapp.com/GroepGeheim' });
    for (const who of ['leercoach', 'senior', 'coordinator', 'outsider', 'othercoach']) {
      const r = await as[who]!.request('GET', `/api/communities/${ids.community}/board`);
      expect(r.statusCode, who).toBe(404);
      expect(r.body).not.toContain('GroepGeheim');
    }
    const created = await as.coach!.request('POST', `/api/communities/${ids.community}/sessions`, { type: 'community', date: '2026-10-08', startTime: '15:30', durationMinutes: 90, location: 'Lokaal 2.14' });
    const [row] = await t.services.db.select().from(sessions).where(eq(sessions.id, created.json<{ id: string }>().id));
    expect(row).toMatchObject({ mode: 'online', meetingLink: LINK, location: '' });
  });
});
