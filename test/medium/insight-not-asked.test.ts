/**
 * The dashboard says "not asked" (issue 18 follow-up): a questionnaire moment whose audience is
 * coachees only asks no coach questions, and a moment that was not held asks nothing. Those cells
 * say "niet gevraagd" / "not asked" — in the API's table, the chart, the CSV and the impact
 * report's PDF — distinct from "<5" (asked, fewer than five answered). Every evaluation cell is
 * compared with plain counts over the raw rows: the invitations (who was asked) and the answers.
 * Moments are set through the intake settings, opened by the real job, answered through the
 * one-tap links from the mails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, like, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardResponse, ImpactReportResponse, InsightSection } from '../../src/contracts/insight';
import { mailOutbox, people } from '../../src/server/db/schema';
import { jobHandlers } from '../../src/server/job-handlers';
import { scheduleEvaluationMoments } from '../../src/server/modules/evaluation/public';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { createTestApp } from '../support/app';
import { FIXTURE_PASSWORD } from '../support/community-fixture';
import { anonymous, signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';
import { evidenceProgramme, NOW } from './insight-fixture';

type World = Awaited<ReturnType<typeof evidenceProgramme>>;

async function rows<T>(t: TestDb, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await t.services.db.execute(query);
  return (result as { rows: T[] }).rows;
}

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'insight-pdf-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, bytes);
  const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  return out.stdout;
}

const evaluation = (d: { sections: InsightSection[] }) => d.sections.find((s) => s.id === 'evaluation')!;

describe(`the dashboard says "not asked" on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let w: World;
  let coordinator: Client;
  let dashboard: DashboardResponse;

  async function tick(iso: string) {
    t.setNow(new Date(iso));
    await scheduleEvaluationMoments(t.services);
    await runDueJobs({ services: t.services, handlers: jobHandlers });
  }

  /** The one-tap token of the newest questionnaire mail to a person. */
  async function tokenOf(personId: string, moment: 'T0' | 'T1'): Promise<string> {
    const [person] = await t.database.db.select({ email: people.email }).from(people).where(eq(people.id, personId));
    const mails = await t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.recipient, person!.email), like(mailOutbox.bodyText, '%/questionnaire#%'))).orderBy(mailOutbox.createdAt);
    const mail = mails[moment === 'T0' ? 0 : mails.length - 1];
    const token = /\/questionnaire#([A-Za-z0-9_-]+)/.exec(mail?.bodyText ?? '')?.[1];
    if (!token) throw new Error(`no questionnaire link for ${moment}`);
    return token;
  }

  async function answer(personId: string, moment: 'T0' | 'T1', questionKey: string, value: number) {
    const token = await tokenOf(personId, moment);
    const response = await (await anonymous(app)).request('POST', '/api/evaluation-link/answer', { token, questionKey, value });
    expect(response.statusCode).toBe(200);
  }

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
    w = await evidenceProgramme(t);
    coordinator = await signedIn(app, 'coordinator@evidence.example', FIXTURE_PASSWORD);
    t.setNow(new Date('2026-09-20T10:00:00Z'));
    const structure = (await coordinator.request('GET', '/api/programme/structure')).json<{ programmes: { intakes: { id: string; settings: Record<string, unknown> }[] }[] }>();
    const intake = structure.programmes.flatMap((p) => p.intakes).find((i) => i.id === w.intake.id)!;
    const saved = await coordinator.request('PUT', `/api/intakes/${w.intake.id}/settings`, {
      settings: {
        ...intake.settings,
        evaluations: [
          // The start: coachees only — no coach question is asked.
          { moment: 'T0', opensOn: '2026-10-01', closesOn: '2026-10-15', mode: 'anonymous', audience: ['coachees'] },
          // Around 100 days: everyone. The end of the year (T2) is not held in this test.
          { moment: 'T1', opensOn: '2026-10-05', closesOn: '2026-10-20', mode: 'anonymous', audience: ['coachees', 'coaches'] },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    await tick('2026-10-01T08:00:00Z');
    await tick('2026-10-05T08:00:00Z');

    const noord = w.communities.noord.members;
    // T0: six coachees rate "feeling at home", three the "connected to peers" question (fewer than five).
    for (const [i, personId] of noord.slice(0, 6).entries()) await answer(personId, 'T0', 'eval-coachee-home-programme', 2 + (i % 3));
    for (const personId of noord.slice(0, 3)) await answer(personId, 'T0', 'eval-coachee-connected-peers', 4);
    // T1: five coachees again, and two coaches on their workload (fewer than five).
    for (const personId of noord.slice(0, 5)) await answer(personId, 'T1', 'eval-coachee-home-programme', 4);
    for (const coachId of [w.communities.noord.coachId, w.communities.oost.coachId]) await answer(coachId, 'T1', 'eval-coach-workload', 3);

    t.setNow(NOW);
    const response = await coordinator.request('GET', `/api/programmes/${w.programme.id}/dashboard?intakeId=${w.intake.id}`);
    expect(response.statusCode).toBe(200);
    dashboard = response.json<DashboardResponse>();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('every evaluation cell equals the plain counts: not asked where no one was invited, no answers yet where nobody answered, <5 under five answers, else the mean', async () => {
    const asked = await rows<{ moment: string; question_set: string }>(
      t,
      sql`select distinct r.moment, i.question_set from evaluation_invitations i join evaluation_rounds r on r.id = i.round_id join intakes k on k.id = r.intake_id where k.id = ${w.intake.id}`,
    );
    expect(asked.map((a) => `${a.moment}|${a.question_set}`).sort()).toEqual(['T0|coachee', 'T1|coach', 'T1|coachee']);
    const answers = await rows<{ moment: string; question_set: string; question_key: string; n: number; mean: string }>(
      t,
      sql`select r.moment, a.question_set, a.question_key, count(*)::int as n, avg(a.scale_value)::text as mean
          from evaluation_answers a join evaluation_rounds r on r.id = a.round_id
          where r.intake_id = ${w.intake.id} and a.scale_value is not null group by r.moment, a.question_set, a.question_key`,
    );
    const sets = t.services.content.questions.evaluation;
    const table = evaluation(dashboard).table;
    expect(table.columns.map((c) => c.label)).toEqual(['Vraag', 'Start (T0)', '100 dagen (T1)', 'Eind (T2)', 'Verandering T0→T2', 'Paren']);
    let checked = 0;
    for (const set of ['coachee', 'coach'] as const) {
      for (const q of sets[set].questions) {
        if (q.kind !== 'scale') continue;
        const row = table.rows.find((r) => r[0] === q.label.nl);
        expect(row, q.id).toBeDefined();
        const expected = (['T0', 'T1', 'T2'] as const).map((moment) => {
          if (!asked.some((a) => a.moment === moment && a.question_set === set)) return 'niet gevraagd';
          const a = answers.find((x) => x.moment === moment && x.question_set === set && x.question_key === q.id);
          if (!a) return 'nog geen antwoorden';
          if (a.n < 5) return null;
          return Math.round(Number(a.mean) * 100) / 100;
        });
        // T2 was never held: no pair can exist, so the change is not asked either.
        expect(row!.slice(1), q.id).toEqual([...expected, 'niet gevraagd', 'niet gevraagd']);
        checked++;
      }
    }
    expect(checked).toBe(table.rows.length);
    // The cases this test is about, spelled out.
    const home = table.rows.find((r) => r[0] === sets.coachee.questions.find((q) => q.id === 'eval-coachee-home-programme')!.label.nl)!;
    expect(home.slice(1, 3)).toEqual([3, 4]);
    const connected = table.rows.find((r) => r[0] === sets.coachee.questions.find((q) => q.id === 'eval-coachee-connected-peers')!.label.nl)!;
    expect(connected[1]).toBeNull(); // asked, three answered: fewer than five
    const workload = table.rows.find((r) => r[0] === sets.coach.questions.find((q) => q.id === 'eval-coach-workload')!.label.nl)!;
    expect(workload.slice(1, 3)).toEqual(['niet gevraagd', null]);
    expect(evaluation(dashboard).summary).toContain('"Niet gevraagd" betekent');
  });

  it('the chart says "niet gevraagd" and "<5" in words, the CSV too, and English says "not asked"', async () => {
    const chart = evaluation(dashboard).chartSvg!;
    expect(chart).toMatch(/^<svg[^>]* role="img"/);
    expect(chart).toContain('>niet gevraagd<');
    expect(chart).toContain('>&lt;5<');

    const csv = await coordinator.request('GET', `/api/programmes/${w.programme.id}/dashboard/evaluation/table.csv?intakeId=${w.intake.id}`);
    expect(csv.statusCode).toBe(200);
    const workloadLabel = t.services.content.questions.evaluation.coach.questions.find((q) => q.id === 'eval-coach-workload')!.label.nl;
    const line = csv.body.split('\r\n').find((l) => l.startsWith(workloadLabel))!;
    expect(line.split(';').slice(1)).toEqual(['niet gevraagd', '<5', 'niet gevraagd', 'niet gevraagd', 'niet gevraagd']);

    const en = (await coordinator.request('GET', `/api/programmes/${w.programme.id}/dashboard?intakeId=${w.intake.id}`, undefined, { 'accept-language': 'en' })).json<DashboardResponse>();
    const workloadEn = t.services.content.questions.evaluation.coach.questions.find((q) => q.id === 'eval-coach-workload')!.label.en;
    expect(evaluation(en).table.rows.find((r) => r[0] === workloadEn)!.slice(1)).toEqual(['not asked', null, 'not asked', 'not asked', 'not asked']);
    expect(evaluation(en).chartSvg).toContain('>not asked<');
    expect(JSON.stringify(en)).not.toContain('niet gevraagd');
  });

  it('the impact report (HTML data and PDF) carries the same words', async () => {
    const report = await coordinator.request('GET', `/api/programmes/${w.programme.id}/impact-report/2026-2027`);
    expect(report.statusCode).toBe(200);
    const section = evaluation(report.json<ImpactReportResponse>());
    expect(section.table.rows.some((r) => r.includes('niet gevraagd'))).toBe(true);
    const pdf = await coordinator.request('GET', `/api/programmes/${w.programme.id}/impact-report/2026-2027/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('niet gevraagd');
    const pdfEn = await coordinator.request('GET', `/api/programmes/${w.programme.id}/impact-report/2026-2027/report.pdf?lang=en`);
    expect(pdfText(pdfEn.rawPayload)).toContain('not asked');
    // The rounds really exist for both moments and the coaches were asked only at T1.
    const coachesAsked = await rows<{ moment: string }>(t, sql`select distinct r.moment from evaluation_invitations i join evaluation_rounds r on r.id = i.round_id where i.question_set = 'coach'`);
    expect(coachesAsked.map((r) => r.moment)).toEqual(['T1']);
  });
});
