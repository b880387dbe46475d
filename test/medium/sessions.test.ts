/**
 * Sessions end to end through HTTP: planning, RSVP, attendance per item with history, logbooks,
 * one-on-one privacy, check-ins gated on consent, the year plan with gaps, calendar feeds,
 * reminders that survive a restart, attendance signals and programme updates.
 */
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LogbookEntryResponse } from '../../src/contracts/sessions';
import { buildApp } from '../../src/server/app';
import { mailOutbox } from '../../src/server/db/schema';
import { jobHandlers } from '../../src/server/job-handlers';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { createTestApp } from '../support/app';
import { anonymous, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';

let address = 0;
/** Signs in from a fresh address each time, so the per-address sign-in limit stays out of the way. */
async function signedIn(app: FastifyInstance, email: string, password: string): Promise<Client> {
  address++;
  const client = await anonymous(app, { remoteAddress: `10.4.${Math.floor(address / 250)}.${address % 250}` });
  const response = await client.request('POST', '/api/auth/sign-in', { email, password });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for the test: ${response.statusCode}`);
  client.csrf = response.json<{ csrfToken: string }>().csrfToken;
  return client;
}
const NOW = new Date('2026-10-05T10:00:00Z');

describe(`sessions on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let ids: { institution: string; programme: string; community: string; coach: string; senior: string; coordinator: string; leercoach: string; coachees: string[]; outsider: string; klass: string };
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
    const p = (roles: Parameters<typeof f.person>[0]['roles'], email: string) => f.person({ institutionId: inst.id, programmeId: prog.id, roles, email, password: PASSWORD });
    const coach = await p(['studentcoach'], 'coach@test.example');
    const senior = await p(['seniorcoach', 'studentcoach'], 'senior@test.example');
    const coordinator = await p(['coordinator'], 'coordinator@test.example');
    const leercoach = await p(['leercoach'], 'leercoach@test.example');
    const coachees = [];
    for (let i = 0; i < 8; i++) coachees.push(await p(['coachee'], `coachee${i}@test.example`));
    const outsider = await p(['coachee'], 'outsider@test.example');
    const klass = await f.class(intake.id, { leercoachId: leercoach.id });
    for (const c of coachees) await f.enrol(klass.id, c.id);
    await f.supervise(senior.id, coach.id, prog.id);
    const community = await f.community({ intakeId: intake.id, coachId: coach.id, classId: klass.id, memberIds: coachees.map((c) => c.id) });
    ids = { institution: inst.id, programme: prog.id, community: community.id, coach: coach.id, senior: senior.id, coordinator: coordinator.id, leercoach: leercoach.id, coachees: coachees.map((c) => c.id), outsider: outsider.id, klass: klass.id };
    // Sign in on the real clock (the cookie jar uses it), then move the app's clock to the test's day.
    for (const who of ['coach', 'senior', 'coordinator', 'leercoach', 'coachee0', 'coachee1', 'outsider']) as[who] = await signedIn(app, `${who}@test.example`, PASSWORD);
    t.setNow(NOW);
  });

  const plan = async (date = '2026-10-06', startTime = '15:30') => {
    const r = await as.coach!.request('POST', `/api/communities/${ids.community}/sessions`, { type: 'community', date, startTime, durationMinutes: 90, location: 'Lokaal 2.14' });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string }>().id;
  };

  it('plans a session at Amsterdam time and shows it to coach and members only', async () => {
    const id = await plan('2026-10-27', '15:30');
    const detail = (await as.coach!.request('GET', `/api/sessions/${id}`)).json();
    expect(detail.startsAt).toBe('2026-10-27T14:30:00.000Z'); // CET after the last Sunday of October
    expect(detail.participants).toHaveLength(8);
    expect((await as.coachee0!.request('GET', `/api/sessions/${id}`)).json().participants).toBeNull();
    expect((await as.outsider!.request('GET', `/api/sessions/${id}`)).statusCode).toBe(404);
    expect((await as.leercoach!.request('GET', `/api/sessions/${id}`)).statusCode).toBe(404);
    expect((await as.senior!.request('GET', `/api/sessions/${id}`)).statusCode).toBe(200);
    const list = (await as.coachee0!.request('GET', '/api/sessions')).json();
    expect(list.sessions.map((s: { id: string }) => s.id)).toContain(id);
  });

  it('takes RSVPs with a reason, shows the coach who is coming, and refuses outsiders', async () => {
    const id = await plan();
    expect((await as.coachee0!.request('PUT', `/api/sessions/${id}/rsvp`, { response: 'coming' })).statusCode).toBe(200);
    expect((await as.coachee1!.request('PUT', `/api/sessions/${id}/rsvp`, { response: 'notComing', reason: 'tandarts' })).statusCode).toBe(200);
    expect((await as.outsider!.request('PUT', `/api/sessions/${id}/rsvp`, { response: 'coming' })).statusCode).toBe(404);
    expect((await as.coach!.request('PUT', `/api/sessions/${id}/rsvp`, { response: 'coming' })).statusCode).toBe(404);
    const detail = (await as.coach!.request('GET', `/api/sessions/${id}`)).json();
    expect(detail.counts).toEqual({ coming: 1, notComing: 1, invited: 8 });
    expect(detail.participants.find((p: { id: string }) => p.id === ids.coachees[1]).reason).toBe('tandarts');
    const senior = (await as.senior!.request('GET', `/api/sessions/${id}`)).json();
    expect(senior.participants.find((p: { id: string }) => p.id === ids.coachees[1]).reason).toBeUndefined();
    // A NUL character cannot be stored in text: a field message in the person's language, and the
    // answer before it stays.
    const nul = await as.coachee1!.request('PUT', `/api/sessions/${id}/rsvp`, { response: 'notComing', reason: 'ziek\u0000' }, { 'accept-language': 'en' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.fields).toEqual([{ path: 'reason', message: 'This text contains a character that cannot be stored (a null character or half of an emoji).' }]);
    const nulNl = await as.coachee1!.request('PUT', `/api/sessions/${id}/rsvp`, { response: 'notComing', reason: 'ziek\u0000' }, { 'accept-language': 'nl' });
    expect(nulNl.json().error.fields[0].message).toBe('Deze tekst bevat een teken dat niet kan worden opgeslagen (een nulteken of een half emoji-teken).');
    expect((await as.coach!.request('GET', `/api/sessions/${id}`)).json().participants.find((p: { id: string }) => p.id === ids.coachees[1]).reason).toBe('tandarts');
  });

  it('shows an RSVP reason to the organising coach only: not the coordinator, the senior coach or anyone else who reads the session', async () => {
    const id = await plan();
    expect((await as.coachee1!.request('PUT', `/api/sessions/${id}/rsvp`, { response: 'notComing', reason: 'naar de huisarts' })).statusCode).toBe(200);
    const reasonOf = (body: { participants: { id: string; reason?: string }[] | null }) => body.participants?.find((p) => p.id === ids.coachees[1])?.reason;
    const coach = await as.coach!.request('GET', `/api/sessions/${id}`);
    expect(reasonOf(coach.json())).toBe('naar de huisarts');
    for (const who of ['coordinator', 'senior', 'coachee0', 'coachee1']) {
      const r = await as[who]!.request('GET', `/api/sessions/${id}`);
      expect(r.statusCode, who).toBe(200);
      expect(reasonOf(r.json()), who).toBeUndefined();
      expect(r.body, who).not.toContain('huisarts');
    }
    // The coordinator still sees who comes and who sent notice, without the why.
    expect((await as.coordinator!.request('GET', `/api/sessions/${id}`)).json().participants.find((p: { id: string }) => p.id === ids.coachees[1]).rsvp).toBe('notComing');
  });

  it('marks attendance per item: an outsider fails alone, changes are kept, the window closes after 7 days', async () => {
    const id = await plan();
    t.setNow(new Date('2026-10-06T15:00:00Z'));
    const marks = ids.coachees.map((personId, i) => ({ personId, status: i === 1 ? 'absentWithNotice' : i === 2 ? 'late' : 'present' }));
    const r = await as.coach!.request('POST', `/api/sessions/${id}/attendance`, { marks: [...marks, { personId: ids.outsider, status: 'present' }] });
    expect(r.statusCode).toBe(200);
    const results = r.json().results;
    expect(results.filter((x: { ok: boolean }) => x.ok)).toHaveLength(8);
    expect(results.at(-1)).toMatchObject({ personId: ids.outsider, ok: false, error: { code: 'not_a_participant' } });
    t.setNow(new Date('2026-10-08T10:00:00Z'));
    await as.coach!.request('POST', `/api/sessions/${id}/attendance`, { marks: [{ personId: ids.coachees[2]!, status: 'present' }] });
    const history = (await as.senior!.request('GET', `/api/sessions/${id}/attendance/history`)).json().changes;
    expect(history).toHaveLength(9);
    expect(history.at(-1)).toMatchObject({ personId: ids.coachees[2], fromStatus: 'late', toStatus: 'present' });
    expect((await as.coachee0!.request('POST', `/api/sessions/${id}/attendance`, { marks })).statusCode).toBe(404);
    expect((await as.senior!.request('POST', `/api/sessions/${id}/attendance`, { marks })).statusCode).toBe(404);
    t.setNow(new Date('2026-10-14T10:00:00Z'));
    const late = await as.coach!.request('POST', `/api/sessions/${id}/attendance`, { marks });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('attendance_closed');
  });

  it('lets the coach write a logbook that the senior and coordinator read, never the leercoach', async () => {
    const id = await plan();
    t.setNow(new Date('2026-10-06T17:00:00Z')); // the logbook follows the session
    const answers = { 'logbook-what-we-did': 'Klets-kwartiertje en doelenbrief', 'logbook-how-it-went': 4, 'logbook-need': ['nothing'] };
    expect((await as.coach!.request('PUT', `/api/sessions/${id}/logbook`, { answers: { 'logbook-how-it-went': 4 } })).statusCode).toBe(400);
    expect((await as.coach!.request('PUT', `/api/sessions/${id}/logbook`, { answers, activityIds: ['klets-kwartiertje'], forIntervision: true })).statusCode).toBe(200);
    expect((await as.senior!.request('GET', `/api/sessions/${id}/logbook`)).json().entry.forIntervision).toBe(true);
    expect((await as.coordinator!.request('GET', '/api/logbooks')).json().entries).toHaveLength(1);
    expect((await as.leercoach!.request('GET', '/api/logbooks')).json().entries).toHaveLength(0);
    expect((await as.coachee0!.request('GET', `/api/sessions/${id}/logbook`)).json().entry).toBeNull();
    expect((await as.senior!.request('PUT', `/api/sessions/${id}/logbook`, { answers })).statusCode).toBe(404);
    // Written in time: no logbook reminder two days later.
    t.setNow(new Date('2026-10-09T18:00:00Z'));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect((await t.services.db.select().from(mailOutbox)).filter((m) => m.recipient === 'coach@test.example')).toHaveLength(0);
  });

  it('records the activities the coach actually used, from the whole library including their own, and refuses others', async () => {
    const id = await plan();
    t.setNow(new Date('2026-10-06T17:00:00Z')); // the logbook follows the session
    const answers = { 'logbook-what-we-did': 'Over de streep en speeddaten', 'logbook-how-it-went': 4, 'logbook-need': ['nothing'] };
    const activity = async (who: Client, title: string, shared: boolean) => {
      const r = await who.request('POST', '/api/activities', { title, goal: 'Kennismaken', theme: 'kennismaken', phases: ['start'], durationMinutes: 20, groupSize: { min: 4, max: 10 }, steps: ['Rijen', 'Wisselen'], shared });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ id: string }>().id;
    };
    const own = await activity(as.coach!, 'Speeddaten (eigen)', false);
    const colleagues = await activity(as.senior!, 'Ballonnenspel', true);
    const colleaguesPrivate = await activity(as.senior!, 'Geheim spel', false);
    const write = (activityIds: string[]) => as.coach!.request('PUT', `/api/sessions/${id}/logbook`, { answers, activityIds });
    // No plan on this session: the coach names what they did, in the order they did it.
    expect((await write(['over-de-streep', own, colleagues])).statusCode).toBe(200);
    const entry = async (who: Client) => (await who.request('GET', `/api/sessions/${id}/logbook`)).json<LogbookEntryResponse>().entry!;
    expect((await entry(as.coach!)).activityIds).toEqual(['over-de-streep', own, colleagues]);
    // The senior coach reads the titles, also of the coach's own activity they cannot browse.
    expect((await entry(as.senior!)).activities.map((a) => a.title)).toEqual(['Over de streep', 'Speeddaten (eigen)', 'Ballonnenspel']);
    expect((await as.senior!.request('GET', `/api/activities/${own}`)).statusCode).toBe(404);
    // Unknown, someone else's private, or twice: refused per item, nothing changes.
    for (const [ids, bad] of [
      [['bestaat-niet'], 'activityIds.0'],
      [['over-de-streep', colleaguesPrivate], 'activityIds.1'],
      [['over-de-streep', 'over-de-streep'], 'activityIds.1'],
    ] as const) {
      const r = await write([...ids]);
      expect(r.statusCode, ids.join()).toBe(400);
      expect(r.json().error.fields.map((f: { path: string }) => f.path)).toEqual([bad]);
    }
    expect((await entry(as.coach!)).activityIds).toEqual(['over-de-streep', own, colleagues]);
    // An activity removed from the library since does not block editing the rest of the entry.
    expect((await as.coach!.request('DELETE', `/api/activities/${own}`)).statusCode).toBe(200);
    expect((await write(['over-de-streep', own])).statusCode).toBe(200);
    expect((await entry(as.coach!)).activities).toEqual([expect.objectContaining({ id: 'over-de-streep' }), { id: own, title: null, durationMinutes: 0 }]);
    expect((await write(['over-de-streep', own, colleaguesPrivate])).statusCode).toBe(400);
    // English readers get the English titles of the built-in ones.
    const english = await as.coach!.request('GET', `/api/sessions/${id}/logbook`, undefined, { 'accept-language': 'en' });
    expect(english.json().entry.activities[0].title).not.toBe('Over de streep');
  });

  it("gives senior coaches and coordinators the logbooks of their own coaches only", async () => {
    const id = await plan();
    t.setNow(new Date('2026-10-06T17:00:00Z')); // the logbook follows the session
    expect((await as.coach!.request('PUT', `/api/sessions/${id}/logbook`, { answers: { 'logbook-what-we-did': 'x', 'logbook-how-it-went': 3, 'logbook-need': ['nothing'] } })).statusCode).toBe(200);
    const f = t.factories;
    const otherProgramme = await f.programme(ids.institution);
    await f.person({ institutionId: ids.institution, programmeId: ids.programme, roles: ['seniorcoach', 'studentcoach'], email: 'other-senior@test.example', password: PASSWORD });
    await f.person({ institutionId: ids.institution, programmeId: otherProgramme.id, roles: ['coordinator'], email: 'other-coordinator@test.example', password: PASSWORD });
    t.setNow(new Date());
    const otherSenior = await signedIn(app, 'other-senior@test.example', PASSWORD);
    const otherCoordinator = await signedIn(app, 'other-coordinator@test.example', PASSWORD);
    t.setNow(NOW);
    expect((await as.senior!.request('GET', '/api/logbooks')).json().entries).toHaveLength(1);
    expect((await as.coordinator!.request('GET', '/api/logbooks')).json().entries).toHaveLength(1);
    for (const who of [otherSenior, otherCoordinator]) {
      expect((await who.request('GET', '/api/logbooks')).json().entries).toHaveLength(0);
      expect((await who.request('GET', `/api/sessions/${id}/logbook`)).statusCode).toBe(404);
    }
  });

  it('keeps one-on-one notes private to the coach; others see only that it took place', async () => {
    const r = await as.coach!.request('POST', `/api/communities/${ids.community}/sessions`, { type: 'oneOnOne', coacheeId: ids.coachees[0], date: '2026-10-07', startTime: '12:00', durationMinutes: 30 });
    const id = r.json<{ id: string }>().id;
    const coachingData = (decision: string) => as.coachee0!.request('PUT', '/api/me/consents/coaching-data', { decision, textVersion: 1, shownLocale: 'nl' });
    // Notes are coaching data: none without the coachee's consent.
    const refused = await as.coach!.request('PUT', `/api/sessions/${id}/one-on-one-note`, { body: 'Zorgen over thuis' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('consent_required');
    expect((await as.coach!.request('GET', `/api/sessions/${id}`)).json().oneOnOne).toMatchObject({ noteBody: null, consented: false });
    expect((await coachingData('grant')).statusCode).toBe(200);
    expect((await as.coach!.request('PUT', `/api/sessions/${id}/one-on-one-note`, { body: 'Zorgen over thuis' })).statusCode).toBe(200);
    expect((await as.coach!.request('GET', `/api/sessions/${id}`)).json().oneOnOne).toMatchObject({ noteBody: 'Zorgen over thuis', consented: true });
    for (const who of ['senior', 'coordinator', 'coachee0']) {
      const d = await as[who]!.request('GET', `/api/sessions/${id}`);
      expect(d.statusCode, who).toBe(200);
      expect(d.json().oneOnOne.noteBody, who).toBeNull();
      expect(d.body, who).not.toContain('Zorgen');
    }
    expect((await as.coachee1!.request('GET', `/api/sessions/${id}`)).statusCode).toBe(404);
    // Withdrawn: the coach's next read shows no notes and a write is refused; the notes are kept
    // and come back when the coachee consents again.
    expect((await coachingData('withdraw')).statusCode).toBe(200);
    const afterWithdrawal = await as.coach!.request('GET', `/api/sessions/${id}`);
    expect(afterWithdrawal.json().oneOnOne).toMatchObject({ noteBody: null, consented: false });
    expect(afterWithdrawal.body).not.toContain('Zorgen');
    expect((await as.coach!.request('PUT', `/api/sessions/${id}/one-on-one-note`, { body: 'Nog iets' })).statusCode).toBe(403);
    expect((await coachingData('grant')).statusCode).toBe(200);
    expect((await as.coach!.request('GET', `/api/sessions/${id}`)).json().oneOnOne.noteBody).toBe('Zorgen over thuis');
    const outsiderOneOnOne = await as.coach!.request('POST', `/api/communities/${ids.community}/sessions`, { type: 'oneOnOne', coacheeId: ids.outsider, date: '2026-10-07', startTime: '12:00', durationMinutes: 30 });
    expect(outsiderOneOnOne.statusCode).toBe(422);
  });

  it('shows a check-in to the coach only while the coachee shares it, and records the read', async () => {
    const id = await plan();
    expect((await as.coachee0!.request('PUT', `/api/sessions/${id}/checkin`, { score: 7 })).statusCode).toBe(200);
    expect((await as.coachee0!.request('PUT', `/api/sessions/${id}/checkin`, { score: 11 })).statusCode).toBe(400);
    const mine = (await as.coachee0!.request('GET', '/api/me/checkins')).json();
    expect(mine.checkins.map((c: { score: number }) => c.score)).toEqual([7]);
    expect(mine.sharedWithCoach).toBe(false);
    const coachSees = async () =>
      (await as.coach!.request('GET', `/api/sessions/${id}`)).json<{ participants: { id: string; checkin?: number | null }[] }>().participants.find((p) => p.id === ids.coachees[0])?.checkin;
    expect(await coachSees()).toBeNull();
    const consent = (decision: string) => as.coachee0!.request('PUT', '/api/me/consents/share-checkins-with-coach', { decision, textVersion: mine.consent.version, shownLocale: 'nl' });
    const coachingData = (decision: string) => as.coachee0!.request('PUT', '/api/me/consents/coaching-data', { decision, textVersion: 1, shownLocale: 'nl' });
    expect((await consent('grant')).statusCode).toBe(200);
    // Sharing alone is not enough: the consent for coaching data must hold too.
    expect(await coachSees()).toBeNull();
    expect((await coachingData('grant')).statusCode).toBe(200);
    expect(await coachSees()).toBe(7);
    const reads = (await as.coachee0!.request('GET', '/api/me/reads')).json();
    expect(JSON.stringify(reads)).toContain('checkin');
    // Withdrawing the consent for coaching data stops the coach's next read, with the share standing.
    await coachingData('withdraw');
    expect(await coachSees()).toBeNull();
    expect((await as.coachee0!.request('GET', '/api/me/checkins')).json()).toMatchObject({ sharedWithCoach: true, coachingDataConsent: false });
    await coachingData('grant');
    expect(await coachSees()).toBe(7);
    await consent('withdraw');
    expect(await coachSees()).toBeNull();
    expect((await as.senior!.request('GET', `/api/sessions/${id}`)).json().participants.every((p: { checkin?: number }) => p.checkin === undefined)).toBe(true);
  });

  it('collects the closing questions and shows them to the coach without names', async () => {
    const id = await plan();
    expect((await as.coachee0!.request('PUT', `/api/sessions/${id}/feedback`, { answers: { 'close-rating': 5, 'close-next-topics': ['exams'] } })).statusCode).toBe(200);
    expect((await as.coachee0!.request('PUT', `/api/sessions/${id}/feedback`, { answers: { 'close-rating': 9 } })).statusCode).toBe(400);
    const detail = (await as.coach!.request('GET', `/api/sessions/${id}`)).json();
    expect(detail.feedback).toEqual([{ 'close-rating': 5, 'close-next-topics': ['exams'] }]);
  });

  it('moves and cancels a session, telling every member by e-mail', async () => {
    const id = await plan();
    const moved = await as.coach!.request('PUT', `/api/sessions/${id}`, { date: '2026-10-08', startTime: '10:00', durationMinutes: 60, location: 'Aula', version: 1 });
    expect(moved.statusCode).toBe(200);
    expect((await as.coach!.request('PUT', `/api/sessions/${id}`, { date: '2026-10-08', startTime: '10:00', durationMinutes: 60, location: 'Aula', version: 1 })).statusCode).toBe(409);
    expect((await as.coach!.request('POST', `/api/sessions/${id}/cancel`, { version: 2 })).statusCode).toBe(200);
    const mails = await t.services.db.select().from(mailOutbox);
    expect(mails).toHaveLength(16);
    expect(mails.every((m) => !m.bodyText.includes('Voornaam'))).toBe(true);
  });

  it('generates the year plan from the intake settings, skipping holidays, and flags gaps', async () => {
    t.setNow(new Date('2026-08-20T10:00:00Z'));
    const holidays = [
      { name: 'Herfstvakantie', from: '2026-10-17', to: '2026-10-25' },
      { name: 'Kerstvakantie', from: '2026-12-19', to: '2027-01-03' },
    ];
    expect((await as.coordinator!.request('PUT', `/api/programmes/${ids.programme}/holidays/2026-2027`, { holidays })).statusCode).toBe(200);
    expect((await as.coach!.request('PUT', `/api/programmes/${ids.programme}/holidays/2026-2027`, { holidays })).statusCode).toBe(404);
    const r = await as.coach!.request('POST', `/api/communities/${ids.community}/year-plan`, { weekday: 2, startTime: '15:30', durationMinutes: 90 });
    expect(r.statusCode, r.body).toBe(200);
    const yearPlan = r.json();
    expect(yearPlan.created).toBeGreaterThan(10);
    expect(yearPlan.gaps).toEqual([]);
    // Cancel everything after Christmas: the gap must show.
    for (const s of yearPlan.sessions.filter((x: { startsAt: string }) => x.startsAt > '2027-01-01')) {
      expect((await as.coach!.request('POST', `/api/sessions/${s.id}/cancel`, { version: 1 })).statusCode).toBe(200);
    }
    const after = (await as.coachee0!.request('GET', `/api/communities/${ids.community}/year-plan`)).json();
    expect(after.gaps.map((g: { kind: string }) => g.kind)).toEqual(['end']);
    expect((await as.coachee0!.request('POST', `/api/communities/${ids.community}/year-plan`, { weekday: 2, startTime: '15:30', durationMinutes: 90 })).statusCode).toBe(404);
  });

  it('serves a secret calendar feed that follows changes and dies when regenerated', async () => {
    const id = await plan();
    const { url } = (await as.coachee0!.request('POST', '/api/me/calendar-feed')).json<{ url: string }>();
    const path = new URL(url).pathname;
    const feed = async () => {
      const r = await app.inject({ method: 'GET', url: path });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('text/calendar');
      const cal = new ICAL.Component(ICAL.parse(r.body) as unknown[]);
      return { body: r.body, events: cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)) };
    };
    const first = await feed();
    expect(first.events).toHaveLength(1);
    expect(first.events[0]!.startDate.toJSDate().toISOString()).toBe('2026-10-06T13:30:00.000Z');
    expect(first.body).not.toMatch(/Voornaam|Achternaam|@test\.example/);
    await as.coach!.request('PUT', `/api/sessions/${id}`, { date: '2026-10-09', startTime: '11:00', durationMinutes: 60, location: 'Aula', version: 1 });
    expect((await feed()).events[0]!.startDate.toJSDate().toISOString()).toBe('2026-10-09T09:00:00.000Z');
    await as.coachee0!.request('POST', '/api/me/calendar-feed');
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    // A coach's feed holds their community's sessions and the programme's coach trainings.
    const training = await as.coordinator!.request('POST', `/api/programmes/${ids.programme}/sessions`, { type: 'coachTraining', title: 'Gesprekstechnieken', date: '2026-10-13', startTime: '17:00', durationMinutes: 120 });
    expect(training.statusCode, training.body).toBe(201);
    const coachFeed = new URL((await as.coach!.request('POST', '/api/me/calendar-feed')).json<{ url: string }>().url).pathname;
    const coachCalendar = new ICAL.Component(ICAL.parse((await app.inject({ method: 'GET', url: coachFeed })).body) as unknown[]);
    const starts = coachCalendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).startDate.toJSDate().toISOString());
    expect(starts.sort()).toEqual(['2026-10-09T09:00:00.000Z', '2026-10-13T15:00:00.000Z']);
  });

  it('sends the reminder the day before exactly once, across a restart, with an RSVP link that needs a confirm', async () => {
    const id = await plan('2026-10-08', '15:30');
    await as.coachee1!.request('PUT', `/api/sessions/${id}/rsvp`, { response: 'notComing', reason: 'ziek' });
    // Restart: a new app on the same database still has the job.
    await app.close();
    app = await buildApp({ services: t.services });
    t.setNow(new Date('2026-10-07T14:00:00Z'));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    const mails = (await t.services.db.select().from(mailOutbox)).filter((m) => m.subject.startsWith('Morgen'));
    expect(mails).toHaveLength(7);
    const link = /\/rsvp#([A-Za-z0-9_-]+)/.exec(mails[0]!.bodyText)![1]!;
    const visitor = await anonymous(app);
    const info = await visitor.request('POST', '/api/rsvp-link', { token: link });
    expect(info.statusCode).toBe(200);
    expect(info.json().response).toBeNull();
    expect((await visitor.request('POST', '/api/rsvp-link/answer', { token: link, response: 'coming' })).statusCode).toBe(200);
    expect((await visitor.request('POST', '/api/rsvp-link', { token: link })).json().response).toBe('coming');
    expect((await visitor.request('POST', '/api/rsvp-link', { token: 'x'.repeat(43) })).statusCode).toBe(400);
    // Logbook reminder two days after, only while no entry exists.
    t.setNow(new Date('2026-10-10T18:00:00Z'));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    const nudges = (await t.services.db.select().from(mailOutbox)).filter((m) => m.recipient === 'coach@test.example');
    expect(nudges).toHaveLength(1);
  });

  it('signals three missed sessions in a row to coach and coordinator; the leercoach sees class figures only', async () => {
    const sessionIds = [await plan('2026-09-08'), await plan('2026-09-22'), await plan('2026-10-06'), await plan('2026-10-20')];
    for (const [i, id] of sessionIds.entries()) {
      const s = (await as.coach!.request('GET', `/api/sessions/${id}`)).json();
      t.setNow(new Date(new Date(s.startsAt).getTime() + 3_600_000));
      const r = await as.coach!.request('POST', `/api/sessions/${id}/attendance`, { marks: ids.coachees.map((personId, j) => ({ personId, status: j === 0 && i > 0 ? 'absent' : 'present' })) });
      expect(r.statusCode).toBe(200);
    }
    const signals = (await as.coach!.request('GET', '/api/attendance-signals')).json().signals;
    expect(signals).toHaveLength(1);
    expect(signals[0].coachee.id).toBe(ids.coachees[0]);
    expect((await as.coordinator!.request('GET', '/api/attendance-signals')).json().signals).toHaveLength(1);
    expect((await as.coachee0!.request('GET', '/api/attendance-signals')).json().signals).toHaveLength(0);
    const klass = await as.leercoach!.request('GET', `/api/classes/${ids.klass}/attendance`);
    expect(klass.statusCode).toBe(200);
    expect(klass.json().students.find((s: { id: string }) => s.id === ids.coachees[0]).missedInARow).toBe(3);
    const insight = (await as.leercoach!.request('GET', `/api/communities/${ids.community}/attendance`)).json();
    expect(insight.coachees).toHaveLength(8);
    expect((await as.coach!.request('GET', `/api/classes/${ids.klass}/attendance`)).statusCode).toBe(404);
  });

  it('lets the leercoach post a programme update that coaches see', async () => {
    expect((await as.leercoach!.request('POST', `/api/programmes/${ids.programme}/updates`, { title: 'Nieuw blok', body: 'Vanaf periode 2 start het project.' })).statusCode).toBe(201);
    expect((await as.coach!.request('POST', `/api/programmes/${ids.programme}/updates`, { title: 'x', body: 'y' })).statusCode).toBe(404);
    expect((await as.coach!.request('GET', '/api/programme-updates')).json().updates[0].title).toBe('Nieuw blok');
    expect((await as.coachee0!.request('GET', '/api/programme-updates')).json().updates).toHaveLength(0);
  });

  it('serves the activity library with filters, own activities and session plans', async () => {
    const all = (await as.coach!.request('GET', '/api/activities')).json();
    expect(all.activities.filter((a: { builtIn: boolean }) => a.builtIn)).toHaveLength(33);
    const start = (await as.coach!.request('GET', '/api/activities?phase=start&theme=kennismaken')).json();
    expect(start.activities.every((a: { theme: string; phases: string[] }) => a.theme === 'kennismaken' && a.phases.includes('start'))).toBe(true);
    const created = await as.coach!.request('POST', '/api/activities', { title: 'Speeddaten', goal: 'Snel kennismaken', theme: 'kennismaken', phases: ['start'], durationMinutes: 20, groupSize: { min: 4, max: 10 }, steps: ['Twee rijen', 'Wissel elke 2 minuten'], shared: true });
    expect(created.statusCode).toBe(201);
    expect((await as.coachee0!.request('POST', '/api/activities', { title: 'x', goal: 'y', theme: 'kennismaken', phases: ['start'], durationMinutes: 20, groupSize: { min: 1, max: 2 }, steps: ['a'] })).statusCode).toBe(404);
    const plan = await as.coach!.request('POST', '/api/session-plans', { title: 'Eerste keer', activityIds: ['klets-kwartiertje', created.json().id], shared: true });
    expect(plan.statusCode).toBe(201);
    expect((await as.coach!.request('POST', '/api/session-plans', { title: 'x', activityIds: ['bestaat-niet'] })).statusCode).toBe(400);
    expect((await as.senior!.request('GET', '/api/session-plans')).json().plans[0].durationMinutes).toBe(35);
  });
});
