/**
 * The home's task counts are honest (#20 item 3, src/server/modules/home/home-tasks.ts): through
 * GET /api/home on the real app, an intake is walked through its states — students but no
 * communities, some placed, all placed; teaching periods without a schedule, one published, all —
 * and a month's statements from waiting for the coordinator to approved and paid out. Every count is
 * checked against a plain SQL count of the same thing, and drops to 0 once the task is done. People
 * whose role has none of these tasks get none (null, or no intake rows), and a coordinator of
 * another programme does not see this programme's work.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HomeResponse } from '../../src/contracts/home';
import { defaultIntakeSettings } from '../../src/domain/programme/intake-settings';
import { participationSignUps, schedulingRuns } from '../../src/server/db/schema';
import { generateStatements } from '../../src/server/modules/compensation/public';
import { createTestApp } from '../support/app';
import { FIXTURE_PASSWORD } from '../support/community-fixture';
import { signedIn, type Client } from '../support/http';
import { testDbKind, type TestDb } from '../support/test-db';
import { at, compensationFixture } from './compensation-fixture';

const IBAN = 'NL20INGB0001234567';

describe(`the home's task counts on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ t, app } = await createTestApp());
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    t.setNow(at('2026-12-05T10:00:00Z'));
  });

  /** One number from a plain SQL query (both drivers answer `{ rows }`). */
  const scalar = async (query: ReturnType<typeof sql>): Promise<number> => {
    const result: unknown = await t.database.db.execute(query);
    return Number((result as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);
  };
  const home = async (client: Client): Promise<HomeResponse> => {
    const response = await client.request('GET', '/api/home');
    expect(response.statusCode).toBe(200);
    return response.json<HomeResponse>();
  };
  const sign = (email: string) => signedIn(app, email, FIXTURE_PASSWORD);

  /** What the grouping task counts, in plain SQL: the intake's class members, those not in a current community of the intake, its communities. */
  const groupingBySql = async (intakeId: string) => ({
    students: await scalar(sql`select count(*) as n from class_members cm join classes c on c.id = cm.class_id where c.intake_id = ${intakeId}`),
    unplaced: await scalar(sql`select count(*) as n from class_members cm join classes c on c.id = cm.class_id where c.intake_id = ${intakeId}
      and cm.person_id not in (select m.person_id from community_members m join communities k on k.id = m.community_id where k.intake_id = ${intakeId} and m.left_on is null)`),
    communities: await scalar(sql`select count(*) as n from communities where intake_id = ${intakeId}`),
  });
  const schedulingBySql = async (intakeId: string) => ({
    periods: await scalar(sql`select count(*) as n from teaching_periods where intake_id = ${intakeId}`),
    published: await scalar(sql`select count(distinct p.id) as n from teaching_periods p join scheduling_runs r on r.period_id = p.id where p.intake_id = ${intakeId} and r.published_at is not null`),
  });

  it('counts unplaced students and unpublished periods per intake as the tables hold them, down to 0 when done', async () => {
    const f = t.factories;
    const institution = await f.institution();
    const programme = await f.programme(institution.id);
    const other = await f.programme(institution.id);
    const intake = await f.intake(programme.id);
    const empty = await f.intake(programme.id, { academicYear: '2027-2028' });
    const person = (roles: Parameters<typeof f.person>[0]['roles'], email: string, programmeId = programme.id) => f.person({ institutionId: institution.id, programmeId, roles, email, password: FIXTURE_PASSWORD });
    const coordinatorId = (await person(['coordinator'], 'coordinator@test.example')).id;
    await person(['coordinator'], 'other-coordinator@test.example', other.id);
    const coach = await person(['studentcoach'], 'coach@test.example');
    const classA = await f.class(intake.id);
    const classB = await f.class(intake.id);
    const students = [];
    for (let i = 0; i < 5; i++) {
      const s = await person(['coachee'], `student${i}@test.example`);
      await f.enrol(i < 3 ? classA.id : classB.id, s.id);
      students.push(s);
    }
    await person(['leercoach'], 'leercoach@test.example');
    await person(['beheerder'], 'beheerder@test.example');

    const coordinator = await sign('coordinator@test.example');
    const tasksOf = async (intakeId: string) => (await home(coordinator)).intakeTasks.find((i) => i.intakeId === intakeId);

    // Students, no communities yet, no periods: everyone is still to be placed, nothing to schedule.
    expect(await tasksOf(intake.id)).toEqual({ intakeId: intake.id, format: 'communities', grouping: await groupingBySql(intake.id), scheduling: await schedulingBySql(intake.id) });
    expect((await tasksOf(intake.id))?.grouping).toEqual({ students: 5, unplaced: 5, communities: 0 });
    expect((await tasksOf(intake.id))?.scheduling).toEqual({ periods: 0, published: 0 });
    // An intake without students yet: its row is there, with zeros.
    expect(await tasksOf(empty.id)).toEqual({ intakeId: empty.id, format: 'communities', grouping: { students: 0, unplaced: 0, communities: 0 }, scheduling: { periods: 0, published: 0 } });

    // Groups made for three of them; one of those left their community again (counts as unplaced).
    const community = await f.community({ intakeId: intake.id, coachId: coach.id, memberIds: students.slice(0, 3).map((s) => s.id) });
    await t.database.db.execute(sql`update community_members set left_on = '2026-11-01' where community_id = ${community.id} and person_id = ${students[2]!.id}`);
    expect((await tasksOf(intake.id))?.grouping).toEqual(await groupingBySql(intake.id));
    expect((await tasksOf(intake.id))?.grouping).toEqual({ students: 5, unplaced: 3, communities: 1 });

    // Everyone placed: the grouping task is done.
    await f.community({ intakeId: intake.id, coachId: coach.id, memberIds: students.slice(2).map((s) => s.id) });
    expect((await tasksOf(intake.id))?.grouping).toEqual({ ...(await groupingBySql(intake.id)), unplaced: 0 });

    // Groups made but no schedule: two teaching periods (through the scheduling page's route), none published.
    const periodIds: string[] = [];
    for (const [name, firstDate, lastDate] of [
      ['Blok 2', '2026-11-09', '2027-01-29'],
      ['Blok 3', '2027-02-08', '2027-04-16'],
    ] as const) {
      const created = await coordinator.request('POST', `/api/intakes/${intake.id}/teaching-periods`, { name, firstDate, lastDate });
      expect(created.statusCode).toBe(201);
      periodIds.push(created.json<{ id: string }>().id);
    }
    expect((await tasksOf(intake.id))?.scheduling).toEqual({ periods: 2, published: 0 });
    // A finished run that is not published does not count; publishing it does, once per period however many runs.
    const run = (periodId: string, publishedAt: Date | null) =>
      t.database.db.insert(schedulingRuns).values({ intakeId: intake.id, periodId, status: 'done', seed: 1, timeLimitSeconds: 10, sessionMinutes: 90, finishedAt: at('2026-12-01T10:00:00Z'), publishedAt, publishedById: publishedAt ? coordinatorId : null });
    await run(periodIds[0]!, null);
    expect((await tasksOf(intake.id))?.scheduling).toEqual({ ...(await schedulingBySql(intake.id)), published: 0 });
    await run(periodIds[0]!, at('2026-12-02T10:00:00Z'));
    await run(periodIds[0]!, at('2026-12-03T10:00:00Z'));
    expect((await tasksOf(intake.id))?.scheduling).toEqual({ ...(await schedulingBySql(intake.id)), published: 1 });
    await run(periodIds[1]!, at('2026-12-04T10:00:00Z'));
    expect((await tasksOf(intake.id))?.scheduling).toEqual({ ...(await schedulingBySql(intake.id)), periods: 2, published: 2 });

    // A coordinator of another programme, a coach, a student, a leercoach: none of this programme's intake tasks.
    for (const email of ['other-coordinator@test.example', 'coach@test.example', 'student0@test.example', 'leercoach@test.example']) {
      const seen = await home(await sign(email));
      expect(seen.intakeTasks.filter((i) => i.intakeId === intake.id || i.intakeId === empty.id), email).toEqual([]);
      expect(seen.statementsToApprove, email).toBeNull();
      expect(seen.payoutsToMake, email).toBeNull();
    }
    // The students have the sign-up count (the opt-in moments), the staff do not.
    expect((await home(await sign('student0@test.example'))).signUps).toEqual({ open: 0, waiting: 0 });
    expect((await home(coordinator)).signUps).toBeNull();
  });

  it("follows the intake's format and participation: a caseload or a class with a coach places a student, no schedule to publish outside groups, opt-in counts only who signed up", async () => {
    const f = t.factories;
    const institution = await f.institution();
    const programme = await f.programme(institution.id);
    const person = (roles: Parameters<typeof f.person>[0]['roles'], email: string) => f.person({ institutionId: institution.id, programmeId: programme.id, roles, email, password: FIXTURE_PASSWORD });
    await person(['coordinator'], 'coordinator@test.example');
    const coach = await person(['studentcoach'], 'coach@test.example');
    const settings = (changes: Partial<ReturnType<typeof defaultIntakeSettings>>) => ({ ...defaultIntakeSettings('february'), ...changes });
    const individual = await f.intake(programme.id, { month: 'february', settings: settings({ format: 'individual' }) });
    const classWide = await f.intake(programme.id, { academicYear: '2025-2026', month: 'february', settings: settings({ format: 'classWide' }) });
    const optIn = await f.intake(programme.id, { academicYear: '2027-2028', month: 'february', settings: settings({ participation: 'optIn' }) });
    const enrol = async (intakeId: string, n: number, prefix: string) => {
      const klass = await f.class(intakeId);
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const s = await person(['coachee'], `${prefix}${i}@test.example`);
        await f.enrol(klass.id, s.id);
        ids.push(s.id);
      }
      return { klass, ids };
    };
    const one = await enrol(individual.id, 4, 'one');
    const cls = await enrol(classWide.id, 3, 'cls');
    const opt = await enrol(optIn.id, 6, 'opt');
    const coordinator = await sign('coordinator@test.example');
    const tasksOf = async (intakeId: string) => (await home(coordinator)).intakeTasks.find((i) => i.intakeId === intakeId);

    // Individual coaching: a coach's caseload places a student; no schedule of groups to publish.
    await f.community({ intakeId: individual.id, coachId: coach.id, name: 'Caseload', memberIds: one.ids.slice(0, 1) });
    await t.database.db.execute(sql`update communities set kind = 'caseload' where intake_id = ${individual.id}`);
    expect(await tasksOf(individual.id)).toEqual({ intakeId: individual.id, format: 'individual', grouping: { students: 4, unplaced: 3, communities: 1 }, scheduling: null });
    // Class-wide: the class community with its coach places the class's students.
    expect(await tasksOf(classWide.id)).toEqual({ intakeId: classWide.id, format: 'classWide', grouping: { students: 3, unplaced: 3, communities: 0 }, scheduling: null });
    await f.community({ intakeId: classWide.id, coachId: coach.id, classId: cls.klass.id, name: cls.klass.code, memberIds: cls.ids });
    await t.database.db.execute(sql`update communities set kind = 'class' where intake_id = ${classWide.id}`);
    expect((await tasksOf(classWide.id))?.grouping).toEqual({ students: 3, unplaced: 0, communities: 1 });
    // Opt-in: nobody signed up, nobody to place; two sign up, two to place (the other four are not the coordinator's task).
    expect(await tasksOf(optIn.id)).toEqual({ intakeId: optIn.id, format: 'communities', grouping: { students: 0, unplaced: 0, communities: 0 }, scheduling: { periods: 0, published: 0 } });
    await t.database.db.insert(participationSignUps).values(opt.ids.slice(0, 2).map((personId) => ({ intakeId: optIn.id, personId, signedUpAt: at('2026-12-01T10:00:00Z') })));
    expect((await tasksOf(optIn.id))?.grouping).toEqual({ students: 2, unplaced: 2, communities: 0 });
  });

  it('counts statements waiting for approval and payouts to make as the tables hold them, down to 0 when done', async () => {
    const fx = await compensationFixture(t);
    await t.factories.person({ institutionId: fx.institution.id, programmeId: null, roles: ['finance'], email: 'finance@test.example', password: FIXTURE_PASSWORD });
    const coordinator = await sign('coordinator@test.example');
    const finance = await sign('finance@test.example');
    const coach = await sign('coach@test.example');

    const confirmedBySql = () => scalar(sql`select count(*) as n from compensation_statements where institution_id = ${fx.institution.id} and status = 'confirmed'`);
    const payableBySql = () =>
      scalar(sql`select (select count(*) from compensation_statements s where s.institution_id = ${fx.institution.id} and s.status = 'approved' and s.scheme = 'allowance' and s.paid_on is null
          and not exists (select 1 from payout_transfers p where p.statement_id = s.id))
        + (select count(*) from expense_claims c where c.institution_id = ${fx.institution.id} and c.status = 'approved' and c.paid_on is null and c.payout_id is null) as n`);

    // Nothing yet: both tasks are the coordinator's and finance's to see, at 0.
    expect((await home(coordinator)).statementsToApprove).toBe(0);
    expect((await home(finance)).payoutsToMake).toBe(0);
    expect((await home(coordinator)).payoutsToMake).toBeNull();
    expect((await home(finance)).statementsToApprove).toBeNull();

    // November's statement is made; an open statement is not the coordinator's task yet.
    await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' });
    const statementId = await scalar(sql`select count(*) as n from compensation_statements where institution_id = ${fx.institution.id}`).then(async (n) => {
      expect(n).toBe(1);
      const result: unknown = await t.database.db.execute(sql`select id from compensation_statements where institution_id = ${fx.institution.id}`);
      return (result as { rows: { id: string }[] }).rows[0]!.id;
    });
    expect((await home(coordinator)).statementsToApprove).toBe(0);

    // The coach confirms it: one waits for the coordinator.
    expect((await coach.request('POST', `/api/compensation/statements/${statementId}/confirm`)).statusCode).toBe(200);
    expect((await home(coordinator)).statementsToApprove).toBe(await confirmedBySql());
    expect((await home(coordinator)).statementsToApprove).toBe(1);
    expect((await home(finance)).payoutsToMake).toBe(0);

    // Approved: the coordinator's task is done, finance has one payout to make; an approved expense claim is a second.
    expect((await coordinator.request('POST', `/api/compensation/statements/${statementId}/approve`, { resolutions: [] })).statusCode).toBe(200);
    expect((await home(coordinator)).statementsToApprove).toBe(0);
    const receipt = await coach.request('PUT', '/api/me/payments/receipts', Buffer.from(`%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF ${randomBytes(4).toString('hex')}\n`), { 'content-type': 'application/pdf' });
    expect(receipt.statusCode).toBe(201);
    const claim = await coach.request('POST', '/api/me/payments/expense-claims', { spentOn: '2026-12-01', amountCents: 1845, category: 'groceries', description: 'Koffie en koek voor de bijeenkomst', receiptId: receipt.json<{ receiptId: string }>().receiptId });
    expect(claim.statusCode).toBe(201);
    expect((await coordinator.request('POST', `/api/expense-claims/${claim.json<{ id: string }>().id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await home(finance)).payoutsToMake).toBe(await payableBySql());
    expect((await home(finance)).payoutsToMake).toBe(2);

    // Finance makes the payout batch: nothing left to pay.
    expect((await finance.request('PUT', '/api/finance/payment-settings', { debtorName: 'Hogeschool — Financiën', debtorIban: 'NL91 ABNA 0417 1643 00', debtorBic: 'ABNANL2A' })).statusCode).toBe(200);
    expect((await coach.request('PUT', '/api/me/payments/bank-account', { iban: IBAN, holderName: 'Zoë de Coach' })).statusCode).toBe(200);
    expect((await finance.request('POST', '/api/finance/payout-batches', { executionDate: '2026-12-08' })).statusCode).toBe(201);
    expect(await payableBySql()).toBe(0);
    expect((await home(finance)).payoutsToMake).toBe(0);

    // The coach, the coachee and the senior coach have neither task.
    for (const email of ['coach@test.example', 'coachee@test.example', 'senior@test.example']) {
      const seen = await home(await sign(email));
      expect(seen.statementsToApprove, email).toBeNull();
      expect(seen.payoutsToMake, email).toBeNull();
      expect(seen.intakeTasks, email).toEqual([]);
    }
  });
});
