/**
 * The server side of the session screens (#4): the activity library with filters, own activities
 * and session plans (private or shared; edits the author's), the plan used on a session, check-in
 * histories reaching the coach only while shared, the leercoach's class figures, and the
 * coordinator's year plan of an intake with its gaps.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { createTestApp } from '../support/app';
import { anonymous, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const PASSWORD = 'correct horse battery staple';

let address = 0;
async function signedIn(app: FastifyInstance, email: string): Promise<Client> {
  address++;
  const client = await anonymous(app, { remoteAddress: `10.5.${Math.floor(address / 250)}.${address % 250}` });
  const response = await client.request('POST', '/api/auth/sign-in', { email, password: PASSWORD });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for the test: ${response.statusCode}`);
  client.csrf = response.json<{ csrfToken: string }>().csrfToken;
  return client;
}

const NOW = new Date('2026-10-05T10:00:00Z');
const activity = (overrides: Record<string, unknown> = {}) => ({
  title: 'Speeddaten',
  goal: 'Snel kennismaken met iedereen',
  theme: 'kennismaken',
  phases: ['start'],
  durationMinutes: 20,
  groupSize: { min: 4, max: 10 },
  materials: ['Stopwatch'],
  steps: ['Zet twee rijen stoelen neer', 'Wissel elke twee minuten'],
  shared: false,
  ...overrides,
});

describe(`session screens on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let ids: { programme: string; intake: string; community: string; otherCommunity: string; klass: string; coach: string; coachees: string[] };
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
    const otherCoach = await p(['studentcoach'], 'othercoach@test.example');
    const senior = await p(['seniorcoach', 'studentcoach'], 'senior@test.example');
    await p(['coordinator'], 'coordinator@test.example');
    const leercoach = await p(['leercoach'], 'leercoach@test.example');
    const coachees = [];
    for (let i = 0; i < 4; i++) coachees.push(await p(['coachee'], `coachee${i}@test.example`));
    const others = [];
    for (let i = 0; i < 2; i++) others.push(await p(['coachee'], `other${i}@test.example`));
    const klass = await f.class(intake.id, { leercoachId: leercoach.id });
    for (const c of [...coachees, others[0]!]) await f.enrol(klass.id, c.id);
    await f.supervise(senior.id, coach.id, prog.id);
    const community = await f.community({ intakeId: intake.id, name: 'Community Noord', coachId: coach.id, classId: klass.id, memberIds: coachees.map((c) => c.id) });
    const otherCommunity = await f.community({ intakeId: intake.id, name: 'Community Zuid', coachId: otherCoach.id, memberIds: others.map((c) => c.id) });
    ids = { programme: prog.id, intake: intake.id, community: community.id, otherCommunity: otherCommunity.id, klass: klass.id, coach: coach.id, coachees: coachees.map((c) => c.id) };
    for (const who of ['coach', 'othercoach', 'senior', 'coordinator', 'leercoach', 'coachee0', 'coachee1']) as[who] = await signedIn(app, `${who}@test.example`);
    t.setNow(NOW);
  });

  it('filters the library by phase, theme, duration, group size and text, in both languages', async () => {
    const all = (await as.coach!.request('GET', '/api/activities')).json<{ activities: { id: string; durationMinutes: number; groupSize: { min: number; max: number } }[] }>();
    expect(all.activities.length).toBeGreaterThanOrEqual(25);
    const short = (await as.coach!.request('GET', '/api/activities?maxMinutes=15')).json<typeof all>();
    expect(short.activities.length).toBeGreaterThan(0);
    expect(short.activities.every((a) => a.durationMinutes <= 15)).toBe(true);
    const big = (await as.coach!.request('GET', '/api/activities?groupSize=11')).json<typeof all>();
    expect(big.activities.every((a) => a.groupSize.min <= 11 && a.groupSize.max >= 11)).toBe(true);
    expect(big.activities.length).toBeGreaterThan(0);
    expect(big.activities.length).toBeLessThan(all.activities.length);
    const found = (await as.coach!.request('GET', '/api/activities?q=streep')).json<typeof all>();
    expect(found.activities.map((a) => a.id)).toContain('over-de-streep');
    expect((await as.coach!.request('GET', '/api/activities?maxMinutes=abc')).statusCode).toBe(400);
    const nl = (await as.coachee0!.request('GET', '/api/activities/klets-kwartiertje')).json<{ title: string; steps: string[]; materials: string[] }>();
    const en = (await as.coachee0!.request('GET', '/api/activities/klets-kwartiertje', undefined, { 'accept-language': 'en' })).json<{ title: string }>();
    expect(nl.title).toContain('Klets-kwartiertje');
    expect(en.title).toContain('Chat quarter');
    expect(nl.steps.length).toBeGreaterThan(2);
    expect((await as.coach!.request('GET', '/api/activities/bestaat-niet')).statusCode).toBe(404);
  });

  it('keeps own activities private or shares them with coaches; only the author changes or removes them', async () => {
    const privateOne = await as.coach!.request('POST', '/api/activities', activity());
    expect(privateOne.statusCode, privateOne.body).toBe(201);
    const privateId = privateOne.json<{ id: string }>().id;
    const sharedId = (await as.coach!.request('POST', '/api/activities', activity({ title: 'Levenslijn', shared: true }))).json<{ id: string }>().id;
    const titlesFor = async (who: string) => (await as[who]!.request('GET', '/api/activities?theme=kennismaken')).json<{ activities: { title: string }[] }>().activities.map((a) => a.title);
    expect(await titlesFor('coach')).toEqual(expect.arrayContaining(['Speeddaten', 'Levenslijn']));
    expect(await titlesFor('othercoach')).toContain('Levenslijn');
    expect(await titlesFor('othercoach')).not.toContain('Speeddaten');
    expect(await titlesFor('coachee0')).not.toContain('Levenslijn');
    expect((await as.othercoach!.request('GET', `/api/activities/${privateId}`)).statusCode).toBe(404);
    expect((await as.othercoach!.request('GET', `/api/activities/${sharedId}`)).json().authorName).toMatch(/^Voornaam/);
    // Bad input: a clear field error and nothing changed.
    const bad = await as.coach!.request('PUT', `/api/activities/${sharedId}`, activity({ groupSize: { min: 9, max: 3 } }));
    expect(bad.statusCode).toBe(400);
    expect((await as.coach!.request('GET', `/api/activities/${sharedId}`)).json().title).toBe('Levenslijn');
    expect((await as.othercoach!.request('PUT', `/api/activities/${sharedId}`, activity({ title: 'Gekaapt', shared: true }))).statusCode).toBe(404);
    expect((await as.othercoach!.request('DELETE', `/api/activities/${sharedId}`)).statusCode).toBe(404);
    expect((await as.coach!.request('PUT', `/api/activities/klets-kwartiertje`, activity())).statusCode).toBe(404);
    expect((await as.coach!.request('PUT', `/api/activities/${sharedId}`, activity({ title: 'Levenslijn 2', shared: true }))).statusCode).toBe(200);
    expect((await as.coach!.request('GET', `/api/activities/${sharedId}`)).json().title).toBe('Levenslijn 2');
    for (const who of ['coachee0', 'leercoach']) expect((await as[who]!.request('POST', '/api/activities', activity())).statusCode, who).toBe(404);
    // Removing an activity takes it out of the plans that used it.
    const plan = (await as.coach!.request('POST', '/api/session-plans', { title: 'Start', activityIds: ['klets-kwartiertje', sharedId] })).json<{ id: string }>().id;
    expect((await as.coach!.request('DELETE', `/api/activities/${sharedId}`)).statusCode).toBe(200);
    expect((await as.coach!.request('GET', `/api/session-plans/${plan}`)).json().activityIds).toEqual(['klets-kwartiertje']);
  });

  it('builds session plans whose minutes add up, shares them, and puts one on a session for the coach to see', async () => {
    const own = (await as.coach!.request('POST', '/api/activities', activity({ durationMinutes: 25 }))).json<{ id: string }>().id;
    const created = await as.coach!.request('POST', '/api/session-plans', { title: 'Eerste bijeenkomst', activityIds: ['klets-kwartiertje', own, 'over-de-streep'], notes: 'Stoelen in een kring', shared: false });
    expect(created.statusCode, created.body).toBe(201);
    const planId = created.json<{ id: string }>().id;
    const plan = (await as.coach!.request('GET', `/api/session-plans/${planId}`)).json<{ durationMinutes: number; activities: { id: string; durationMinutes: number; title: string }[] }>();
    expect(plan.activities.map((a) => a.id)).toEqual(['klets-kwartiertje', own, 'over-de-streep']);
    expect(plan.durationMinutes).toBe(plan.activities.reduce((n, a) => n + a.durationMinutes, 0));
    expect(plan.activities[1]).toMatchObject({ title: 'Speeddaten', durationMinutes: 25 });
    expect((await as.othercoach!.request('GET', `/api/session-plans/${planId}`)).statusCode).toBe(404);
    expect((await as.coach!.request('PUT', `/api/session-plans/${planId}`, { title: 'Eerste bijeenkomst', activityIds: ['klets-kwartiertje', 'over-de-streep'], shared: true })).statusCode).toBe(200);
    expect((await as.othercoach!.request('GET', '/api/session-plans')).json().plans.map((p: { id: string }) => p.id)).toContain(planId);
    expect((await as.othercoach!.request('PUT', `/api/session-plans/${planId}`, { title: 'x', activityIds: ['klets-kwartiertje'] })).statusCode).toBe(404);
    expect((await as.coach!.request('POST', '/api/session-plans', { title: 'Leeg', activityIds: [] })).statusCode).toBe(400);
    // Used when preparing a session: the coach sees the plan, the coachees do not.
    const session = (await as.coach!.request('POST', `/api/communities/${ids.community}/sessions`, { type: 'community', date: '2026-10-06', startTime: '15:30', durationMinutes: 90, location: 'Lokaal 2.14' })).json<{ id: string }>().id;
    expect((await as.coach!.request('PUT', `/api/sessions/${session}/plan`, { planId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    expect((await as.coachee0!.request('PUT', `/api/sessions/${session}/plan`, { planId })).statusCode).toBe(404);
    expect((await as.coach!.request('PUT', `/api/sessions/${session}/plan`, { planId })).statusCode).toBe(200);
    const detail = (await as.coach!.request('GET', `/api/sessions/${session}`)).json();
    expect(detail.plan).toMatchObject({ id: planId, title: 'Eerste bijeenkomst' });
    expect(detail.plan.activities).toHaveLength(2);
    expect((await as.senior!.request('GET', `/api/sessions/${session}`)).json().plan.id).toBe(planId);
    expect((await as.coachee0!.request('GET', `/api/sessions/${session}`)).json().plan).toBeNull();
    expect((await as.coach!.request('DELETE', `/api/session-plans/${planId}`)).statusCode).toBe(200);
    expect((await as.coach!.request('GET', `/api/sessions/${session}`)).json().plan).toBeNull();
  });

  it('shows the coach check-in histories only of members who share them, records the read, stops on withdrawal', async () => {
    const session = (await as.coach!.request('POST', `/api/communities/${ids.community}/sessions`, { type: 'community', date: '2026-10-05', startTime: '11:30', durationMinutes: 90 })).json<{ id: string }>().id;
    await as.coachee0!.request('PUT', `/api/sessions/${session}/checkin`, { score: 6 });
    await as.coachee1!.request('PUT', `/api/sessions/${session}/checkin`, { score: 3 });
    const mine = (await as.coachee0!.request('GET', '/api/me/checkins')).json();
    expect(mine.checkins.map((c: { score: number }) => c.score)).toEqual([6]);
    const histories = async (who: string) => (await as[who]!.request('GET', `/api/communities/${ids.community}/checkins`)).json<{ sharing: { id: string; checkins: { score: number }[] }[]; memberCount: number }>();
    expect((await histories('coach')).sharing).toEqual([]);
    const consent = (decision: string) => as.coachee0!.request('PUT', '/api/me/consents/share-checkins-with-coach', { decision, textVersion: mine.consent.version, shownLocale: 'nl' });
    expect((await consent('grant')).statusCode).toBe(200);
    // …and only while the consent for coaching data holds as well.
    expect((await histories('coach')).sharing).toEqual([]);
    const coachingData = (decision: string) => as.coachee0!.request('PUT', '/api/me/consents/coaching-data', { decision, textVersion: 1, shownLocale: 'nl' });
    expect((await coachingData('grant')).statusCode).toBe(200);
    const shared = await histories('coach');
    expect(shared.memberCount).toBe(4);
    expect(shared.sharing.map((s) => s.id)).toEqual([ids.coachees[0]]);
    expect(shared.sharing[0]!.checkins.map((c) => c.score)).toEqual([6]);
    const reads = await t.services.db.select().from(auditLog);
    expect(reads.some((r) => r.subjectId === ids.coachees[0] && r.actorId === ids.coach && r.resourceType === 'checkin')).toBe(true);
    // Shared with the coach: not with the senior coach, the coordinator or fellow members.
    for (const who of ['senior', 'coordinator', 'coachee1']) expect((await histories(who)).sharing, who).toEqual([]);
    expect((await as.leercoach!.request('GET', `/api/communities/${ids.community}/checkins`)).statusCode).toBe(404);
    expect((await as.othercoach!.request('GET', `/api/communities/${ids.community}/checkins`)).statusCode).toBe(404);
    await coachingData('withdraw');
    expect((await histories('coach')).sharing).toEqual([]);
    await coachingData('grant');
    expect((await histories('coach')).sharing.map((s) => s.id)).toEqual([ids.coachees[0]]);
    await consent('withdraw');
    expect((await histories('coach')).sharing).toEqual([]);
  });

  it("gives the leercoach their own class's attendance figures per community and student, nothing else", async () => {
    const session = (await as.coach!.request('POST', `/api/communities/${ids.community}/sessions`, { type: 'community', date: '2026-10-05', startTime: '11:30', durationMinutes: 60 })).json<{ id: string }>().id;
    t.setNow(new Date('2026-10-05T10:00:00Z'));
    await as.coach!.request('POST', `/api/sessions/${session}/attendance`, { marks: ids.coachees.map((personId, i) => ({ personId, status: i === 0 ? 'absent' : 'present' })) });
    await as.coach!.request('PUT', `/api/sessions/${session}/logbook`, { answers: { 'logbook-what-we-did': 'Geheim verslag', 'logbook-how-it-went': 4, 'logbook-need': ['nothing'] } });
    await as.coachee0!.request('PUT', `/api/sessions/${session}/checkin`, { score: 2 });
    t.setNow(new Date('2026-10-06T10:00:00Z'));
    const r = await as.leercoach!.request('GET', `/api/classes/${ids.klass}/attendance`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.programmeId).toBe(ids.programme);
    expect(body.students).toHaveLength(5);
    const noord = body.communities.find((c: { name: string }) => c.name === 'Community Noord');
    expect(noord).toMatchObject({ students: 4, attended: 3, marked: 4 });
    expect(body.communities.find((c: { name: string }) => c.name === 'Community Zuid')).toMatchObject({ students: 1, marked: 0 });
    expect(r.body).not.toMatch(/Geheim|checkin|logbook/);
    expect((await as.coordinator!.request('GET', `/api/classes/${ids.klass}/attendance`)).statusCode).toBe(200);
    for (const who of ['coach', 'senior', 'coachee0']) expect((await as[who]!.request('GET', `/api/classes/${ids.klass}/attendance`)).statusCode, who).toBe(404);
    // A community with students of another class too: the leercoach's rates count their own students only.
    const zuid = (await as.othercoach!.request('POST', `/api/communities/${ids.otherCommunity}/sessions`, { type: 'community', date: '2026-10-06', startTime: '12:30', durationMinutes: 60 })).json<{ id: string }>().id;
    t.setNow(new Date('2026-10-06T11:00:00Z'));
    const zuidMembers = (await as.othercoach!.request('GET', `/api/sessions/${zuid}`)).json<{ participants: { id: string }[] }>().participants;
    const marked = await as.othercoach!.request('POST', `/api/sessions/${zuid}/attendance`, { marks: zuidMembers.map((m) => ({ personId: m.id, status: body.students.some((s: { id: string }) => s.id === m.id) ? 'present' : 'absent' })) });
    expect(marked.statusCode).toBe(200);
    t.setNow(new Date('2026-10-07T10:00:00Z'));
    const coachView = (await as.othercoach!.request('GET', `/api/communities/${ids.otherCommunity}/attendance`)).json();
    expect(coachView.sessions.map((s: { rate: number }) => s.rate)).toEqual([0.5]);
    const leercoachView = (await as.leercoach!.request('GET', `/api/communities/${ids.otherCommunity}/attendance`)).json();
    expect(leercoachView.coachees).toHaveLength(1);
    expect(leercoachView.sessions.map((s: { rate: number }) => s.rate)).toEqual([1]);
  });

  it("shows the coordinator every community's year plan of an intake with the holidays and the gap after Christmas", async () => {
    t.setNow(new Date('2026-08-20T10:00:00Z'));
    const holidays = [{ name: 'Kerstvakantie', from: '2026-12-19', to: '2027-01-03' }];
    expect((await as.coordinator!.request('PUT', `/api/programmes/${ids.programme}/holidays/2026-2027`, { holidays })).statusCode).toBe(200);
    const planned = (await as.coach!.request('POST', `/api/communities/${ids.community}/year-plan`, { weekday: 2, startTime: '15:30', durationMinutes: 90 })).json<{ sessions: { id: string; startsAt: string }[] }>();
    for (const s of planned.sessions.filter((x) => x.startsAt > '2027-01-01')) await as.coach!.request('POST', `/api/sessions/${s.id}/cancel`, { version: 1 });
    const r = await as.coordinator!.request('GET', `/api/intakes/${ids.intake}/year-plan`);
    expect(r.statusCode, r.body).toBe(200);
    const plan = r.json();
    expect(plan.holidays).toEqual(holidays);
    expect(plan.communities.map((c: { communityName: string }) => c.communityName)).toEqual(['Community Noord', 'Community Zuid']);
    const noord = plan.communities[0];
    expect(noord.coachName).toMatch(/^Voornaam\d+ Achternaam\d+$/);
    expect(noord.gaps.map((g: { kind: string; from: string }) => [g.kind, g.from >= '2026-12-01' && g.from < '2026-12-19'])).toEqual([['end', true]]);
    expect(plan.communities[1].series).toBeNull();
    for (const who of ['coach', 'senior', 'leercoach', 'coachee0']) expect((await as[who]!.request('GET', `/api/intakes/${ids.intake}/year-plan`)).statusCode, who).toBe(404);
  });
});
