/**
 * The Roadmap to studentsucces (#22) through HTTP on the real app: a roadmap per programme and
 * year, an invited stakeholder who sees and assesses only their factors, views side by side and
 * the agreed status (409 on a stale version), the improvement plan with its owner's reminder
 * exactly once, the one-page PDF, evidence with small groups suppressed, progress over the years,
 * the institution's versioned content with the shipped update offered, and bad input refused
 * with a translated message and nothing stored.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImpactReportResponse } from '../../src/contracts/insight';
import type { RoadmapContentResponse, RoadmapProgressResponse, RoadmapResponse } from '../../src/contracts/roadmap';
import { mailOutbox, roadmapAssessments, roadmapContentVersions, roadmapPlanItems, roadmapStakeholders, roadmapViews } from '../../src/server/db/schema';
import { jobHandlers, retentionPurges } from '../../src/server/job-handlers';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { roadmapSummary } from '../../src/server/modules/roadmap/public';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

const F4 = 'f4-sociale-en-academische-integratie';
const F14 = 'f14-eerste-en-tweedelijns-coaching';
const F1 = 'f1-verwachtingen-managen';

describe(`roadmap on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let as: Record<'coordinator' | 'management' | 'otherCoordinator' | 'rep' | 'coachee' | 'leercoach' | 'beheerder' | 'outsider', Client>;
  let ids: { institution: string; programme: string; otherProgramme: string };

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  beforeEach(async () => {
    await t.reset();
    t.setNow(new Date('2030-03-10T10:00:00Z'));
    const fx = await coachWithCommunity(t);
    const otherProgramme = await t.factories.programme(fx.institution.id);
    const otherInstitution = await t.factories.institution();
    await fx.person(['coordinator'], 'coordinator@test.example');
    await fx.person(['opleidingsmanagement'], 'management@test.example');
    await fx.person(['coachee'], 'rep@test.example');
    await fx.person(['leercoach'], 'leercoach@test.example');
    await fx.person(['beheerder'], 'beheerder@test.example');
    await t.factories.person({ institutionId: fx.institution.id, programmeId: otherProgramme.id, roles: ['coordinator'], email: 'other-coordinator@test.example', password: FIXTURE_PASSWORD });
    await t.factories.person({ institutionId: otherInstitution.id, programmeId: null, roles: ['beheerder'], email: 'outsider@test.example', password: FIXTURE_PASSWORD });
    const sign = (local: string) => signedIn(app, `${local}@test.example`, FIXTURE_PASSWORD);
    as = {
      coordinator: await sign('coordinator'),
      management: await sign('management'),
      otherCoordinator: await sign('other-coordinator'),
      rep: await sign('rep'),
      coachee: await sign('coachee'),
      leercoach: await sign('leercoach'),
      beheerder: await sign('beheerder'),
      outsider: await sign('outsider'),
    };
    ids = { institution: fx.institution.id, programme: fx.programme.id, otherProgramme: otherProgramme.id };
  });

  const start = async (who: Client, programmeId: string | null, year = 2029) => who.request('POST', '/api/roadmaps', { programmeId, year });
  const roadmapOf = async (who: Client, id: string) => who.request('GET', `/api/roadmaps/${id}`);
  const rowCounts = async () => {
    const db = t.database.db;
    const [a] = await db.select({ n: count() }).from(roadmapAssessments);
    const [v] = await db.select({ n: count() }).from(roadmapViews);
    const [p] = await db.select({ n: count() }).from(roadmapPlanItems);
    const [s] = await db.select({ n: count() }).from(roadmapStakeholders);
    return { assessments: a!.n, views: v!.n, plan: p!.n, stakeholders: s!.n };
  };

  it('keeps a roadmap per programme and year: owners start it, a second one for the year is 409, others get 404', async () => {
    const made = await start(as.coordinator, ids.programme);
    expect(made.statusCode).toBe(201);
    expect((await start(as.management, ids.programme)).statusCode).toBe(409);
    expect((await start(as.management, ids.programme, 2028)).statusCode).toBe(201);
    expect((await start(as.otherCoordinator, ids.programme, 2027)).statusCode).toBe(404);
    expect((await start(as.coachee, ids.programme, 2027)).statusCode).toBe(404);
    expect((await start(as.beheerder, null)).statusCode).toBe(201);
    expect((await start(as.coordinator, null, 2026)).statusCode).toBe(404);

    const list = (await as.coordinator.request('GET', '/api/roadmaps')).json<{ roadmaps: { year: number; programmeId: string | null }[]; canStart: unknown[]; currentYear: number }>();
    expect(list.roadmaps.map((r) => r.year)).toEqual([2029, 2028]);
    expect(list.currentYear).toBe(2029);
    const id = made.json<{ id: string }>().id;
    const full = (await roadmapOf(as.management, id)).json<RoadmapResponse>();
    expect(full.content.factors).toHaveLength(14);
    expect(full.content.principles).toHaveLength(3);
    expect(full.canManage).toBe(true);
    for (const who of [as.otherCoordinator, as.coachee, as.leercoach, as.rep, as.beheerder, as.outsider]) expect((await roadmapOf(who, id)).statusCode).toBe(404);
    expect((await as.coachee.request('GET', '/api/roadmaps')).json<{ roadmaps: unknown[] }>().roadmaps).toEqual([]);
  });

  it('lets an invited student representative see and assess only their factors; the coordinator sees the views side by side and records the agreed status', async () => {
    const id = (await start(as.coordinator, ids.programme)).json<{ id: string }>().id;
    expect((await as.coordinator.request('PUT', `/api/roadmaps/${id}/stakeholders`, { email: 'REP@test.example', stakeholderId: 'student', factorIds: [F4, F14] })).statusCode).toBe(204);

    const seen = (await roadmapOf(as.rep, id)).json<RoadmapResponse>();
    expect(seen.canManage).toBe(false);
    expect(seen.content.factors.map((f) => f.id)).toEqual([F4, F14]);
    expect(seen.plan).toEqual([]);
    expect(seen.stakeholders).toEqual([]);
    expect(seen.factors.every((f) => f.evidence.length === 0)).toBe(true);

    expect((await as.rep.request('PUT', `/api/roadmaps/${id}/factors/${F4}/view`, { status: 'started', note: 'Niet iedereen heeft een peercoach.' })).statusCode).toBe(204);
    expect((await as.rep.request('PUT', `/api/roadmaps/${id}/factors/${F14}/view`, { status: 'inPlace', note: '' })).statusCode).toBe(204);
    expect((await as.rep.request('PUT', `/api/roadmaps/${id}/factors/${F1}/view`, { status: 'inPlace', note: '' })).statusCode).toBe(404);
    expect((await as.rep.request('PUT', `/api/roadmaps/${id}/factors/${F4}/assessment`, { status: 'inPlace', evidenceNote: '', owner: null, version: 0 })).statusCode).toBe(404);
    expect((await as.coordinator.request('PUT', `/api/roadmaps/${id}/factors/${F4}/view`, { status: 'inPlace', note: 'Alle eerstejaars zitten in een community.' })).statusCode).toBe(204);
    expect((await as.coordinator.request('PUT', `/api/roadmaps/${id}/factors/${F14}/view`, { status: 'inPlace', note: '' })).statusCode).toBe(204);

    const owner = (await roadmapOf(as.coordinator, id)).json<RoadmapResponse>();
    const f4 = owner.factors.find((f) => f.factorId === F4)!;
    expect(f4.views.map((v) => v.status).sort()).toEqual(['inPlace', 'started']);
    expect(f4.differ).toBe(true);
    expect(owner.factors.find((f) => f.factorId === F14)!.differ).toBe(false);
    // The representative sees their own view only.
    expect((await roadmapOf(as.rep, id)).json<RoadmapResponse>().factors.find((f) => f.factorId === F4)!.views.map((v) => v.mine)).toEqual([true]);

    const record = (version: number, who = as.coordinator) => who.request('PUT', `/api/roadmaps/${id}/factors/${F4}/assessment`, { status: 'started', evidenceNote: 'Besproken met de studentvertegenwoordiger.', owner: { stakeholderId: 'directie-opleiding' }, version });
    expect((await record(0)).statusCode).toBe(204);
    expect((await record(0, as.management)).statusCode).toBe(409);
    expect((await record(1, as.management)).statusCode).toBe(204);
    expect((await record(1)).statusCode).toBe(409);
    const agreed = (await roadmapOf(as.rep, id)).json<RoadmapResponse>().factors.find((f) => f.factorId === F4)!.agreed;
    expect(agreed).toMatchObject({ status: 'started', owner: { kind: 'stakeholder', stakeholderId: 'directie-opleiding' }, version: 2 });

    // Taking the invitation back takes the views with it and closes the roadmap to the person.
    const repId = seen.factors.length > 0 ? (await roadmapOf(as.coordinator, id)).json<RoadmapResponse>().stakeholders[0]!.personId : '';
    expect((await as.coordinator.request('DELETE', `/api/roadmaps/${id}/stakeholders/${repId}`)).statusCode).toBe(204);
    expect((await roadmapOf(as.rep, id)).statusCode).toBe(404);
  });

  it('refuses bad input with a translated message and stores nothing', async () => {
    const id = (await start(as.coordinator, ids.programme)).json<{ id: string }>().id;
    const before = await rowCounts();
    const cases: [string, string, unknown, string][] = [
      ['PUT', `/api/roadmaps/${id}/factors/f99-bestaat-niet/assessment`, { status: 'started', evidenceNote: '', owner: null, version: 0 }, 'Deze factor staat niet in deze versie van de roadmap.'],
      ['PUT', `/api/roadmaps/${id}/factors/${F4}/assessment`, { status: 'started', evidenceNote: '', owner: { email: 'outsider@test.example' }, version: 0 }, 'Deze persoon hoort niet bij de instelling.'],
      ['PUT', `/api/roadmaps/${id}/factors/${F4}/assessment`, { status: 'started', evidenceNote: '', owner: { stakeholderId: 'niemand' }, version: 0 }, 'Kies een betrokkene uit de lijst'],
      ['POST', `/api/roadmaps/${id}/plan`, { interventionId: 'f4-vast-aanspreekpunt', owner: { stakeholderId: 'docenten' }, horizon: 'short', dueDate: '2030-03-09' }, 'Kies een datum vanaf vandaag.'],
      ['POST', `/api/roadmaps/${id}/plan`, { interventionId: 'bestaat-niet', owner: { stakeholderId: 'docenten' }, horizon: 'short', dueDate: '2030-04-09' }, 'Deze interventie staat niet in deze versie'],
      ['POST', `/api/roadmaps/${id}/plan`, { interventionId: 'p1-student-als-partner', owner: { email: 'outsider@test.example' }, horizon: 'short', dueDate: '2030-04-09' }, 'Deze persoon hoort niet bij de instelling.'],
      ['PUT', `/api/roadmaps/${id}/stakeholders`, { email: 'outsider@test.example', stakeholderId: 'student', factorIds: [F4] }, 'Er is niemand van de instelling met dit e-mailadres.'],
      ['PUT', `/api/roadmaps/${id}/stakeholders`, { email: 'rep@test.example', stakeholderId: 'student', factorIds: ['f99-bestaat-niet'] }, 'Deze factor staat niet in deze versie van de roadmap.'],
    ];
    for (const [method, url, body, message] of cases) {
      const response = await as.coordinator.request(method as 'PUT' | 'POST', url, body, { 'accept-language': 'nl' });
      expect(response.statusCode, url).toBe(400);
      expect(JSON.stringify(response.json()), url).toContain(message);
    }
    const english = await as.coordinator.request('POST', `/api/roadmaps/${id}/plan`, { interventionId: 'p1-student-als-partner', owner: { stakeholderId: 'docenten' }, horizon: 'short', dueDate: '2030-03-01' }, { 'accept-language': 'en' });
    expect(JSON.stringify(english.json())).toContain('Choose a date from today.');
    // Another programme's roadmap: the same 404 as a missing one.
    expect((await as.otherCoordinator.request('PUT', `/api/roadmaps/${id}/factors/${F4}/assessment`, { status: 'started', evidenceNote: '', owner: null, version: 0 })).statusCode).toBe(404);
    expect((await as.otherCoordinator.request('POST', `/api/roadmaps/${id}/plan`, { interventionId: 'p1-student-als-partner', owner: { stakeholderId: 'docenten' }, horizon: 'short', dueDate: '2030-04-09' })).statusCode).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });

  it('keeps the improvement plan: two interventions, 409 on the same one twice, the owner reminded once a week before, and a one-page PDF', async () => {
    const id = (await start(as.coordinator, ids.programme)).json<{ id: string }>().id;
    const add = (interventionId: string, owner: unknown, dueDate: string) => as.coordinator.request('POST', `/api/roadmaps/${id}/plan`, { interventionId, owner, horizon: 'short', dueDate });
    const first = await add('p1-student-als-partner', { email: 'management@test.example' }, '2030-04-01');
    expect(first.statusCode).toBe(201);
    expect((await add('f4-vast-aanspreekpunt', { stakeholderId: 'studentcoaches' }, '2030-05-01')).statusCode).toBe(201);
    expect((await add('p1-student-als-partner', { stakeholderId: 'docenten' }, '2030-06-01')).statusCode).toBe(409);

    const plan = (await roadmapOf(as.coordinator, id)).json<RoadmapResponse>().plan;
    expect(plan.map((p) => p.interventionId)).toEqual(['p1-student-als-partner', 'f4-vast-aanspreekpunt']);
    expect(plan[0]!.owner).toMatchObject({ kind: 'person' });

    const reminders = async () => (await t.database.db.select().from(mailOutbox)).filter((m) => m.subject.includes('verbeterplan'));
    t.setNow(new Date('2030-03-25T06:59:00Z'));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect(await reminders()).toHaveLength(0);
    t.setNow(new Date('2030-03-25T07:00:00Z'));
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    for (const purge of retentionPurges) await purge(t.services);
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.recipient).toBe('management@test.example');
    expect(sent[0]!.bodyText).toContain('De student wordt behandeld als partner.');
    expect(sent[0]!.bodyText).toContain(`/roadmaps/${id}`);

    as.coordinator = await signedIn(app, 'coordinator@test.example', FIXTURE_PASSWORD);
    const item = plan[0]!;
    expect((await as.coordinator.request('PUT', `/api/roadmaps/${id}/plan/${item.id}`, { owner: { personId: item.owner!.kind === 'person' ? item.owner!.personId : '' }, horizon: 'medium', dueDate: item.dueDate, status: 'inProgress', version: 1 })).statusCode).toBe(204);
    expect((await as.coordinator.request('PUT', `/api/roadmaps/${id}/plan/${item.id}`, { owner: { stakeholderId: 'docenten' }, horizon: 'medium', dueDate: item.dueDate, status: 'done', version: 1 })).statusCode).toBe(409);

    const pdf = await as.coordinator.request('GET', `/api/roadmaps/${id}/plan.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roadmap-')), 'plan.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info.stdout).toMatch(/Pages:\s+1\b/);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Verbeterplan');
    expect(text).toContain('De student wordt behandeld als partner.');
    const rep = await signedIn(app, 'rep@test.example', FIXTURE_PASSWORD);
    expect((await rep.request('GET', `/api/roadmaps/${id}/plan.pdf`)).statusCode).toBe(404);
  });

  it('shows progress over the years, suppresses figures about fewer than five people, and offers the roadmap section for the impact report', async () => {
    const last = (await start(as.coordinator, ids.programme, 2028)).json<{ id: string }>().id;
    const now = (await start(as.coordinator, ids.programme, 2029)).json<{ id: string }>().id;
    await as.coordinator.request('PUT', `/api/roadmaps/${last}/factors/${F4}/assessment`, { status: 'notStarted', evidenceNote: '', owner: null, version: 0 });
    await as.coordinator.request('PUT', `/api/roadmaps/${now}/factors/${F4}/assessment`, { status: 'inPlace', evidenceNote: '', owner: null, version: 0 });
    const progress = (await as.coordinator.request('GET', `/api/roadmaps/${now}/progress`)).json<RoadmapProgressResponse>();
    expect(progress.years).toEqual([2028, 2029]);
    expect(progress.rows.find((r) => r.factorId === F4)!.statuses).toEqual(['notStarted', 'inPlace']);
    expect(progress.svg).toMatch(/^<svg/);
    const roadmap = (await roadmapOf(as.coordinator, now)).json<RoadmapResponse>();
    expect(roadmap.factors.find((f) => f.factorId === F4)!.previous).toBe('notStarted');
    // One coachee in the programme: reach is about fewer than five people.
    const reach = roadmap.factors.find((f) => f.factorId === F4)!.evidence.find((e) => e.key === 'peerCoachingReach')!;
    expect(reach).toMatchObject({ state: 'suppressed', value: null });
    // No questionnaire asked about belonging this year, and nobody answered the 100-day question: no data, said so.
    expect(roadmap.factors.find((f) => f.factorId === F4)!.evidence.find((e) => e.key === 'belongingEvaluation')!.state).toBe('noData');

    const summary = await roadmapSummary(t.services, { institutionId: ids.institution, programmeId: ids.programme, year: 2029 });
    expect(summary?.years).toEqual([2028, 2029]);
    expect(summary?.thisYear.inPlace).toBe(1);
    expect(summary?.thisYear.none).toBe(13);
    expect(await roadmapSummary(t.services, { institutionId: ids.institution, programmeId: ids.otherProgramme, year: 2029 })).toBeNull();
  });

  it('puts the roadmap in the impact report: the factors worked on, this year next to last year, and the plan with status — on the page and in the PDF', async () => {
    const last = (await start(as.coordinator, ids.programme, 2028)).json<{ id: string }>().id;
    const now = (await start(as.coordinator, ids.programme, 2029)).json<{ id: string }>().id;
    await as.coordinator.request('PUT', `/api/roadmaps/${last}/factors/${F4}/assessment`, { status: 'started', evidenceNote: '', owner: null, version: 0 });
    await as.coordinator.request('PUT', `/api/roadmaps/${now}/factors/${F4}/assessment`, { status: 'embedded', evidenceNote: '', owner: null, version: 0 });
    await as.coordinator.request('PUT', `/api/roadmaps/${now}/factors/${F14}/assessment`, { status: 'started', evidenceNote: '', owner: null, version: 0 });
    expect((await as.coordinator.request('POST', `/api/roadmaps/${now}/plan`, { interventionId: 'f4-vast-aanspreekpunt', owner: { email: 'management@test.example' }, horizon: 'short', dueDate: '2030-05-01' })).statusCode).toBe(201);
    const items = (await roadmapOf(as.coordinator, now)).json<RoadmapResponse>().plan;
    await as.coordinator.request('PUT', `/api/roadmaps/${now}/plan/${items[0]!.id}`, { owner: { stakeholderId: 'studentcoaches' }, horizon: 'short', dueDate: '2030-05-01', status: 'inProgress', version: 1 });

    const url = `/api/programmes/${ids.programme}/impact-report/2029-2030`;
    const report = (await as.coordinator.request('GET', url, undefined, { 'accept-language': 'nl' })).json<ImpactReportResponse>();
    expect(report.roadmap).toEqual({
      hasLastYear: true,
      factors: [
        { id: F4, number: 4, title: 'Sociale en academische integratie', thisYear: 'Verankerd', lastYear: 'Gestart' },
        { id: F14, number: 14, title: expect.any(String) as string, thisYear: 'Gestart', lastYear: null },
      ],
      plan: [{ id: 'f4-vast-aanspreekpunt', title: expect.any(String) as string, factorNumber: 4, horizon: 'Kort', dueDate: '2030-05-01', status: 'Bezig' }],
    });
    // The report names no people: not the owner of the plan item.
    expect(JSON.stringify(report.roadmap)).not.toContain('management@');
    // Management reads the same section.
    expect((await as.management.request('GET', url)).json<ImpactReportResponse>().roadmap?.factors).toHaveLength(2);
    const pdfOf = async (lang: 'nl' | 'en') => {
      const pdf = await as.coordinator.request('GET', `${url}/report.pdf?lang=${lang}`);
      expect(pdf.statusCode).toBe(200);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roadmap-report-')), 'report.pdf');
      fs.writeFileSync(file, pdf.rawPayload);
      return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    };
    const nl = await pdfOf('nl');
    expect(nl).toContain('Roadmap van dit studiejaar');
    expect(nl).toMatch(/4\. Sociale en academische integratie\s+Verankerd\s+Gestart/);
    expect(nl).toMatch(/Kort\s+2030-05-01\s+Bezig/);
    const en = await pdfOf('en');
    expect(en).toContain("This year's roadmap");
    expect(en).toMatch(/Embedded\s+Started/);
    expect(en).toMatch(/Short\s+2030-05-01\s+In progress/);

    const none = (await as.coordinator.request('GET', `/api/programmes/${ids.programme}/impact-report/2027-2028`)).json<ImpactReportResponse>();
    expect(none.roadmap).toBeNull();
  });

  it("keeps the institution's own content as versions, offers a newer shipped version and never forces it", async () => {
    const got = (await as.beheerder.request('GET', '/api/roadmap-content')).json<RoadmapContentResponse>();
    expect(got.version).toBe(0);
    expect(got.offered).toBeNull();
    expect((await as.coordinator.request('GET', '/api/roadmap-content')).statusCode).toBe(404);

    const edited = structuredClone(got.content);
    edited.factors[0]!.title.nl = 'Verwachtingen eerlijk managen';
    // A copy based on an older shipped version: the shipped one is then offered.
    const saved = await as.beheerder.request('PUT', '/api/roadmap-content', { content: edited, baseVersion: 0 });
    expect(saved.json()).toEqual({ version: 1 });
    expect((await as.beheerder.request('PUT', '/api/roadmap-content', { content: edited, baseVersion: 0 })).statusCode).toBe(409);
    const broken = structuredClone(edited) as unknown as { factors: { title: { en: string } }[] };
    broken.factors[0]!.title.en = '';
    const refused = await as.beheerder.request('PUT', '/api/roadmap-content', { content: broken, baseVersion: 1 }, { 'accept-language': 'nl' });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('De inhoud klopt niet');

    const id = (await start(as.coordinator, ids.programme)).json<{ id: string }>().id;
    expect((await roadmapOf(as.coordinator, id)).json<RoadmapResponse>().content.factors[0]!.title.nl).toBe('Verwachtingen eerlijk managen');
    const after = (await as.beheerder.request('GET', '/api/roadmap-content')).json<RoadmapContentResponse>();
    expect(after.version).toBe(1);
    expect(after.offered).toBeNull();
    expect((await as.beheerder.request('POST', '/api/roadmap-content/adopt-shipped', { baseVersion: 1 })).json()).toEqual({ version: 2 });
    // The roadmap already started keeps its version.
    expect((await roadmapOf(as.coordinator, id)).json<RoadmapResponse>().content.factors[0]!.title.nl).toBe('Verwachtingen eerlijk managen');
  });

  it('checks the edited content field by field, offers a newer shipped version grouped per factor, and lets the beheerder keep their own', async () => {
    const got = (await as.beheerder.request('GET', '/api/roadmap-content')).json<RoadmapContentResponse>();
    const bad = structuredClone(got.content);
    bad.factors[3]!.interventions[0]!.title.en = '';
    bad.factors[3]!.interventions.push({ id: 'f4-eigen-1', title: { nl: 'Eigen interventie', en: 'Own intervention' }, stakeholders: [], horizon: ['short'] });
    const used = bad.factors[0]!.interventions[0]!.stakeholders[0]!;
    bad.stakeholders = bad.stakeholders.filter((s) => s.id !== used);
    const refused = await as.beheerder.request('PUT', '/api/roadmap-content', { content: bad, baseVersion: 0 }, { 'accept-language': 'nl' });
    expect(refused.statusCode).toBe(400);
    const fields = new Map(refused.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields.map((f) => [f.path, f.message]));
    expect(fields.get('content')).toContain('Er is niets opgeslagen');
    expect(fields.get('content.factors.3.interventions.0.title.en')).toBe('Dit veld is verplicht.');
    expect(fields.get(`content.factors.3.interventions.${bad.factors[3]!.interventions.length - 1}.stakeholders`)).toMatch(/minstens 1/);
    expect(fields.get('content.factors.0.interventions.0.stakeholders')).toBe('Kies een betrokkene uit de lijst van de roadmap.');
    expect((await as.beheerder.request('GET', '/api/roadmap-content')).json<RoadmapContentResponse>().version).toBe(0);

    // A copy made when the shipped content was one version older: that version is offered, per factor.
    const own = structuredClone(got.content);
    own.factors[3]!.interventions[0]!.horizon = ['long'];
    own.factors[3]!.title.nl = 'Erbij horen';
    const dropped = own.factors[3]!.interventions.pop()!;
    await t.database.db.insert(roadmapContentVersions).values({ institutionId: ids.institution, version: 1, shippedVersion: got.shippedVersion - 1, content: own, savedBy: null });
    const offered = (await as.beheerder.request('GET', '/api/roadmap-content')).json<RoadmapContentResponse>();
    expect(offered.offered?.shippedVersion).toBe(got.shippedVersion);
    const changes = offered.offered!.changes;
    expect(changes.filter((c) => c.group.kind !== 'factor' || c.group.number !== 4)).toEqual([]);
    expect(changes).toContainEqual(expect.objectContaining({ item: `factor:${F4}`, kind: 'changed', fields: ['title'], before: expect.objectContaining({ nl: 'Erbij horen' }) as unknown }));
    expect(changes).toContainEqual(expect.objectContaining({ item: `intervention:${own.factors[3]!.interventions[0]!.id}`, kind: 'changed', fields: ['horizon'] }));
    expect(changes).toContainEqual(expect.objectContaining({ item: `intervention:${dropped.id}`, kind: 'added' }));

    // Keep my version: the same content as a new version, no longer offered; twice from the same version is 409.
    const [a, b] = await Promise.all([as.beheerder.request('POST', '/api/roadmap-content/keep-own', { baseVersion: 1 }), as.beheerder.request('POST', '/api/roadmap-content/keep-own', { baseVersion: 1 })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const kept = (await as.beheerder.request('GET', '/api/roadmap-content')).json<RoadmapContentResponse>();
    expect(kept).toMatchObject({ version: 2, basedOnShipped: got.shippedVersion, offered: null });
    expect(kept.content.factors[3]!.title.nl).toBe('Erbij horen');
    expect((await as.coordinator.request('POST', '/api/roadmap-content/keep-own', { baseVersion: 2 })).statusCode).toBe(404);
  });
});
