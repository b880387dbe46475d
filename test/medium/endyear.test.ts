/**
 * The coach's end-of-year report (#18 item 4) through HTTP on the real app: the figures equal plain
 * counts of what happened, answers are saved one at a time and resumed, the submit with and
 * without the quoting consent feeds (or not) the impact report's reflections, the coordinator sees
 * who submitted but never the text, bad input changes nothing, and the portfolio PDF's text.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { YearReportResponse, YearReportStatusResponse } from '../../src/contracts/endyear';
import { attendanceMarks, coachYearReports, compensationStatements, helpResources, referrals } from '../../src/server/db/schema';
import { DEMO_PASSWORD, loadDemoIfEmpty } from '../../src/server/demo/load-demo';
import { coachReflections } from '../../src/server/modules/endyear/public';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const YEAR = '2026-2027';
const CANARY = 'CANARY-endyear-reflection-7f3a';
const at = (iso: string) => new Date(iso);

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'endyear-pdf-'));
  const file = path.join(dir, 'portfolio.pdf');
  fs.writeFileSync(file, bytes);
  const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  return out.stdout;
}

describe(`the coach's end-of-year report on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let fx: Awaited<ReturnType<typeof coachWithCommunity>>;
  let coach: Client;
  let base: string;

  const count = async (query: SQL): Promise<number> => {
    const result: unknown = await t.services.db.execute(query);
    return Number((result as { rows: { n: number | string }[] }).rows[0]!.n);
  };
  const stored = () => t.database.db.select().from(coachYearReports);

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  beforeEach(async () => {
    await t.reset();
    // The default September intake of 2026-2027: its last phase starts 2026-12-10, the year ends 2027-06-28.
    t.setNow(at('2027-06-01T10:00:00Z'));
    fx = await coachWithCommunity(t);
    coach = await signedIn(app, 'coach@test.example', FIXTURE_PASSWORD);
    base = `/api/year-reports/${fx.programme.id}/${YEAR}`;
  });

  /** A year of work: what counts and, next to it, what must not. */
  async function seedYear() {
    const f = t.factories;
    const inst = fx.institution.id;
    const prog = fx.programme.id;
    const s = (startsAt: string, extra: Record<string, unknown> = {}) => f.session({ institutionId: inst, programmeId: prog, communityId: fx.communityId, organiserId: fx.coach.id, startsAt: at(startsAt), ...extra });
    const held = [await s('2026-10-05T12:00:00Z'), await s('2026-11-02T12:00:00Z'), await s('2027-02-01T12:00:00Z')];
    await f.attendance([
      { sessionId: held[0]!.id, personId: fx.coachee.id, status: 'present' },
      { sessionId: held[1]!.id, personId: fx.coachee.id, status: 'late' },
      { sessionId: held[2]!.id, personId: fx.coachee.id, status: 'absent' },
    ]);
    await s('2027-03-01T12:00:00Z'); // due, attendance not taken: planned, not held
    await s('2027-03-15T12:00:00Z', { status: 'cancelled' });
    await s('2027-06-15T12:00:00Z'); // still to come
    // Another coach's community session in the same programme does not count.
    const other = await fx.person(['studentcoach'], 'other@test.example');
    const otherCommunity = await f.community({ intakeId: fx.intake.id, coachId: other.id });
    await f.session({ institutionId: inst, programmeId: prog, communityId: otherCommunity.id, organiserId: other.id, startsAt: at('2026-10-05T12:00:00Z') });

    const one = (startsAt: string, extra: Record<string, unknown> = {}) => f.session({ institutionId: inst, programmeId: prog, type: 'oneOnOne', organiserId: fx.coach.id, coacheeId: fx.coachee.id, startsAt: at(startsAt), ...extra });
    const o1 = await one('2026-11-10T12:00:00Z');
    await one('2027-01-10T12:00:00Z');
    const absent = await one('2027-02-10T12:00:00Z');
    await one('2027-02-20T12:00:00Z', { status: 'cancelled' });
    await f.attendance([
      { sessionId: o1.id, personId: fx.coachee.id, status: 'present' },
      { sessionId: absent.id, personId: fx.coachee.id, status: 'absentWithNotice' },
    ]);

    const training = (type: 'coachTraining' | 'intervision', startsAt: string, status: string | null, title: string) =>
      f.session({ institutionId: inst, programmeId: prog, type, organiserId: null, startsAt: at(startsAt), title }).then(async (row) => {
        if (status) await f.attendance([{ sessionId: row.id, personId: fx.coach.id, status }]);
        return row;
      });
    await training('coachTraining', '2026-09-15T15:00:00Z', 'present', 'Startraining');
    await training('intervision', '2026-10-20T15:00:00Z', 'late', 'Intervisie oktober');
    await training('coachTraining', '2026-11-17T15:00:00Z', 'absent', 'Training november');
    await training('coachTraining', '2027-06-20T15:00:00Z', null, 'Slottraining');

    const [help] = await t.database.db
      .insert(helpResources)
      .values({ institutionId: inst, kind: 'inside', category: 'wellbeing', nameNl: 'Studentpsycholoog', nameEn: 'Student psychologist', whenToGoNl: '-', whenToGoEn: '-', howToReachNl: '-', howToReachEn: '-' })
      .returning();
    for (const referredOn of ['2026-10-01', '2027-03-01', '2025-12-01']) await f.referral({ institutionId: inst, programmeId: prog, coacheeId: fx.coachee.id, coachId: fx.coach.id, resourceId: help!.id, referredOn });

    for (const [month, minutes] of [['2026-10', 120], ['2026-11', 90], ['2025-10', 600]] as const) {
      await t.database.db.insert(compensationStatements).values({ institutionId: inst, programmeId: prog, intakeId: fx.intake.id, coachPersonId: fx.coach.id, month, scheme: 'allowance', status: 'approved', totalMinutes: minutes });
    }
  }

  it('pre-fills the figures, each equal to a plain count of what happened', async () => {
    await seedYear();
    const report = (await coach.request('GET', base)).json<YearReportResponse>();
    const now = `'2027-06-01T10:00:00Z'::timestamptz`;
    const c = fx.coach.id;
    const plain = {
      communitiesLed: await count(sql`select count(*) as n from communities where coach_id = ${c}::uuid`),
      sessionsPlanned: await count(sql.raw(`select count(*) as n from sessions where type = 'community' and organiser_id = '${c}' and status = 'planned' and starts_at < ${now}`)),
      sessionsHeld: await count(sql.raw(`select count(distinct s.id) as n from sessions s join attendance_marks a on a.session_id = s.id where s.type = 'community' and s.organiser_id = '${c}' and s.status = 'planned' and s.starts_at < ${now}`)),
      marks: await count(sql.raw(`select count(*) as n from attendance_marks a join sessions s on s.id = a.session_id where s.type = 'community' and s.organiser_id = '${c}' and s.starts_at < ${now}`)),
      attended: await count(sql.raw(`select count(*) as n from attendance_marks a join sessions s on s.id = a.session_id where s.type = 'community' and s.organiser_id = '${c}' and s.starts_at < ${now} and a.status in ('present', 'late')`)),
      referrals: await count(sql.raw(`select count(*) as n from referrals where coach_id = '${c}' and referred_on between '2026-09-01' and '2027-08-31'`)),
      minutes: await count(sql.raw(`select coalesce(sum(total_minutes), 0) as n from compensation_statements where coach_person_id = '${c}' and month between '2026-09' and '2027-08'`)),
    };
    expect(plain).toEqual({ communitiesLed: 1, sessionsPlanned: 4, sessionsHeld: 3, marks: 3, attended: 2, referrals: 2, minutes: 210 });
    expect(report.figures).toEqual({
      communitiesLed: plain.communitiesLed,
      sessionsPlanned: plain.sessionsPlanned,
      sessionsHeld: plain.sessionsHeld,
      attendancePercent: Math.round((plain.attended / plain.marks) * 100),
      oneOnOnesHeld: 2,
      referrals: plain.referrals,
      trainingsAttended: 2,
      hours: plain.minutes / 60,
    });
    expect(report.trainings).toEqual([
      { date: '2026-09-15', type: 'coachTraining', title: 'Startraining' },
      { date: '2026-10-20', type: 'intervision', title: 'Intervisie oktober' },
    ]);
    expect(report.open).toBe(true);
    expect(report.opensOn).toBe('2026-12-10');
    expect(report.questions.map((q) => q.id)).toEqual(t.services.content.questions.coachYearReport.questions.map((q) => q.id));
    // Without compensation statements there are no hours (and no line to sign).
    await t.database.db.delete(compensationStatements);
    expect((await coach.request('GET', base)).json<YearReportResponse>().figures.hours).toBeNull();
  });

  it('saves each answer at once and resumes them in a new session; the list and the home know the state', async () => {
    const mine = async () => (await coach.request('GET', '/api/me/year-reports')).json<{ reports: { status: string; open: boolean; taskDue: boolean }[] }>().reports;
    expect(await mine()).toEqual([expect.objectContaining({ programmeId: fx.programme.id, academicYear: YEAR, status: 'notStarted', open: true, taskDue: true })]);
    const a = await coach.request('PUT', `${base}/answers/year-went-well`, { text: '  De groep werd hecht.  ' });
    expect(a.statusCode).toBe(200);
    expect((await coach.request('PUT', `${base}/answers/year-was-hard`, { text: 'De opkomst in januari.' })).statusCode).toBe(200);
    expect((await coach.request('PUT', `${base}/answers/year-was-hard`, { text: 'De opkomst in januari en februari.' })).statusCode).toBe(200);
    const again = await signedIn(app, 'coach@test.example', FIXTURE_PASSWORD);
    const report = (await again.request('GET', base)).json<YearReportResponse>();
    expect(report.answers).toEqual({ 'year-went-well': 'De groep werd hecht.', 'year-was-hard': 'De opkomst in januari en februari.' });
    expect(report.submittedAt).toBeNull();
    expect((await mine())[0]!.status).toBe('draft');
    // Four weeks before the year's end the home asks; before that the report is open but not asked for.
    t.setNow(at('2027-01-15T10:00:00Z'));
    expect((await mine())[0]).toMatchObject({ open: true, taskDue: false });
  });

  it('before the last phase starts the report is not open: a translated 409 and nothing stored', async () => {
    t.setNow(at('2026-11-01T10:00:00Z'));
    expect((await coach.request('GET', base)).json<YearReportResponse>().open).toBe(false);
    const res = await coach.request('PUT', `${base}/answers/year-went-well`, { text: 'Te vroeg' }, { 'accept-language': 'nl' });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('nog niet open, je kunt het schrijven vanaf 10 december 2026'.replace('nog niet open, je', 'nog niet open. Je'));
    expect(await stored()).toHaveLength(0);
  });

  it('bad input: an unknown question, a text over the limit, an unknown field, an empty submit — a translated error and nothing stored', async () => {
    const unknown = await coach.request('PUT', `${base}/answers/no-such-question`, { text: 'x' }, { 'accept-language': 'nl' });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('Deze vraag bestaat niet');
    const long = await coach.request('PUT', `${base}/answers/year-went-well`, { text: 'a'.repeat(2001) }, { 'accept-language': 'en' });
    expect(long.statusCode).toBe(400);
    expect(JSON.stringify(long.json())).toContain('at most 2000 characters');
    expect((await coach.request('PUT', `${base}/answers/year-went-well`, { text: 'x', extra: 1 })).statusCode).toBe(400);
    expect((await coach.request('PUT', `/api/year-reports/${fx.programme.id}/2026-2028/answers/year-went-well`, { text: 'x' })).statusCode).toBe(404);
    const empty = await coach.request('POST', `${base}/submit`, { quoteConsent: true }, { 'accept-language': 'nl' });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('minstens één vraag');
    expect(await stored()).toHaveLength(0);
    // Exactly at the limit is fine.
    expect((await coach.request('PUT', `${base}/answers/year-went-well`, { text: 'a'.repeat(2000) })).statusCode).toBe(200);
  });

  it("another coach, the coordinator and a coachee get the uniform 404 on the coach's report; nothing changes", async () => {
    await coach.request('PUT', `${base}/answers/year-went-well`, { text: CANARY });
    // A coach of another programme's community, and a student coach of this programme who led no community this year.
    const otherProgramme = await t.factories.programme(fx.institution.id);
    const otherIntake = await t.factories.intake(otherProgramme.id);
    const stranger = await t.factories.person({ institutionId: fx.institution.id, programmeId: otherProgramme.id, roles: ['studentcoach'], email: 'stranger@test.example', password: FIXTURE_PASSWORD });
    await t.factories.community({ intakeId: otherIntake.id, coachId: stranger.id });
    await fx.person(['studentcoach'], 'idle@test.example');
    await fx.person(['coordinator'], 'coordinator@test.example');
    for (const email of ['stranger@test.example', 'idle@test.example', 'coordinator@test.example', 'coachee@test.example']) {
      const c = await signedIn(app, email, FIXTURE_PASSWORD);
      for (const [method, url, body] of [
        ['GET', base, undefined],
        ['PUT', `${base}/answers/year-went-well`, { text: 'overwritten' }],
        ['POST', `${base}/submit`, { quoteConsent: true }],
        ['PUT', `${base}/consent`, { quoteConsent: true }],
        ['GET', `${base}/portfolio.pdf`, undefined],
      ] as const) {
        const res = await c.request(method, url, body);
        expect(res.statusCode, `${email} ${method} ${url}`).toBe(404);
        expect(res.body).not.toContain(CANARY);
      }
    }
    const [row] = await stored();
    expect(row!.answers).toEqual({ 'year-went-well': CANARY });
    expect(row!.submittedAt).toBeNull();
  });

  it('submit without consent: not quoted; consent given later: quoted without name; withdrawn: gone. The coordinator sees only who submitted', async () => {
    await coach.request('PUT', `${base}/answers/year-went-well`, { text: `De groep werd hecht. ${CANARY}` });
    await coach.request('PUT', `${base}/answers/year-was-hard`, { text: 'Privé: de combinatie met mijn stage.' });
    await coach.request('PUT', `${base}/answers/year-programme-change`, { text: 'Meer tijd voor intervisie.' });
    await fx.person(['coordinator'], 'coordinator@test.example');
    const coordinator = await signedIn(app, 'coordinator@test.example', FIXTURE_PASSWORD);
    const status = async () => (await coordinator.request('GET', `/api/programmes/${fx.programme.id}/year-reports/${YEAR}/status`)).json<YearReportStatusResponse>();
    expect(await status()).toEqual({ academicYear: YEAR, coaches: 1, submitted: 0, quoteConsents: 0, stillToDo: [{ id: fx.coach.id, name: expect.any(String) }] });

    expect((await coach.request('POST', `${base}/submit`, { quoteConsent: false })).statusCode).toBe(200);
    const reflections = () => coachReflections(t.services, { programmeId: fx.programme.id, year: YEAR });
    expect(await reflections()).toEqual([]);
    expect(await status()).toMatchObject({ coaches: 1, submitted: 1, quoteConsents: 0, stillToDo: [] });

    expect((await coach.request('PUT', `${base}/consent`, { quoteConsent: true })).statusCode).toBe(200);
    expect(await reflections()).toEqual([`De groep werd hecht. ${CANARY}`, 'Meer tijd voor intervisie.']);
    const impact = await coordinator.request('GET', `/api/programmes/${fx.programme.id}/impact-report/${YEAR}`);
    expect(impact.statusCode).toBe(200);
    const quoted = impact.json<{ coachReflections: string[] }>().coachReflections;
    expect(quoted).toContain('Meer tijd voor intervisie.');
    expect(impact.body).not.toContain('Privé: de combinatie');
    const person = await t.database.db.execute(sql`select first_name, last_name from people where id = ${fx.coach.id}::uuid`);
    const { first_name: first, last_name: last } = (person as { rows: { first_name: string; last_name: string }[] }).rows[0]!;
    expect(JSON.stringify(quoted)).not.toContain(`${first} ${last}`);
    // The status route never carries the text.
    const statusBody = (await coordinator.request('GET', `/api/programmes/${fx.programme.id}/year-reports/${YEAR}/status`)).body;
    expect(statusBody).not.toContain(CANARY);

    expect((await coach.request('PUT', `${base}/consent`, { quoteConsent: false })).statusCode).toBe(200);
    expect(await reflections()).toEqual([]);
    expect((await coordinator.request('GET', `/api/programmes/${fx.programme.id}/impact-report/${YEAR}`)).body).not.toContain('Meer tijd voor intervisie.');
  });

  it('submit with consent is quoted at once; a second submit and a later answer answer 409 and change nothing; two submits at once: one wins', async () => {
    await coach.request('PUT', `${base}/answers/year-programme-change`, { text: 'Start de trainingen eerder.' });
    const [first, second] = await Promise.all([coach.request('POST', `${base}/submit`, { quoteConsent: true }), coach.request('POST', `${base}/submit`, { quoteConsent: false })]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const before = (await stored())[0]!;
    const again = await coach.request('POST', `${base}/submit`, { quoteConsent: false }, { 'accept-language': 'nl' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toContain('al ingeleverd');
    expect((await coach.request('PUT', `${base}/answers/year-went-well`, { text: 'Te laat' })).statusCode).toBe(409);
    const after = (await stored())[0]!;
    expect(after).toEqual(before);
    const consented = before.quoteConsent;
    expect(await coachReflections(t.services, { programmeId: fx.programme.id, year: YEAR })).toEqual(consented ? ['Start de trainingen eerder.'] : []);
    // Consent on a report not yet submitted: 409.
    await t.database.db.update(coachYearReports).set({ submittedAt: null });
    expect((await coach.request('PUT', `${base}/consent`, { quoteConsent: true })).statusCode).toBe(409);
  });

  it('the portfolio PDF holds the figures, the trainings, the reflection and a line to sign for the hours, in Dutch or English', async () => {
    await seedYear();
    await coach.request('PUT', `${base}/answers/year-went-well`, { text: 'Mijn groep leerde elkaar echt kennen.' });
    await coach.request('POST', `${base}/submit`, { quoteConsent: false });
    const nl = await coach.request('GET', `${base}/portfolio.pdf?lang=nl`);
    expect(nl.statusCode).toBe(200);
    expect(nl.headers['content-type']).toBe('application/pdf');
    const text = pdfText(nl.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Eindverslag studentcoach');
    expect(text).toContain('Bijeenkomsten gehouden 3 van 4');
    expect(text).toContain('Gemiddelde opkomst 67%');
    expect(text).toContain('Startraining');
    expect(text).toContain('Mijn groep leerde elkaar echt kennen.');
    expect(text).toContain('3,5 uur als studentcoach');
    expect(text).toContain('Handtekening');
    const en = pdfText((await coach.request('GET', `${base}/portfolio.pdf?lang=en`)).rawPayload).replace(/\s+/g, ' ');
    expect(en).toContain('Student coach end-of-year report');
    expect(en).toContain('3.5 hours as a student coach');
    // Without compensation, no line to sign.
    await t.database.db.delete(compensationStatements);
    expect(pdfText((await coach.request('GET', `${base}/portfolio.pdf?lang=nl`)).rawPayload)).not.toContain('Handtekening');
  });

  it("the demo coach's previous year opens with figures and the home asks for the report", async () => {
    await t.reset();
    t.setNow(at('2026-12-07T10:00:00Z'));
    await loadDemoIfEmpty(t.services);
    const demo = await signedIn(app, 'studentcoach@hogeschool-zuidas.example', DEMO_PASSWORD);
    const reports = (await demo.request('GET', '/api/me/year-reports')).json<{ reports: { programmeId: string; academicYear: string; open: boolean; taskDue: boolean }[] }>().reports;
    const last = reports.find((r) => r.academicYear === '2025-2026')!;
    expect(last).toMatchObject({ open: true, taskDue: true });
    const report = (await demo.request('GET', `/api/year-reports/${last.programmeId}/2025-2026`)).json<YearReportResponse>();
    expect(report.figures).toMatchObject({ communitiesLed: 1, sessionsPlanned: 14, sessionsHeld: 14, oneOnOnesHeld: 3, trainingsAttended: 5 });
    expect(report.figures.attendancePercent).toBeGreaterThan(70);
    expect(report.figures.hours).toBeGreaterThan(0);
  });

  it("the report is in the coach's own data export and goes with the coach's erasure", async () => {
    await coach.request('PUT', `${base}/answers/year-went-well`, { text: CANARY });
    const data = await coach.request('GET', '/api/me/data');
    expect(data.statusCode).toBe(200);
    expect(data.body).toContain(CANARY);
    await t.database.db.delete(attendanceMarks);
    await t.database.db.delete(referrals);
    const { people } = await import('../../src/server/db/schema');
    await t.database.db.delete(people).where(eq(people.id, fx.coach.id));
    expect(await stored()).toHaveLength(0);
  });
});
