/**
 * Evaluation questionnaires (#18 item 1) through HTTP on the real app and the real job handlers:
 * the moments in the intake settings, opening by a durable job with mails carrying one-tap links,
 * anonymous answers with no person reference (checked in the database's catalogue and rows),
 * confidential answers only with the research consent, reminders that stop after answering, bad
 * input that changes nothing, and response rates with the small-numbers rule.
 */
import { and, count, eq, like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluationAnswers, evaluationInvitations, evaluationLinkedAnswers, evaluationRounds, intakes, intakeSettingsChanges, mailOutbox } from '../../src/server/db/schema';
import { jobHandlers, retentionPurges } from '../../src/server/job-handlers';
import { evaluationResults, responseRates, scheduleEvaluationMoments } from '../../src/server/modules/evaluation/public';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import { createTestApp } from '../support/app';
import { coachWithCommunity, FIXTURE_PASSWORD } from '../support/community-fixture';
import { anonymous, signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;

describe(`evaluation questionnaires on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let fx: Awaited<ReturnType<typeof coachWithCommunity>>;
  let coachees: { id: string; email: string }[];
  let coordinator: Client;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  beforeEach(async () => {
    await t.reset();
    t.setNow(new Date('2030-09-01T08:00:00Z'));
    fx = await coachWithCommunity(t);
    // The moments of these walks lie in 2030-2031: the intake belongs to that year (a moment must fall in its intake's year).
    await t.database.db.update(intakes).set({ academicYear: '2030-2031' }).where(eq(intakes.id, fx.intake.id));
    coachees = [{ id: fx.coachee.id, email: 'coachee@test.example' }];
    const more: string[] = [];
    for (let i = 2; i <= 6; i++) {
      const p = await fx.person(['coachee'], `coachee${i}@test.example`);
      coachees.push({ id: p.id, email: `coachee${i}@test.example` });
      more.push(p.id);
    }
    const { communityMembers } = await import('../../src/server/db/schema');
    for (const id of more) await t.database.db.insert(communityMembers).values({ communityId: fx.communityId, personId: id });
    await fx.person(['coordinator'], 'coordinator@test.example');
    coordinator = await signedIn(app, 'coordinator@test.example', FIXTURE_PASSWORD);
  });

  async function setMoments(evaluations: unknown[]) {
    const structure = (await coordinator.request('GET', '/api/programme/structure')).json<{ programmes: { intakes: { id: string; settings: Row }[] }[] }>();
    const intake = structure.programmes.flatMap((p) => p.intakes).find((i) => i.id === fx.intake.id)!;
    return coordinator.request('PUT', `/api/intakes/${fx.intake.id}/settings`, { settings: { ...intake.settings, evaluations } });
  }

  async function tick(iso: string) {
    t.setNow(new Date(iso));
    // The poller's hourly hook of this feature (the daily retention pass is not part of these walks).
    expect(retentionPurges).toContain(scheduleEvaluationMoments);
    await scheduleEvaluationMoments(t.services);
    await runDueJobs({ services: t.services, handlers: jobHandlers });
  }

  async function mailsTo(email: string) {
    return t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.recipient, email), like(mailOutbox.bodyText, '%/questionnaire#%'))).orderBy(mailOutbox.createdAt);
  }
  async function tokenOf(email: string) {
    const [mail] = await mailsTo(email);
    const token = /\/questionnaire#([A-Za-z0-9_-]+)/.exec(mail?.bodyText ?? '')?.[1];
    if (!token) throw new Error(`no questionnaire link mailed to ${email}`);
    return token;
  }
  const countOf = async (table: typeof evaluationAnswers | typeof evaluationLinkedAnswers) => (await t.database.db.select({ n: count() }).from(table))[0]!.n;

  it('refuses moments that close before they open, in Dutch, and stores nothing', async () => {
    const response = await setMoments([{ moment: 'T0', opensOn: '2030-09-10', closesOn: '2030-09-05', mode: 'anonymous' }]);
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('De sluitdatum moet na de openingsdatum liggen.');
  });

  it('refuses a moment outside the intake year or without anyone to ask, with field messages, and changes nothing', async () => {
    const outside = await setMoments([
      { moment: 'T0', opensOn: '2030-09-10', closesOn: '2030-09-30', mode: 'anonymous' },
      { moment: 'T2', opensOn: '2031-08-20', closesOn: '2031-09-05', mode: 'confidential' },
    ]);
    expect(outside.statusCode).toBe(400);
    const fields = outside.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields;
    expect(fields).toEqual([{ path: 'settings.evaluations.1.closesOn', message: 'Deze datum valt buiten het studiejaar van deze instroom.' }]);
    const nobody = await setMoments([{ moment: 'T1', opensOn: '2030-12-01', closesOn: '2030-12-15', mode: 'anonymous', audience: [] }]);
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields).toEqual([
      { path: 'settings.evaluations.0.audience', message: 'Kies wie deze vragenlijst krijgt: coachees, coaches of allebei.' },
    ]);
    const [intake] = await t.database.db.select({ settings: intakes.settings }).from(intakes).where(eq(intakes.id, fx.intake.id));
    expect(JSON.stringify(intake!.settings)).not.toContain('2030-09-10');
    expect(await t.database.db.select().from(intakeSettingsChanges)).toHaveLength(0);
  });

  it('asks only the audience of a moment: coaches only means no coachee gets a mail; the change is in the intake’s change log', async () => {
    expect((await setMoments([{ moment: 'T1', opensOn: '2030-12-01', closesOn: '2030-12-15', mode: 'anonymous', audience: ['coaches'] }])).statusCode).toBe(200);
    const history = (await coordinator.request('GET', `/api/intakes/${fx.intake.id}/settings/history`)).json<{ changes: { fields: string[] }[] }>();
    expect(JSON.stringify(history)).toContain('evaluations');
    await tick('2030-12-01T08:00:00Z');
    const invited = await t.database.db.select({ personId: evaluationInvitations.personId, questionSet: evaluationInvitations.questionSet }).from(evaluationInvitations);
    expect(invited).toEqual([{ personId: fx.coach.id, questionSet: 'coach' }]);
    for (const c of coachees) expect(await mailsTo(c.email)).toHaveLength(0);
  });

  it('opens a moment once on its day, mails everyone a one-tap link, and stores anonymous answers with no reference to a person', async () => {
    expect((await setMoments([{ moment: 'T0', opensOn: '2030-09-10', closesOn: '2030-09-30', mode: 'anonymous' }])).statusCode).toBe(200);
    await tick('2030-09-10T06:59:00Z'); // 08:59 in Amsterdam: not yet
    expect(await t.database.db.select().from(evaluationRounds)).toHaveLength(0);
    await tick('2030-09-10T07:00:00Z');
    await tick('2030-09-10T08:00:00Z'); // a second turn opens nothing twice
    expect(await t.database.db.select().from(evaluationRounds)).toHaveLength(1);
    expect(await t.database.db.select().from(evaluationInvitations)).toHaveLength(7); // six coachees and their coach
    for (const c of coachees) expect(await mailsTo(c.email)).toHaveLength(1);
    const [mail] = await mailsTo(coachees[0]!.email);
    expect(mail!.subject).toBe('Vul de korte vragenlijst over de coaching in');

    // The coachee opens the link on their phone, without signing in, and answers one question.
    const phone = await anonymous(app);
    const token = await tokenOf(coachees[0]!.email);
    const opened = await phone.request('POST', '/api/evaluation-link', { token });
    expect(opened.statusCode).toBe(200);
    const q = opened.json<{ mode: string; questions: { id: string; kind: string }[] }>();
    expect(q.mode).toBe('anonymous');
    expect(q.questions[0]!.id).toBe('eval-coachee-home-programme');
    const saved = await phone.request('POST', '/api/evaluation-link/answer', { token, questionKey: 'eval-coachee-home-programme', value: 4 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ answeredKeys: ['eval-coachee-home-programme'] });
    const text = 'Ik heb veel gehad aan de gesprekken met mijn groep.';
    expect((await phone.request('POST', '/api/evaluation-link/answer', { token, questionKey: 'eval-coachee-most-valuable', value: text })).statusCode).toBe(200);
    // Resumable: reopening the link shows what was answered.
    expect((await phone.request('POST', '/api/evaluation-link', { token })).json<{ answeredKeys: string[] }>().answeredKeys).toEqual(['eval-coachee-home-programme', 'eval-coachee-most-valuable']);

    // The database's own catalogue: no column of the answer table can refer to a person.
    const columns = rowsOf(await t.database.db.execute(`select column_name from information_schema.columns where table_name = 'evaluation_answers' order by column_name`)).map((r) => r.column_name);
    expect(columns).toEqual(['choice_values', 'content_version', 'id', 'question_key', 'question_set', 'round_id', 'scale_value', 'text_value']);
    const references = rowsOf(
      await t.database.db.execute(
        `select ccu.table_name as target from information_schema.table_constraints tc join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name where tc.table_name = 'evaluation_answers' and tc.constraint_type = 'FOREIGN KEY'`,
      ),
    ).map((r) => r.target);
    expect(references).toEqual(['evaluation_rounds']);
    // …and the rows hold no id, name or address of the person, nor of their invitation.
    const rows = await t.database.db.select().from(evaluationAnswers);
    expect(rows).toHaveLength(2);
    const [invitation] = await t.database.db.select().from(evaluationInvitations).where(eq(evaluationInvitations.personId, coachees[0]!.id));
    const dump = JSON.stringify(rows);
    for (const secret of [coachees[0]!.id, coachees[0]!.email, invitation!.id, invitation!.tokenHash, fx.communityId]) expect(dump).not.toContain(secret);
    expect(rows.map((r) => r.textValue ?? r.scaleValue)).toEqual(expect.arrayContaining([4, text]));
    // The invitation keeps which keys were answered, never the answers.
    expect(JSON.stringify(invitation)).not.toContain(text);
  });

  it('reminds twice only those who have not finished, and nothing after closing', async () => {
    await setMoments([{ moment: 'T0', opensOn: '2030-09-10', closesOn: '2030-09-28', mode: 'anonymous' }]);
    await tick('2030-09-10T07:00:00Z');
    const phone = await anonymous(app);
    const token = await tokenOf(coachees[0]!.email);
    // Finishing needs the required questions; then the marker stops the reminders.
    expect((await phone.request('POST', '/api/evaluation-link/finish', { token })).json<{ error: { code: string } }>().error.code).toBe('evaluation_incomplete');
    const opened = (await phone.request('POST', '/api/evaluation-link', { token })).json<{ questions: { id: string; kind: string; required?: boolean; min?: number; options?: { id: string }[] }[] }>();
    for (const q of opened.questions.filter((x) => x.required)) {
      const value = q.kind === 'scale' ? q.min : q.kind === 'choice' ? [q.options![0]!.id] : 'Goed';
      expect((await phone.request('POST', '/api/evaluation-link/answer', { token, questionKey: q.id, value })).statusCode).toBe(200);
    }
    expect((await phone.request('POST', '/api/evaluation-link/finish', { token })).statusCode).toBe(200);

    await tick('2030-09-16T07:00:00Z'); // the first reminder (a third of the way)
    expect(await mailsTo(coachees[0]!.email)).toHaveLength(1);
    expect(await mailsTo(coachees[1]!.email)).toHaveLength(2);
    expect((await mailsTo(coachees[1]!.email))[1]!.subject).toContain('Herinnering');
    await tick('2030-09-22T07:00:00Z'); // the second
    expect(await mailsTo(coachees[0]!.email)).toHaveLength(1);
    expect(await mailsTo(coachees[1]!.email)).toHaveLength(3);
    await tick('2030-10-20T07:00:00Z');
    expect(await mailsTo(coachees[1]!.email)).toHaveLength(3);
    // The reminder links the same questionnaire.
    const [, reminder] = await mailsTo(coachees[1]!.email);
    expect(reminder!.bodyText).toContain(await tokenOf(coachees[1]!.email));
  });

  it('refuses a forged or spent link, an answer outside the scale and a closed questionnaire, storing nothing', async () => {
    await setMoments([{ moment: 'T0', opensOn: '2030-09-10', closesOn: '2030-09-28', mode: 'anonymous' }]);
    await tick('2030-09-10T07:00:00Z');
    const phone = await anonymous(app);
    const token = await tokenOf(coachees[0]!.email);
    const forged = await phone.request('POST', '/api/evaluation-link/answer', { token: `${token.slice(0, -4)}AAAA`, questionKey: 'eval-coachee-home-programme', value: 3 });
    expect(forged.statusCode).toBe(404);
    expect(forged.json<{ error: { message: string } }>().error.message).toBe('Deze link naar de vragenlijst werkt niet (meer). Open peerkracht om te zien welke vragenlijsten nog openstaan.');
    for (const value of [0, 6, 2.5, 'vijf', ['3']]) {
      const bad = await phone.request('POST', '/api/evaluation-link/answer', { token, questionKey: 'eval-coachee-home-programme', value });
      expect(bad.statusCode, JSON.stringify(value)).toBe(400);
    }
    const en = await phone.request('POST', '/api/evaluation-link/answer', { token, questionKey: 'eval-coachee-timing', value: ['not-an-option'] }, { 'accept-language': 'en' });
    expect(en.json<{ error: { message: string } }>().error.message).toBe('This answer does not fit the question. Choose one of the answers shown.');
    expect((await phone.request('POST', '/api/evaluation-link/answer', { token, questionKey: 'no-such-question', value: 3 })).statusCode).toBe(400);
    expect(await countOf(evaluationAnswers)).toBe(0);

    // Two answers to the same question at once: one is stored, the other gets 409.
    const both = await Promise.all([1, 2].map((value) => phone.request('POST', '/api/evaluation-link/answer', { token, questionKey: 'eval-coachee-home-programme', value })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await countOf(evaluationAnswers)).toBe(1);

    // Closed: after the closing day nothing is taken.
    t.setNow(new Date('2030-09-29T08:00:00Z'));
    const closed = await phone.request('POST', '/api/evaluation-link/answer', { token, questionKey: 'eval-coachee-connected-peers', value: 3 });
    expect(closed.statusCode).toBe(409);
    expect(closed.json<{ error: { message: string } }>().error.message).toBe('Deze vragenlijst is gesloten. Je kunt geen antwoorden meer geven.');
    expect(await countOf(evaluationAnswers)).toBe(1);
  });

  it('a spent link answers 404 and stores nothing; the in-app questionnaire is its owner’s alone', async () => {
    await setMoments([{ moment: 'T0', opensOn: '2030-09-10', closesOn: '2030-09-28', mode: 'anonymous' }]);
    await tick('2030-09-10T07:00:00Z');
    const coach = await signedIn(app, 'coach@test.example', FIXTURE_PASSWORD);
    const mine = (await coach.request('GET', '/api/me/evaluations')).json<{ evaluations: { invitationId: string; total: number }[] }>();
    expect(mine.evaluations).toHaveLength(1);
    const id = mine.evaluations[0]!.invitationId;
    const read = (await coach.request('GET', `/api/evaluation-invitations/${id}`)).json<{ questions: { id: string; required?: boolean; kind: string; min?: number; options?: { id: string }[] }[] }>();
    expect(read.questions[0]!.id).toBe('eval-coach-workload');
    // Someone else — the coordinator, a coachee — gets the same 404 as for a missing questionnaire.
    const coachee = await signedIn(app, 'coachee@test.example', FIXTURE_PASSWORD);
    for (const other of [coordinator, coachee]) {
      expect((await other.request('GET', `/api/evaluation-invitations/${id}`)).statusCode).toBe(404);
      expect((await other.request('PUT', `/api/evaluation-invitations/${id}/answers/eval-coach-workload`, { value: 3 })).statusCode).toBe(404);
    }
    for (const q of read.questions.filter((x) => x.required)) {
      const value = q.kind === 'scale' ? q.min : q.kind === 'choice' ? [q.options![0]!.id] : 'Goed';
      expect((await coach.request('PUT', `/api/evaluation-invitations/${id}/answers/${q.id}`, { value })).statusCode).toBe(200);
    }
    expect((await coach.request('POST', `/api/evaluation-invitations/${id}/finish`)).statusCode).toBe(200);
    expect((await coach.request('POST', `/api/evaluation-invitations/${id}/finish`)).statusCode).toBe(409);
    expect((await coach.request('GET', '/api/me/evaluations')).json<{ evaluations: unknown[] }>().evaluations).toHaveLength(0);
    const before = await countOf(evaluationAnswers);
    const phone = await anonymous(app);
    const spent = await phone.request('POST', '/api/evaluation-link/answer', { token: await tokenOf('coach@test.example'), questionKey: 'eval-coach-support', value: 3 });
    expect(spent.statusCode).toBe(404);
    expect(await countOf(evaluationAnswers)).toBe(before);
  });

  it('confidential: only people with the research consent are invited, answers are linked and the T0→T2 change is measured, all under 5 suppressed', async () => {
    const consents = t.services.content.consents;
    const consenting = coachees.slice(0, 5);
    for (const c of consenting) await t.factories.consent({ institutionId: fx.institution.id, personId: c.id, consentId: 'research-use', consents });
    await setMoments([
      { moment: 'T0', opensOn: '2030-09-10', closesOn: '2030-09-28', mode: 'confidential' },
      { moment: 'T2', opensOn: '2031-06-01', closesOn: '2031-06-20', mode: 'confidential' },
    ]);
    await tick('2030-09-10T07:00:00Z');
    expect((await t.database.db.select().from(evaluationInvitations)).map((i) => i.personId).sort()).toEqual(consenting.map((c) => c.id).sort());
    expect(await mailsTo(coachees[5]!.email)).toHaveLength(0);
    const phone = await anonymous(app);
    for (const [i, c] of consenting.entries()) {
      expect((await phone.request('POST', '/api/evaluation-link/answer', { token: await tokenOf(c.email), questionKey: 'eval-coachee-connected-peers', value: 2 + (i % 2) })).statusCode).toBe(200);
    }
    // A confidential answer can be changed until finishing.
    expect((await phone.request('POST', '/api/evaluation-link/answer', { token: await tokenOf(consenting[0]!.email), questionKey: 'eval-coachee-connected-peers', value: 1 })).statusCode).toBe(200);
    expect(await countOf(evaluationLinkedAnswers)).toBe(5);
    expect(await countOf(evaluationAnswers)).toBe(0);

    await tick('2031-06-01T07:00:00Z');
    const t2Tokens = new Map<string, string>();
    for (const c of consenting) {
      const mails = await mailsTo(c.email);
      t2Tokens.set(c.id, /\/questionnaire#([A-Za-z0-9_-]+)/.exec(mails[mails.length - 1]!.bodyText)![1]!);
    }
    for (const c of consenting) expect((await phone.request('POST', '/api/evaluation-link/answer', { token: t2Tokens.get(c.id)!, questionKey: 'eval-coachee-connected-peers', value: 4 })).statusCode).toBe(200);

    const results = await evaluationResults(t.database.db, { programmeId: fx.programme.id });
    const t0 = results.moments.find((m) => m.moment === 'T0')!.questions.find((q) => q.questionKey === 'eval-coachee-connected-peers')!;
    // T0 answers: 1, 3, 2, 3, 2 → n 5, mean 2.2; every scale point holds fewer than 5 people.
    expect(t0).toMatchObject({ n: 5, mean: 2.2, suppressed: false, scale: { min: 1, max: 5 } });
    expect(t0.distribution.map((d) => d.count)).toEqual([null, null, null, 0, 0]);
    const change = results.change.find((c) => c.questionKey === 'eval-coachee-connected-peers')!;
    expect(change).toEqual({ questionKey: 'eval-coachee-connected-peers', questionSet: 'coachee', nPairs: 5, meanChange: 1.8, suppressed: false });

    // One person withdraws the research consent: their answers leave every figure, and 4 pairs are suppressed.
    await t.factories.consent({ institutionId: fx.institution.id, personId: consenting[4]!.id, consentId: 'research-use', consents, event: 'withdraw', at: new Date('2031-06-02T08:00:00Z') });
    t.setNow(new Date('2031-06-03T08:00:00Z'));
    const after = await evaluationResults(t.database.db, { programmeId: fx.programme.id });
    expect(after.change.find((c) => c.questionKey === 'eval-coachee-connected-peers')).toMatchObject({ nPairs: null, meanChange: null, suppressed: true });
    expect(after.moments[0]!.questions.find((q) => q.questionKey === 'eval-coachee-connected-peers')).toMatchObject({ n: null, mean: null, suppressed: true });
    // …and they can no longer answer confidentially.
    const refused = await phone.request('POST', '/api/evaluation-link/answer', { token: t2Tokens.get(consenting[4]!.id)!, questionKey: 'eval-coachee-home-programme', value: 3 });
    expect(refused.statusCode).toBe(403);
  });

  it('response rates per community: counts only, fewer than 5 people suppressed, for the coordinator and the community’s coach', async () => {
    const small = await t.factories.community({ intakeId: fx.intake.id, name: 'Kleine groep', memberIds: [] });
    for (let i = 0; i < 3; i++) {
      const p = await fx.person(['coachee'], `small${i}@test.example`);
      const { communityMembers } = await import('../../src/server/db/schema');
      await t.database.db.insert(communityMembers).values({ communityId: small.id, personId: p.id });
    }
    await setMoments([{ moment: 'T0', opensOn: '2030-09-10', closesOn: '2030-09-28', mode: 'anonymous' }]);
    await tick('2030-09-10T07:00:00Z');
    const phone = await anonymous(app);
    for (const c of coachees.slice(0, 5)) {
      const token = await tokenOf(c.email);
      const q = (await phone.request('POST', '/api/evaluation-link', { token })).json<{ questions: { id: string; required?: boolean; kind: string; min?: number; options?: { id: string }[] }[] }>();
      for (const x of q.questions.filter((y) => y.required)) await phone.request('POST', '/api/evaluation-link/answer', { token, questionKey: x.id, value: x.kind === 'scale' ? x.min : x.kind === 'choice' ? [x.options![0]!.id] : 'Prima' });
      expect((await phone.request('POST', '/api/evaluation-link/finish', { token })).statusCode).toBe(200);
    }
    const rates = await coordinator.request('GET', `/api/programmes/${fx.programme.id}/evaluation/response-rates`);
    expect(rates.statusCode).toBe(200);
    const byName = Object.fromEntries(rates.json<{ communities: { communityName: string; invited: number | null; answered: number | null; suppressed: boolean }[] }>().communities.map((c) => [c.communityName, c]));
    const own = (await responseRates(t.database.db, { programmeId: fx.programme.id })).communities.find((c) => c.communityId === fx.communityId)!;
    expect(byName[own.communityName]).toMatchObject({ invited: 7, answered: 5, suppressed: false });
    expect(byName['Kleine groep']).toMatchObject({ invited: null, answered: null, suppressed: true });
    // The coach sees their own community's rates; another coach and a coachee get 404.
    const coach = await signedIn(app, 'coach@test.example', FIXTURE_PASSWORD);
    expect((await coach.request('GET', `/api/communities/${fx.communityId}/evaluation/response-rates`)).json<{ communities: unknown[] }>().communities).toHaveLength(1);
    await fx.person(['studentcoach'], 'other-coach@test.example');
    const otherCoach = await signedIn(app, 'other-coach@test.example', FIXTURE_PASSWORD);
    expect((await otherCoach.request('GET', `/api/communities/${fx.communityId}/evaluation/response-rates`)).statusCode).toBe(404);
    expect((await coach.request('GET', `/api/programmes/${fx.programme.id}/evaluation/response-rates`)).statusCode).toBe(404);
    // Nothing in the answer says who answered.
    expect(rates.body).not.toContain(coachees[0]!.id);
  });
});
