/**
 * Monthly statements from what happened (#17 items 2 and 4) and the face the payouts context
 * uses: the job on the 1st with a moved clock (idempotent), the derived hours (held vs cancelled,
 * attendance taken, one-on-ones, trainings attended, nothing twice), and listing, marking paid
 * and the pay status of approved statements.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compensationStatementLines, compensationStatements, jobs, sessions } from '../../src/server/db/schema';
import { jobHandlers, retentionPurges } from '../../src/server/job-handlers';
import { runDueJobs } from '../../src/server/modules/jobs/run-due-jobs';
import {
  generateStatements,
  listPayableStatements,
  markStatementsPaid,
  MONTHLY_STATEMENTS_JOB,
  statementPayStatus,
} from '../../src/server/modules/compensation/public';
import { createTestDb, type TestDb } from '../support/test-db';
import { at, compensationFixture } from './compensation-fixture';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const linesOf = (statementId: string) =>
  t.database.db.select().from(compensationStatementLines).where(eq(compensationStatementLines.statementId, statementId)).orderBy(compensationStatementLines.position);

describe('monthly statements', () => {
  it('are made on the 1st by the durable job, from what happened, and a second run changes nothing', async () => {
    const fx = await compensationFixture(t);
    t.setNow(at('2026-11-20T12:00:00Z'));
    for (const purge of retentionPurges) await purge(t.services);
    const [job] = await t.database.db.select().from(jobs).where(eq(jobs.kind, MONTHLY_STATEMENTS_JOB));
    expect(job?.dueAt).toEqual(at('2026-12-01T03:00:00Z'));
    expect(job?.payload).toEqual({ month: '2026-11' });

    // Not yet due: nothing happens.
    await runDueJobs({ services: t.services, handlers: jobHandlers });
    expect(await t.database.db.select().from(compensationStatements)).toEqual([]);

    t.setNow(at('2026-12-01T03:00:00Z'));
    // The daily retention pass and the coordinators' weekly digest of Monday 23 November (scheduled by the same hook) run alongside.
    expect(await runDueJobs({ services: t.services, handlers: jobHandlers })).toEqual({ done: 3, failed: 0 });
    expect((await t.database.db.select({ status: jobs.status }).from(jobs).where(eq(jobs.kind, MONTHLY_STATEMENTS_JOB)))).toEqual([{ status: 'done' }]);
    const [statement] = await t.database.db.select().from(compensationStatements);
    expect(statement).toMatchObject({ coachPersonId: fx.coach.id, month: '2026-11', status: 'open', scheme: 'allowance', promisedPayDate: '2026-12-25', warnings: [] });
    const lines = await linesOf(statement!.id);
    expect(lines.map((l) => [l.workedOn, l.kind, l.minutes, l.band, l.rateCents, l.amountCents, l.source])).toEqual([
      ['2026-11-02', 'training', 180, 'under21', 250, 750, `session:${fx.sessions.training.id}`],
      ['2026-11-03', 'session', 120, 'under21', 250, 500, `session:${fx.sessions.held.id}`],
      ['2026-11-03', 'preparation', 30, 'under21', 250, 125, `preparation:${fx.sessions.held.id}`],
      ['2026-11-05', 'oneOnOne', 45, 'under21', 250, 188, `session:${fx.sessions.oneOnOne.id}`],
      ['2026-11-05', 'preparation', 30, 'under21', 250, 125, `preparation:${fx.sessions.oneOnOne.id}`],
    ]);
    expect(statement).toMatchObject({ totalCents: 1688, totalMinutes: 405, yearToDateCents: 1688 });

    // Run again (a retry, a second instance): same statement, same lines.
    const again = await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' });
    expect(again).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const after = await t.database.db.select().from(compensationStatements);
    expect(after.map((s) => s.id)).toEqual([statement!.id]);
    expect((await linesOf(statement!.id)).map((l) => l.source)).toEqual(lines.map((l) => l.source));

    // The hook now schedules next month's job.
    for (const purge of retentionPurges) await purge(t.services);
    const pending = await t.database.db.select().from(jobs).where(and(eq(jobs.kind, MONTHLY_STATEMENTS_JOB), eq(jobs.status, 'pending')));
    expect(pending.map((j) => [j.dueAt.toISOString(), j.payload])).toEqual([['2027-01-01T03:00:00.000Z', { month: '2026-12' }]]);
  });

  it('leave a confirmed statement alone, and count the later half of a month at the from-21 rate', async () => {
    const fx = await compensationFixture(t);
    // A community session after the 21st birthday (15 November).
    const late = await t.factories.session({ institutionId: fx.institution.id, programmeId: fx.programme.id, communityId: fx.communityId, organiserId: fx.coach.id, startsAt: at('2026-11-24T14:00:00Z'), endsAt: at('2026-11-24T16:00:00Z') });
    await t.factories.attendance([{ sessionId: late.id, personId: fx.coachee.id, status: 'late' }]);
    t.setNow(at('2026-12-01T03:00:00Z'));
    await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' });
    const [statement] = await t.database.db.select().from(compensationStatements);
    const lines = await linesOf(statement!.id);
    expect(lines.filter((l) => l.workedOn === '2026-11-24').map((l) => [l.kind, l.band, l.rateCents, l.amountCents])).toEqual([
      ['session', 'from21', 500, 1000],
      ['preparation', 'from21', 500, 250],
    ]);
    expect(statement!.totalCents).toBe(1688 + 1250);
    await t.database.db.update(compensationStatements).set({ status: 'confirmed' }).where(eq(compensationStatements.id, statement!.id));
    expect(await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' })).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('count a session moved to the next month once: it moves with an open statement, and stays on a confirmed one', async () => {
    const fx = await compensationFixture(t);
    const heldSource = `session:${fx.sessions.held.id}`;
    const moveHeldTo = async (startsAt: string, endsAt: string) =>
      t.database.db.update(sessions).set({ startsAt: at(startsAt), endsAt: at(endsAt) }).where(eq(sessions.id, fx.sessions.held.id));
    const statementOf = async (month: string) => (await t.database.db.select().from(compensationStatements).where(eq(compensationStatements.month, month)))[0];
    const sourcesOf = async (month: string) => (await linesOf((await statementOf(month))!.id)).map((l) => l.source);

    t.setNow(at('2026-12-01T03:00:00Z'));
    await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' });
    expect(await sourcesOf('2026-11')).toContain(heldSource);

    // Recorded on the wrong day: it really was on 3 December. November is still open, so the work moves.
    await moveHeldTo('2026-12-03T14:00:00Z', '2026-12-03T16:00:00Z');
    t.setNow(at('2027-01-01T03:00:00Z'));
    await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-12' });
    expect(await sourcesOf('2026-11')).not.toContain(heldSource);
    expect(await sourcesOf('2026-12')).toEqual(expect.arrayContaining([heldSource, `preparation:${fx.sessions.held.id}`]));
    expect((await statementOf('2026-11'))!.totalCents).toBe(1688 - 625);
    const december = (await statementOf('2026-12'))!.totalCents;

    // Back to November after the coach confirmed December: December keeps it, November does not count it again.
    await t.database.db.update(compensationStatements).set({ status: 'confirmed' }).where(eq(compensationStatements.month, '2026-12'));
    await moveHeldTo('2026-11-03T14:00:00Z', '2026-11-03T16:00:00Z');
    await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' });
    expect(await sourcesOf('2026-11')).not.toContain(heldSource);
    expect((await statementOf('2026-11'))!.totalCents).toBe(1688 - 625);
    expect((await statementOf('2026-12'))!.totalCents).toBe(december);
    expect(await sourcesOf('2026-12')).toContain(heldSource);
  });

  it('make no statement for a month without work', async () => {
    const fx = await compensationFixture(t);
    t.setNow(at('2026-11-01T03:00:00Z'));
    expect(await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-10' })).toEqual({ created: 0, updated: 0, unchanged: 0 });
  });
});

describe('the face for payouts', () => {
  async function approvedStatement() {
    const fx = await compensationFixture(t);
    t.setNow(at('2026-12-01T03:00:00Z'));
    await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' });
    const [statement] = await t.database.db.select().from(compensationStatements);
    await t.database.db
      .update(compensationStatements)
      .set({ status: 'approved', approvedAt: at('2026-12-03T10:00:00Z'), approvedById: fx.coordinator.id })
      .where(eq(compensationStatements.id, statement!.id));
    return { fx, statementId: statement!.id };
  }

  it('lists approved unpaid allowance statements, marks them paid once, and tells the coach', async () => {
    const { fx, statementId } = await approvedStatement();
    expect(await listPayableStatements(t.services.db, fx.institution.id)).toEqual([
      { statementId, coachPersonId: fx.coach.id, programmeId: fx.programme.id, month: '2026-11', amountCents: 1688, promisedPayDate: '2026-12-25', approvedAt: at('2026-12-03T10:00:00Z') },
    ]);
    expect((await statementPayStatus(t.services.db, { coachPersonId: fx.coach.id, today: '2026-12-20' }))[0]?.payStatus).toBe('scheduled');
    expect((await statementPayStatus(t.services.db, { coachPersonId: fx.coach.id, today: '2026-12-26' }))[0]?.payStatus).toBe('overdue');

    const payoutId = '6f1c1f5e-7d55-4c3e-9a53-1e0d3b3c0a01';
    await t.services.db.transaction((tx) => markStatementsPaid(tx, { statementIds: [statementId], payoutId, paidOn: '2026-12-24' }));
    expect(await listPayableStatements(t.services.db, fx.institution.id)).toEqual([]);
    expect(await statementPayStatus(t.services.db, { statementIds: [statementId], today: '2026-12-26' })).toEqual([
      { statementId, month: '2026-11', status: 'approved', scheme: 'allowance', amountCents: 1688, promisedPayDate: '2026-12-25', paidOn: '2026-12-24', payoutId, payStatus: 'paidOnTime' },
    ]);
    // Paying it again is refused, and changes nothing.
    await expect(t.services.db.transaction((tx) => markStatementsPaid(tx, { statementIds: [statementId], payoutId: '6f1c1f5e-7d55-4c3e-9a53-1e0d3b3c0a02', paidOn: '2026-12-30' }))).rejects.toMatchObject({ code: 'conflict' });
    const [row] = await t.database.db.select().from(compensationStatements);
    expect(row).toMatchObject({ paidOn: '2026-12-24', payoutId });
  });

  it('does not list or pay a statement that is not approved', async () => {
    const fx = await compensationFixture(t);
    t.setNow(at('2026-12-01T03:00:00Z'));
    await generateStatements({ services: t.services, institutionId: fx.institution.id, month: '2026-11' });
    const [statement] = await t.database.db.select().from(compensationStatements);
    expect(await listPayableStatements(t.services.db, fx.institution.id)).toEqual([]);
    await expect(t.services.db.transaction((tx) => markStatementsPaid(tx, { statementIds: [statement!.id], payoutId: '6f1c1f5e-7d55-4c3e-9a53-1e0d3b3c0a01', paidOn: '2026-12-24' }))).rejects.toMatchObject({ code: 'conflict' });
    expect((await statementPayStatus(t.services.db, { coachPersonId: fx.coach.id, today: '2026-12-20' }))[0]?.payStatus).toBe('notApproved');
  });
});
