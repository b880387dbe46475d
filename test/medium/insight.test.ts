/**
 * The programme dashboard and the impact report (issue 18 items 2 and 3) through HTTP on the real
 * app: every dashboard number equals a plain count over the raw rows; a community of 4 never shows
 * its own figure anywhere (API, CSV, PDF text via pdftotext); opleidingsmanagement sees its own
 * programme's aggregates only (no names) and nothing of another programme; a filter for a programme
 * or intake one may not see is the same 404; bad input is a translated 400 and changes nothing; two
 * saves of the report's texts from the same version: one wins, the other gets 409.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardResponse, ImpactReportResponse, InsightSection } from '../../src/contracts/insight';
import { ROADMAP_EVIDENCE } from '../../src/domain/insight/roadmap-evidence';
import { suppress, suppressRow } from '../../src/domain/insight/suppression';
import { trailingMissed, type AttendanceStatus } from '../../src/domain/sessions/attendance';
import { zonedParts } from '../../src/domain/sessions/zoned-time';
import { createTestApp } from '../support/app';
import { FIXTURE_PASSWORD } from '../support/community-fixture';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';
import { readIntakeSettings } from '../../src/domain/programme/intake-settings';
import { intakes as intakesTable, participationSignUps } from '../../src/server/db/schema';
import { eq } from 'drizzle-orm';
import { evidenceProgramme, NOW, SMALL_COMMUNITY } from './insight-fixture';

type World = Awaited<ReturnType<typeof evidenceProgramme>>;

async function rows<T>(t: TestDb, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await t.services.db.execute(query);
  return (result as { rows: T[] }).rows;
}

const section = (d: { sections: InsightSection[] }, id: InsightSection['id']) => d.sections.find((s) => s.id === id)!;
const cell = (s: InsightSection, label: string, column = 1) => s.table.rows.find((r) => r[0] === label)?.[column];

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'insight-pdf-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, bytes);
  const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  return out.stdout;
}

describe(`programme dashboard and impact report on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let w: World;
  let as: Record<'coordinator' | 'management' | 'otherManagement' | 'otherCoordinator' | 'coach', Client>;
  let dashboard: DashboardResponse;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    w = await evidenceProgramme(t);
    const login = (email: string) => signedIn(app, email, FIXTURE_PASSWORD);
    as = {
      coordinator: await login('coordinator@evidence.example'),
      management: await login('management@evidence.example'),
      otherManagement: await login('management-other@evidence.example'),
      otherCoordinator: await login('coordinator-other@evidence.example'),
      coach: await login('coach@evidence.example'),
    };
    t.setNow(NOW);
    const response = await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/dashboard?intakeId=${w.intake.id}`);
    expect(response.statusCode).toBe(200);
    dashboard = response.json<DashboardResponse>();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('defaults to the intake’s academic year and names every section', () => {
    expect(dashboard.filter).toEqual({ intakeId: w.intake.id, from: '2026-09-01', to: '2027-08-31' });
    expect(dashboard.sections.map((s) => s.id)).toEqual(['reach', 'sessions', 'attendanceHeatmap', 'attendanceTrend', 'threeMissed', 'continuity', 'coachDropout', 'support', 'evaluation', 'compensation', 'participation']);
    for (const s of dashboard.sections.filter((x) => x.chartSvg)) {
      expect(s.chartSvg).toMatch(/^<svg[^>]* role="img" aria-label="[^"]+"><title>/);
    }
  });

  it('follows the participation mode: the mode per intake and, for sign-up, the rate of signed up to students (suppressed under five)', async () => {
    // The compulsory intake of the fixture: its mode, its students as a plain count, no sign-up figures.
    const [plain] = await rows<{ n: number }>(t, sql`select count(distinct cm.person_id)::int as n from class_members cm join classes c on c.id = cm.class_id where c.intake_id = ${w.intake.id}`);
    const own = section(dashboard, 'participation');
    expect(own.table.rows).toEqual([['2026-2027 september', 'Verplicht', suppress(plain!.n, plain!.n), '–', '–']]);
    expect(section(dashboard, 'attendanceTrend').summary).not.toContain('wie meedoet');

    // Last year's intake becomes sign-up: 12 students of a class, 6 signed up → 50%.
    const [row] = await t.services.db.select().from(intakesTable).where(eq(intakesTable.id, w.lastYear.id));
    await t.services.db.update(intakesTable).set({ settings: { ...readIntakeSettings(row!.settings, row!.month).settings, participation: 'optIn' } }).where(eq(intakesTable.id, w.lastYear.id));
    const klas = await t.factories.class(w.lastYear.id, { code: 'SIGNUP-1' });
    const students = [];
    for (let i = 0; i < 12; i++) {
      const p = await t.factories.person({ institutionId: w.institution.id, programmeId: w.programme.id, roles: ['coachee'], email: `signup${i}@evidence.example` });
      await t.factories.enrol(klas.id, p.id);
      students.push(p.id);
    }
    await t.services.db.insert(participationSignUps).values(students.slice(0, 6).map((personId) => ({ intakeId: w.lastYear.id, personId, signedUpAt: NOW })));
    const optIn = (await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/dashboard?intakeId=${w.lastYear.id}`)).json<DashboardResponse>();
    const [plainOptIn] = await rows<{ students: number; signed: number }>(
      t,
      sql`select (select count(distinct cm.person_id)::int from class_members cm join classes c on c.id = cm.class_id where c.intake_id = ${w.lastYear.id}) as students,
                 (select count(*)::int from participation_sign_ups where intake_id = ${w.lastYear.id}) as signed`,
    );
    expect(section(optIn, 'participation').table.rows).toEqual([['2025-2026 september', 'Aanmelden', plainOptIn!.students, plainOptIn!.signed, plainOptIn!.signed / plainOptIn!.students]]);
    expect(plainOptIn).toEqual({ students: 12, signed: 6 });
    // Attendance is labelled as of those taking part.
    expect(section(optIn, 'attendanceTrend').summary).toContain('de aanwezigheid gaat over wie meedoet');
    // Four of twelve not signed up would show a cell of fewer than five: the rate is suppressed.
    await t.services.db.insert(participationSignUps).values(students.slice(6, 8).map((personId) => ({ intakeId: w.lastYear.id, personId, signedUpAt: NOW })));
    t.setNow(new Date(NOW.getTime() + 60_000));
    const fewLeft = (await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/dashboard?intakeId=${w.lastYear.id}`)).json<DashboardResponse>();
    expect(section(fewLeft, 'participation').table.rows[0]?.slice(2)).toEqual([12, 8, null]);
    t.setNow(NOW);
  });

  it('every number equals a plain count over the raw rows', async () => {
    const inIntake = sql`(select id from communities where intake_id = ${w.intake.id})`;
    const [plain] = await rows<{ students: number; coaches: number; communities: number }>(
      t,
      sql`select (select count(distinct person_id)::int from community_members where community_id in ${inIntake}) as students,
                 (select count(distinct coach_id)::int from community_coach_periods where community_id in ${inIntake}) as coaches,
                 (select count(*)::int from communities where intake_id = ${w.intake.id}) as communities`,
    );
    const reach = section(dashboard, 'reach');
    expect(reach.table.rows.map((r) => r[1])).toEqual([plain!.students, plain!.coaches, plain!.communities]);
    expect(plain).toEqual({ students: 28, coaches: 6, communities: 5 });

    // Sessions per month: scheduled, cancelled, held (past, with marks).
    const raw = await rows<{ id: string; startsAt: string | Date; status: string; communityId: string }>(t, sql`select id, starts_at as "startsAt", status, community_id as "communityId" from sessions where community_id in ${inIntake}`);
    const marked = new Set((await rows<{ id: string }>(t, sql`select distinct session_id as id from attendance_marks`)).map((r) => r.id));
    const months = new Map<string, [number, number, number]>();
    for (const s of raw) {
      const m = zonedParts(new Date(s.startsAt)).date.slice(0, 7);
      const c = months.get(m) ?? [0, 0, 0];
      c[0] += 1;
      if (s.status === 'cancelled') c[1] += 1;
      if (s.status === 'planned' && new Date(s.startsAt) < NOW && marked.has(s.id)) c[2] += 1;
      months.set(m, c);
    }
    expect(section(dashboard, 'sessions').table.rows).toEqual([...months].sort().map(([m, c]) => [m, ...c]));

    // Attendance per community and week, and per week: from the raw marks, suppressed under 5 people.
    const marks = await rows<{ communityId: string; name: string; startsAt: string | Date; personId: string; status: AttendanceStatus }>(
      t,
      sql`select s.community_id as "communityId", c.name, s.starts_at as "startsAt", am.person_id as "personId", am.status
          from attendance_marks am join sessions s on s.id = am.session_id join communities c on c.id = s.community_id where c.intake_id = ${w.intake.id} and s.status = 'planned'`,
    );
    const mondayOf = (d: Date) => {
      const p = zonedParts(d);
      const day = new Date(`${p.date}T12:00:00Z`);
      day.setUTCDate(day.getUTCDate() - ((p.weekday + 6) % 7));
      return day.toISOString().slice(0, 10);
    };
    const heat = section(dashboard, 'attendanceHeatmap');
    const weeks = heat.table.columns.slice(1).map((c) => c.label);
    for (const r of heat.table.rows) {
      const community = marks.filter((m) => m.name === r[0]);
      weeks.forEach((week, i) => {
        const inWeek = community.filter((m) => mondayOf(new Date(m.startsAt)) === week);
        const people = new Set(inWeek.map((m) => m.personId)).size;
        const attended = inWeek.filter((m) => m.status === 'present' || m.status === 'late').length;
        expect(r[i + 1], `${String(r[0])} ${week}`).toBe(inWeek.length === 0 ? null : suppress(attended / inWeek.length, people));
      });
    }
    const trend = section(dashboard, 'attendanceTrend');
    for (const [week, share, people] of trend.table.rows) {
      const inWeek = marks.filter((m) => mondayOf(new Date(m.startsAt)) === week);
      const n = new Set(inWeek.map((m) => m.personId)).size;
      expect(share).toBe(suppress(inWeek.filter((m) => m.status === 'present' || m.status === 'late').length / inWeek.length, n));
      expect(people).toBe(suppress(n, n));
    }

    // Three missed in a row: per current member, from their marks in order (the home signal's rule).
    const streaks: string[] = [];
    for (const m of await rows<{ personId: string; communityId: string }>(t, sql`select person_id as "personId", community_id as "communityId" from community_members where community_id in ${inIntake} and left_on is null`)) {
      const own = marks.filter((x) => x.personId === m.personId && x.communityId === m.communityId).sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
      if (trailingMissed(own.map((x) => x.status)) >= 3) streaks.push(m.personId);
    }
    expect(section(dashboard, 'threeMissed').table.rows).toHaveLength(streaks.length);
    expect(streaks).toHaveLength(3);

    // Continuity, coach dropout, signals and referrals: plain counts.
    const [c] = await rows<{ changes: number; originals: number; still: number; coachesLeft: number; open: number; raised: number; referrals: number; helped: number; partly: number; unanswered: number }>(
      t,
      sql`select (select count(*)::int from community_coach_periods where community_id in ${inIntake} and ended_at is not null) as changes,
                 (select count(distinct person_id)::int from community_members where community_id in ${inIntake} and joined_reason in ('initial', 'grouping')) as originals,
                 (select count(distinct person_id)::int from community_members where community_id in ${inIntake} and left_on is null) as still,
                 (select count(*)::int from coach_profiles where programme_id = ${w.programme.id} and status = 'left') as "coachesLeft",
                 (select count(*)::int from signals where programme_id = ${w.programme.id} and status <> 'closed') as open,
                 (select count(*)::int from signals where programme_id = ${w.programme.id}) as raised,
                 (select count(*)::int from referrals where programme_id = ${w.programme.id}) as referrals,
                 (select count(*)::int from referrals where follow_up_outcome = 'helped') as helped,
                 (select count(*)::int from referrals where follow_up_outcome = 'partly') as partly,
                 (select count(*)::int from referrals where follow_up_outcome is null) as unanswered`,
    );
    const continuity = section(dashboard, 'continuity');
    expect(continuity.table.rows.map((r) => r[1])).toEqual([suppress(c!.changes, c!.changes), c!.originals, ...suppressRow([c!.still, c!.originals - c!.still])]);
    // One member left: a figure about one person, so it and the next smallest cell are hidden.
    expect(cell(continuity, 'Doen nog mee')).toBeNull();
    expect(cell(continuity, 'Gestopt of vertrokken')).toBeNull();
    const dropout = section(dashboard, 'coachDropout');
    expect(cell(dropout, 'Coaches in deze periode')).toBe(plain!.coaches);
    expect(c!.coachesLeft).toBe(1);
    expect(cell(dropout, 'Gestopt')).toBeNull();
    const support = section(dashboard, 'support');
    expect(cell(support, 'Signalen gemeld')).toBe(c!.raised);
    expect(cell(support, 'Signalen nog open')).toBe(c!.open);
    expect(cell(support, 'Doorverwijzingen')).toBe(c!.referrals);
    // 3 helped, 1 partly, 2 unanswered: all small cells, all hidden.
    expect([c!.helped, c!.partly, c!.unanswered]).toEqual([3, 1, 2]);
    expect(cell(support, 'Geholpen')).toBeNull();
    expect(cell(support, 'Een beetje geholpen')).toBeNull();

    // Hours and cost per month.
    const [comp] = await rows<{ minutes: number; cents: number; coaches: number }>(t, sql`select sum(total_minutes)::int as minutes, sum(total_cents)::int as cents, count(distinct coach_person_id)::int as coaches from compensation_statements where programme_id = ${w.programme.id} and month = '2026-09'`);
    expect(section(dashboard, 'compensation').table.rows.find((r) => r[0] === '2026-09')?.slice(1, 4)).toEqual([comp!.minutes / 60, comp!.cents, comp!.coaches]);
  });

  it('a community of 4 never shows its own figure: not in the API, not in the CSV, not in the PDF', async () => {
    const heat = section(dashboard, 'attendanceHeatmap');
    const small = heat.table.rows.find((r) => r[0] === SMALL_COMMUNITY)!;
    expect(small.slice(1).every((v) => v === null)).toBe(true);
    expect(JSON.stringify(dashboard)).not.toContain('0.75');

    const csv = await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/dashboard/attendanceHeatmap/table.csv?intakeId=${w.intake.id}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const line = csv.body.split('\r\n').find((l) => l.startsWith(SMALL_COMMUNITY))!;
    expect(line.split(';').slice(1).every((v) => v === '<5')).toBe(true);
    expect(csv.body).not.toContain('75%');
    const noord = csv.body.split('\r\n').find((l) => l.startsWith('Community Noord'))!;
    expect(noord.split(';')).toContain('100%');

    const pdf = await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/impact-report/2026-2027/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).not.toContain('75%');
    expect(text).not.toContain(SMALL_COMMUNITY);
    // The report's figures are the dashboard's.
    expect(text).toMatch(/Studenten\s+28\s+6/);
    expect(text).toContain('Jaarverslag');
  });

  it('opleidingsmanagement reads its programme’s aggregates, never a name, and nothing of another programme', async () => {
    const own = await as.management.request('GET', `/api/programmes/${w.programme.id}/dashboard?intakeId=${w.intake.id}`);
    expect(own.statusCode).toBe(200);
    const body = own.json<DashboardResponse>();
    expect(body.includesPeople).toBe(false);
    const missed = section(body, 'threeMissed');
    expect(missed.table.rows).toEqual([['Studenten die drie keer op rij misten', null]]);
    // No coachee's name anywhere in what management receives.
    const names = await rows<{ first: string; last: string }>(t, sql`select first_name as first, last_name as last from people p join role_assignments r on r.person_id = p.id where r.role = 'coachee'`);
    const text = own.body;
    for (const n of names) expect(text).not.toContain(`${n.first} ${n.last}`);
    // The coordinator does see the names of the three-missed list.
    expect(section(dashboard, 'threeMissed').table.rows.length).toBe(3);

    const programmes = await as.management.request('GET', '/api/insight/programmes');
    expect(programmes.json<{ programmes: { id: string; canWriteReport: boolean }[] }>().programmes).toEqual([{ id: w.programme.id, name: w.programme.nameNl, canWriteReport: false }]);

    for (const client of [as.otherManagement, as.otherCoordinator, as.coach]) {
      for (const url of [
        `/api/programmes/${w.programme.id}/dashboard`,
        `/api/programmes/${w.programme.id}/dashboard/reach/table.csv`,
        `/api/programmes/${w.programme.id}/impact-report/2026-2027`,
        `/api/programmes/${w.programme.id}/impact-report/2026-2027/report.pdf`,
      ]) {
        const r = await client.request('GET', url);
        expect(r.statusCode, url).toBe(404);
      }
    }
    const missing = await as.management.request('GET', '/api/programmes/00000000-0000-4000-8000-000000000000/dashboard');
    const forbidden = await as.otherManagement.request('GET', `/api/programmes/${w.programme.id}/dashboard`);
    expect(forbidden.statusCode).toBe(404);
    const withoutRequestId = (body: { error: Record<string, unknown> }) => ({ ...body.error, requestId: undefined });
    expect(withoutRequestId(forbidden.json())).toEqual(withoutRequestId(missing.json()));
    // Management does not write the report's texts.
    const write = await as.management.request('PUT', `/api/programmes/${w.programme.id}/impact-report/2026-2027/texts`, { wentWell: 'x', needed: 'y', version: 0 });
    expect(write.statusCode).toBe(404);
  });

  it('an intake of another programme is the same 404; a reversed period is a translated 400', async () => {
    const other = await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/dashboard?intakeId=${w.otherIntake.id}`);
    expect(other.statusCode).toBe(404);
    const reversed = await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/dashboard?from=2026-10-01&to=2026-09-01`, undefined, { 'accept-language': 'nl' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields).toEqual([{ path: 'to', message: 'Het einde ligt voor het begin.' }]);
    const bad = await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/dashboard?from=gisteren`);
    expect(bad.statusCode).toBe(400);
    const badYear = await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/impact-report/2026-2028`);
    expect(badYear.statusCode).toBe(404);
  });

  it('the impact report compares with last year, lists the Roadmap factors, and keeps the coordinator’s texts (409 on a stale save)', async () => {
    const response = await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/impact-report/2026-2027`);
    expect(response.statusCode).toBe(200);
    const report = response.json<ImpactReportResponse>();
    expect(report.previousYear).toBe('2025-2026');
    // The report says how students take part: this year's intake, compulsory.
    expect(section(report, 'participation').table.rows.map((r) => r.slice(0, 2))).toEqual([['2026-2027 september', 'Verplicht']]);
    expect(report.comparison.find((c) => c.label === 'Studenten')).toEqual({ label: 'Studenten', kind: 'count', thisYear: 28, previousYear: 6 });
    expect(report.comparison.find((c) => c.label === 'Bijeenkomsten gehouden')).toMatchObject({ thisYear: 28, previousYear: 2 });
    expect(report.roadmapFactors.map((f) => f.id)).toEqual(['f4-sociale-en-academische-integratie', 'f13-welzijn-en-inclusie', 'f14-eerste-en-tweedelijns-coaching']);
    for (const e of ROADMAP_EVIDENCE) expect(t.services.content.roadmap.factors.some((f) => f.id === e.factorId), e.factorId).toBe(true);
    // The report never names people, also not for the coordinator.
    expect(section(report, 'threeMissed').table.rows).toEqual([['Studenten die drie keer op rij misten', null]]);

    const url = `/api/programmes/${w.programme.id}/impact-report/2026-2027/texts`;
    const [a, b] = await Promise.all([
      as.coordinator.request('PUT', url, { wentWell: 'De opkomst bleef hoog.', needed: 'Meer coaches.', version: 0 }),
      as.coordinator.request('PUT', url, { wentWell: 'Iets anders', needed: '', version: 0 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const stale = await as.coordinator.request('PUT', url, { wentWell: 'Oud', needed: '', version: 0 });
    expect(stale.statusCode).toBe(409);
    const tooLong = await as.coordinator.request('PUT', url, { wentWell: 'x'.repeat(4001), needed: '', version: 1 });
    expect(tooLong.statusCode).toBe(400);
    // A version beyond what the database counts (found by the fuzzer): a 400, not a 500.
    const huge = await as.coordinator.request('PUT', url, { wentWell: 'x', needed: '', version: 20486843713555 });
    expect(huge.statusCode).toBe(400);
    const saved = (await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/impact-report/2026-2027`)).json<ImpactReportResponse>();
    expect(saved.texts.version).toBe(1);
    expect(['De opkomst bleef hoog.', 'Iets anders']).toContain(saved.texts.wentWell);

    const en = await as.coordinator.request('GET', `/api/programmes/${w.programme.id}/impact-report/2026-2027/report.pdf?lang=en`);
    const text = pdfText(en.rawPayload);
    expect(text).toContain('Impact report');
    expect(text).toContain(saved.texts.wentWell);
    expect(text).toMatch(/Students\s+28\s+6/);
  });
});
