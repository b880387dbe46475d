/**
 * Research studies and their exports (#19 items 1 and 5), through HTTP on the real app: proposing
 * (unknown and unavailable variables refused by name), four-eyes approval (409 on the second
 * decision), exports with only the people holding the research consent at that moment, per-study
 * pseudonyms, k ≥ 5 on the real file, download links (forged → 404, expired → 410), no personal
 * data in any answer, the withdrawals counter, and the CLI on a fresh demo.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { researchExportWithServices } from '../../src/cli/research';
import { isKAnonymous } from '../../src/domain/research/k-anonymity';
import { loadDemoIfEmpty } from '../../src/server/demo/load-demo';
import { evaluationAnswers, evaluationInvitations, evaluationLinkedAnswers, evaluationRounds, researchExports, researchStudies } from '../../src/server/db/schema';
import { createTestApp } from '../support/app';
import { FIXTURE_PASSWORD } from '../support/community-fixture';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

type Row = Record<string, string>;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pk-research-'));

function parseCsv(text: string): Row[] {
  const [header, ...lines] = text.trimEnd().split('\r\n');
  const columns = header!.split(',');
  return lines.filter((l) => l !== '').map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v])));
}

function unzipped(bytes: Buffer): Record<string, string> {
  const dir = tmp();
  const file = path.join(dir, 'export.zip');
  fs.writeFileSync(file, bytes);
  execFileSync('unzip', ['-q', file, '-d', dir]);
  const files = Object.fromEntries(['data.csv', 'codebook.json', 'README.md'].map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
  fs.rmSync(dir, { recursive: true });
  return files;
}

describe(`research on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let as: Record<'onderzoeker' | 'coordinator' | 'otherCoordinator' | 'coordinatorResearcher' | 'coachee' | 'beheerder', Client>;
  let ids: { institution: string; programme: string; otherProgramme: string; intake: string; coachees: string[]; coacheeNames: string[] };

  const propose = (client: Client, overrides: Record<string, unknown> = {}) =>
    client.request('POST', '/api/research/studies', {
      title: 'Aanwezigheid en welbevinden',
      question: 'Hangt aanwezigheid samen met welbevinden?',
      periodStart: '2030-01-01',
      periodEnd: '2030-12-31',
      programmeIds: [ids.programme],
      variables: ['programme', 'intake', 'class', 'community', 'sessionsAttended', 'attendanceRate', 'checkinCount', 'checkinMean'],
      ...overrides,
    });

  const approvedStudy = async (overrides: Record<string, unknown> = {}) => {
    const created = await propose(as.onderzoeker, overrides);
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect((await as.coordinator.request('POST', `/api/research/studies/${id}/decision`, { decision: 'approved' })).statusCode).toBe(200);
    return id;
  };

  const exportNow = async (studyId: string) => {
    const made = await as.onderzoeker.request('POST', `/api/research/studies/${studyId}/exports`);
    expect(made.statusCode).toBe(201);
    const body = made.json<{ downloadUrl: string; export: { rows: number; k: number; suppressedRows: number; suppressedCells: number } }>();
    const download = await as.onderzoeker.request('GET', body.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    const files = unzipped(download.rawPayload);
    return { ...body, files, rows: parseCsv(files['data.csv']!) };
  };

  const setConsent = async (personId: string, event: 'grant' | 'withdraw') => {
    await t.factories.consent({ institutionId: ids.institution, personId, consentId: 'research-use', event, at: new Date(), consents: t.services.content.consents });
  };

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  beforeEach(async () => {
    await t.reset();
    t.setNow(new Date('2030-06-10T10:00:00Z'));
    const f = t.factories;
    const institution = await f.institution();
    const programme = await f.programme(institution.id, { nameNl: 'Social Work', nameEn: 'Social Work' });
    const otherProgramme = await f.programme(institution.id, { nameNl: 'Bedrijfskunde', nameEn: 'Business' });
    const intake = await f.intake(programme.id, { academicYear: '2029-2030', month: 'september' });
    const person = (roles: Parameters<typeof f.person>[0]['roles'], email: string, programmeId = programme.id) => f.person({ institutionId: institution.id, programmeId, roles, email, password: FIXTURE_PASSWORD });
    await person(['onderzoeker'], 'onderzoeker@test.example');
    await person(['coordinator'], 'coordinator@test.example');
    await person(['coordinator'], 'other-coordinator@test.example', otherProgramme.id);
    await person(['coordinator', 'onderzoeker'], 'coordinator-researcher@test.example');
    await person(['beheerder'], 'beheerder@test.example');
    const coach = await person(['studentcoach'], 'coach@test.example');
    const classA = await f.class(intake.id, { code: 'SW1A' });
    const classB = await f.class(intake.id, { code: 'SW1B' });
    const coachees = [];
    for (let i = 0; i < 12; i++) {
      const c = await f.person({ institutionId: institution.id, programmeId: programme.id, roles: ['coachee'], firstName: `Studentnaam${i}`, lastName: 'Onderzoektest', email: i === 0 ? 'coachee@test.example' : `coachee${i}@test.example`, password: FIXTURE_PASSWORD });
      await f.enrol(i < 9 ? classA.id : classB.id, c.id);
      coachees.push(c);
    }
    await f.community({ intakeId: intake.id, classId: classA.id, coachId: coach.id, memberIds: coachees.slice(0, 9).map((c) => c.id) });
    ids = { institution: institution.id, programme: programme.id, otherProgramme: otherProgramme.id, intake: intake.id, coachees: coachees.map((c) => c.id), coacheeNames: coachees.map((c) => c.firstName) };
    // Ten of the twelve hold the research consent; one never answered, one said no.
    for (const c of coachees.slice(0, 10)) await setConsent(c.id, 'grant');
    await setConsent(coachees[11]!.id, 'withdraw');
    as = {
      onderzoeker: await signedIn(app, 'onderzoeker@test.example', FIXTURE_PASSWORD),
      coordinator: await signedIn(app, 'coordinator@test.example', FIXTURE_PASSWORD),
      otherCoordinator: await signedIn(app, 'other-coordinator@test.example', FIXTURE_PASSWORD),
      coordinatorResearcher: await signedIn(app, 'coordinator-researcher@test.example', FIXTURE_PASSWORD),
      coachee: await signedIn(app, 'coachee@test.example', FIXTURE_PASSWORD),
      beheerder: await signedIn(app, 'beheerder@test.example', FIXTURE_PASSWORD),
    };
  });

  const studyCount = async () => (await t.services.db.select({ n: count() }).from(researchStudies))[0]!.n;
  const exportCount = async () => (await t.services.db.select({ n: count() }).from(researchExports))[0]!.n;

  it('refuses unknown and unavailable variables by name, in the reader’s language, and stores nothing', async () => {
    const unknown = await propose(as.onderzoeker, { variables: ['programme', 'shoeSize'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields[0]).toEqual({ path: 'variables', message: expect.stringContaining('shoeSize') });
    const unavailable = await propose(as.onderzoeker, { variables: ['ageBand'] });
    expect(unavailable.statusCode).toBe(400);
    expect(unavailable.body).toContain('Leeftijdsgroep');
    const english = await as.onderzoeker.request('POST', '/api/research/studies', { title: 'x', question: 'y', periodStart: '2030-02-01', periodEnd: '2030-01-01', programmeIds: [ids.programme], variables: ['programme'] }, { 'accept-language': 'en' });
    expect(english.statusCode).toBe(400);
    expect(english.body).toMatch(/end .*after|before/i);
    expect((await propose(as.onderzoeker, { programmeIds: ['00000000-0000-4000-8000-000000000000'] })).statusCode).toBe(400);
    expect(await studyCount()).toBe(0);
  });

  it('needs the coordinator of every programme; never the proposer; the second decision gets 409', async () => {
    const both = (await propose(as.onderzoeker, { programmeIds: [ids.programme, ids.otherProgramme] })).json<{ id: string }>().id;
    expect((await as.onderzoeker.request('POST', `/api/research/studies/${both}/decision`, { decision: 'approved' })).statusCode).toBe(404);
    expect((await as.coordinator.request('POST', `/api/research/studies/${both}/decision`, { decision: 'rejected' })).statusCode).toBe(400);
    expect((await as.coordinator.request('POST', `/api/research/studies/${both}/decision`, { decision: 'approved' })).json<{ status: string }>().status).toBe('proposed');
    expect((await as.coordinator.request('POST', `/api/research/studies/${both}/decision`, { decision: 'approved' })).statusCode).toBe(409);
    expect((await as.onderzoeker.request('POST', `/api/research/studies/${both}/exports`)).statusCode).toBe(409);
    expect(await exportCount()).toBe(0);
    expect((await as.otherCoordinator.request('POST', `/api/research/studies/${both}/decision`, { decision: 'approved' })).json<{ status: string }>().status).toBe('approved');
    const study = (await as.coordinator.request('GET', `/api/research/studies/${both}`)).json<{ status: string; programmes: { decision: string; decidedByMe: boolean; decidedAt: string }[]; canExport: boolean }>();
    expect(study.status).toBe('approved');
    expect(study.programmes.map((p) => [p.decision, p.decidedByMe])).toEqual([['approved', false], ['approved', true]]);
    expect(study.canExport).toBe(false);

    const own = (await propose(as.coordinatorResearcher)).json<{ id: string }>().id;
    expect((await as.coordinatorResearcher.request('POST', `/api/research/studies/${own}/decision`, { decision: 'approved' })).statusCode).toBe(404);
    const decisions = await Promise.all([as.coordinator.request('POST', `/api/research/studies/${own}/decision`, { decision: 'approved' }), as.coordinator.request('POST', `/api/research/studies/${own}/decision`, { decision: 'rejected', note: 'Te breed.' })]);
    expect(decisions.map((d) => d.statusCode).sort()).toEqual([200, 409]);
  });

  it('exports only the people holding the research consent at that moment; withdrawal counts and excludes, a new grant returns under the same pseudonym', async () => {
    const studyId = await approvedStudy();
    const first = await exportNow(studyId);
    expect(first.export.rows + first.export.suppressedRows).toBe(10);
    expect(first.rows.length).toBe(first.export.rows);
    expect(first.files['README.md']).toContain('holding the consent: 10');
    expect(first.files['README.md']).toContain('text version 1');
    expect((await as.onderzoeker.request('GET', `/api/research/studies/${studyId}`)).json<{ withdrawnSinceLastExport: number }>().withdrawnSinceLastExport).toBe(0);

    await setConsent(ids.coachees[0]!, 'withdraw');
    await setConsent(ids.coachees[1]!, 'withdraw');
    expect((await as.onderzoeker.request('GET', `/api/research/studies/${studyId}`)).json<{ withdrawnSinceLastExport: number }>().withdrawnSinceLastExport).toBe(2);
    const second = await exportNow(studyId);
    expect(second.export.rows + second.export.suppressedRows).toBe(8);
    const firstPseudonyms = new Set(first.rows.map((r) => r.pseudonym));
    expect(second.rows.every((r) => firstPseudonyms.has(r.pseudonym))).toBe(true);
    expect((await as.onderzoeker.request('GET', `/api/research/studies/${studyId}`)).json<{ withdrawnSinceLastExport: number }>().withdrawnSinceLastExport).toBe(0);

    await setConsent(ids.coachees[0]!, 'grant');
    await setConsent(ids.coachees[10]!, 'grant');
    const third = await exportNow(studyId);
    expect(third.export.rows + third.export.suppressedRows).toBe(10);
    const back = third.rows.filter((r) => !second.rows.some((s) => s.pseudonym === r.pseudonym)).map((r) => r.pseudonym);
    expect(back.filter((p) => firstPseudonyms.has(p))).toHaveLength(back.length - 1); // the returning person kept theirs; the newcomer is new

    const log = (await as.coordinator.request('GET', `/api/research/studies/${studyId}`)).json<{ exports: { rows: number; downloads: number; via: string }[] }>().exports;
    expect(log).toHaveLength(3);
    expect(log.every((e) => e.downloads === 1 && e.via === 'app')).toBe(true);
  });

  it('gives every study its own pseudonyms, and the file is k-anonymous with k = 5', async () => {
    const one = await exportNow(await approvedStudy());
    const two = await exportNow(await approvedStudy({ title: 'Tweede onderzoek' }));
    expect(one.rows.length).toBeGreaterThan(0);
    const inOne = new Set(one.rows.map((r) => r.pseudonym));
    expect(two.rows.some((r) => inOne.has(r.pseudonym))).toBe(false);
    for (const e of [one, two]) {
      expect(e.export.k).toBe(5);
      expect(isKAnonymous(e.rows.map((r) => [r.programme!, r.intake!, r.class!, r.community!]), 5)).toBe(true);
      expect(Object.keys(e.rows[0]!)).toEqual(['pseudonym', 'programme', 'intake', 'class', 'community', 'sessionsAttended', 'attendanceRate', 'checkinCount', 'checkinMean']);
    }
    // Class SW1B holds one consenting student: the class cannot stay exact.
    expect(one.rows.every((r) => r.class === '*')).toBe(true);
    expect(one.export.suppressedCells).toBeGreaterThan(0);
    const codebook = JSON.parse(one.files['codebook.json']!) as { variables: { id: string; quasiIdentifier: boolean; valueLabels?: Record<string, { nl: string; en: string }> }[] };
    expect(codebook.variables.find((v) => v.id === 'class')).toMatchObject({ quasiIdentifier: true });
    expect(codebook.variables.find((v) => v.id === 'checkinMean')).toMatchObject({ quasiIdentifier: false });
    expect(codebook.variables.find((v) => v.id === 'programme')!.valueLabels!.P1).toEqual({ nl: 'Social Work', en: 'Social Work' });
  });

  it('exports the closed answers of confidential questionnaires per question and moment, with value labels; never text, never anonymous answers', async () => {
    const db = t.services.db;
    const questions = t.services.content.questions.evaluation;
    const round = async (moment: 'T0' | 'T1' | 'T2', mode: 'anonymous' | 'confidential', opensOn: string) =>
      (await db.insert(evaluationRounds).values({ intakeId: ids.intake, moment, mode, opensOn, closesOn: opensOn.replace(/-\d\d$/, '-28'), contentVersion: 1, questions, openedAt: new Date(`${opensOn}T07:00:00Z`) }).returning())[0]!;
    const t0 = await round('T0', 'confidential', '2030-02-01');
    const t1 = await round('T1', 'anonymous', '2030-05-01');
    const t2 = await round('T2', 'confidential', '2030-06-01');
    const answer = async (roundId: string, personId: string, n: number, values: { scale: number; choice: string; text: string }) => {
      const [inv] = await db.insert(evaluationInvitations).values({ roundId, personId, questionSet: 'coachee', tokenHash: `research-${roundId}-${n}`, invitedAt: new Date('2030-02-01T07:00:00Z') }).returning();
      await db.insert(evaluationLinkedAnswers).values([
        { invitationId: inv!.id, questionKey: 'eval-coachee-connected-peers', contentVersion: 1, scaleValue: values.scale, answeredAt: new Date('2030-02-02T07:00:00Z') },
        { invitationId: inv!.id, questionKey: 'eval-coachee-recommend', contentVersion: 1, choiceValues: [values.choice], answeredAt: new Date('2030-02-02T07:00:00Z') },
        { invitationId: inv!.id, questionKey: 'eval-coachee-improve', contentVersion: 1, textValue: `${values.text} ${n}`, answeredAt: new Date('2030-02-02T07:00:00Z') },
      ]);
    };
    // Coachees 0–9 hold the consent; 11 withdrew (their answers must not leave); 0–4 answered T0, 0–2 answered T2.
    for (const i of [0, 1, 2, 3, 4, 11]) await answer(t0.id, ids.coachees[i]!, i, { scale: 1 + (i % 5), choice: i % 2 === 0 ? 'yes' : 'maybe', text: 'Geheimtekst-T0' });
    for (const i of [0, 1, 2]) await answer(t2.id, ids.coachees[i]!, i, { scale: 5, choice: 'yes', text: 'Geheimtekst-T2' });
    // The anonymous moment: answers with no person link — they can never be in a person's row.
    await db.insert(evaluationAnswers).values({ roundId: t1.id, questionSet: 'coachee', questionKey: 'eval-coachee-connected-peers', contentVersion: 1, scaleValue: 3 });

    const made = await exportNow(await approvedStudy({ variables: ['programme', 'evaluationAnswers'] }));
    const header = Object.keys(made.rows[0]!);
    expect(header.slice(0, 2)).toEqual(['pseudonym', 'programme']);
    expect(header).toContain('T0_eval_coachee_connected_peers');
    expect(header).toContain('T2_eval_coachee_recommend');
    expect(header.some((h) => h.includes('improve') || h.includes('most_valuable'))).toBe(false);
    expect(made.rows).toHaveLength(10);
    const t0Scales = made.rows.map((r) => r.T0_eval_coachee_connected_peers).filter((v) => v !== '').sort();
    expect(t0Scales).toEqual(['1', '2', '3', '4', '5']);
    expect(made.rows.filter((r) => r.T2_eval_coachee_connected_peers === '5')).toHaveLength(3);
    expect(made.rows.filter((r) => r.T1_eval_coachee_connected_peers !== '')).toHaveLength(0);
    expect(made.rows.map((r) => r.T0_eval_coachee_recommend).filter((v) => v !== '').sort()).toEqual(['maybe', 'maybe', 'yes', 'yes', 'yes']);
    // Coachee 11 (withdrew) answered 2 at T0: the five values above are exactly coachees 0–4. No text answer leaves.
    expect(JSON.stringify(made.files)).not.toContain('Geheimtekst');

    const codebook = JSON.parse(made.files['codebook.json']!) as { variables: { id: string; type: string; quasiIdentifier: boolean; label: { nl: string; en: string }; valueLabels?: Record<string, { nl: string; en: string }> }[] };
    const scale = codebook.variables.find((v) => v.id === 'T0_eval_coachee_connected_peers')!;
    expect(scale).toMatchObject({ type: 'integer', quasiIdentifier: false });
    expect(scale.label.nl).toMatch(/^T0: /);
    expect(Object.keys(scale.valueLabels!)).toEqual(['1', '5']);
    const choice = codebook.variables.find((v) => v.id === 'T2_eval_coachee_recommend')!;
    expect(choice).toMatchObject({ type: 'category', quasiIdentifier: false });
    expect(choice.valueLabels!.yes!.nl).not.toBe('');
    expect(choice.valueLabels!.yes!.en).not.toBe('');
    expect(choice.valueLabels!['*']).toBeUndefined();
    // Answers are no quasi-identifiers: k-anonymity still only looks at the programme.
    expect(codebook.variables.filter((v) => v.quasiIdentifier).map((v) => v.id)).toEqual(['programme']);
    expect(made.export.suppressedCells).toBe(0);
  });

  it('never carries a name, e-mail, student number or person id to the researcher', async () => {
    const studyId = await approvedStudy();
    const made = await exportNow(studyId);
    const answers = [
      JSON.stringify(made.files),
      (await as.onderzoeker.request('GET', '/api/research/studies')).body,
      (await as.onderzoeker.request('GET', `/api/research/studies/${studyId}`)).body,
      (await as.onderzoeker.request('GET', '/api/research/catalogue')).body,
    ].join('\n');
    for (const id of ids.coachees) expect(answers).not.toContain(id);
    for (const name of ids.coacheeNames) expect(answers).not.toContain(name);
    expect(answers).not.toMatch(/@test\.example|Onderzoektest|\b1\d{5}\b/);
  });

  it('refuses a forged, expired or someone else’s download link with a translated message', async () => {
    const studyId = await approvedStudy();
    const made = (await as.onderzoeker.request('POST', `/api/research/studies/${studyId}/exports`)).json<{ downloadUrl: string }>();
    const forged = await as.onderzoeker.request('GET', '/api/research/downloads/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(forged.statusCode).toBe(404);
    expect(forged.json<{ error: { message: string } }>().error.message).not.toBe('');
    expect((await as.coordinator.request('GET', made.downloadUrl)).statusCode).toBe(404);
    expect((await as.coachee.request('GET', made.downloadUrl)).statusCode).toBe(404);
    t.setNow(new Date('2030-06-17T10:00:01Z'));
    const expired = await as.onderzoeker.request('GET', made.downloadUrl, undefined, { 'accept-language': 'en' });
    expect(expired.statusCode).toBe(410);
    expect(expired.json<{ error: { message: string } }>().error.message).toMatch(/expired/);
    // Making the next export deletes the expired file; its log row stays.
    await as.onderzoeker.request('POST', `/api/research/studies/${studyId}/exports`);
    const rows = await t.services.db.select({ file: researchExports.fileSealed }).from(researchExports);
    expect(rows.map((r) => r.file === null).sort()).toEqual([false, true]);
  });

  it('writes every approved study of a fresh demo with the CLI, k-anonymous, and logs it', async () => {
    await t.reset();
    t.setNow(new Date());
    await loadDemoIfEmpty(t.services);
    const out = tmp();
    const lines: string[] = [];
    const done = await researchExportWithServices(t.services, { out }, (line) => lines.push(line));
    expect(done).toHaveLength(1);
    const dir = path.join(out, done[0]!.studyId);
    expect(fs.readdirSync(dir).sort()).toEqual(['README.md', 'codebook.json', 'data.csv']);
    const rows = parseCsv(fs.readFileSync(path.join(dir, 'data.csv'), 'utf8'));
    expect(rows.length).toBe(done[0]!.rows);
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(isKAnonymous(rows.map((r) => [r.programme!, r.intake!, r.class!]), 5)).toBe(true);
    expect(lines.at(-1)).toMatch(/done: 1 study/);
    expect(lines.join('\n')).not.toMatch(/@/);
    expect(await exportCount()).toBe(1);
    console.info(`demo export: ${lines[1]}`);
    fs.rmSync(out, { recursive: true });
  });
});
