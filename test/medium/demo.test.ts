import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../src/server/demo/load-demo';
import { evaluationResults } from '../../src/server/modules/evaluation/public';
import { communities, evaluationInvitations, evaluationLinkedAnswers, evaluationRounds, intakes, mailOutbox, people, programmes, roleAssignments } from '../../src/server/db/schema';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

describe(`demo programme on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  const roleCount = async (role: (typeof roleAssignments.$inferSelect)['role']) =>
    (await t.services.db.select({ n: count() }).from(roleAssignments).where(eq(roleAssignments.role, role)))[0]?.n;

  it('is shaped like the report, loads once, and is the same every time', async () => {
    await t.reset();
    const result = await loadDemoIfEmpty(t.services);
    expect(result?.accounts.map((a) => a.role).sort()).toEqual(
      ['beheerder', 'coachee', 'coordinator', 'finance', 'leercoach', 'onderzoeker', 'opleidingsmanagement', 'seniorcoach', 'studentcoach'],
    );
    expect(await roleCount('coordinator')).toBe(2);
    expect(await roleCount('seniorcoach')).toBe(3);
    // 9 student coaches, plus the 3 senior coaches who are students and coach too.
    expect(await roleCount('studentcoach')).toBe(12);
    // 70 coachees in communities, and 22 late enrolments of the February intake still to be grouped (#6),
    // plus the 6 members of the demo coach's community of last year (2025-2026, the end-of-year report, #18),
    // plus the 6 students of Business Innovation's opt-in February intake, still signing up (#21).
    expect(await roleCount('coachee')).toBe(104);
    expect(await roleCount('onderzoeker')).toBe(1);
    expect(await roleCount('beheerder')).toBe(1);
    // 9 communities this year and the demo coach's community of last year.
    expect((await t.services.db.select({ n: count() }).from(communities))[0]?.n).toBe(10);
    expect(await loadDemoIfEmpty(t.services)).toBeNull();

    const namesFirst = (await t.services.db.select({ e: people.email }).from(people)).map((r) => r.e).sort();
    await t.reset();
    await loadDemoIfEmpty(t.services);
    const namesSecond = (await t.services.db.select({ e: people.email }).from(people)).map((r) => r.e).sort();
    expect(namesSecond).toEqual(namesFirst);
  });

  it('has questionnaires (#18): a closed T0 with answers the dashboard shows, and an open T1 whose invitations are in the outbox', async () => {
    await t.reset();
    await loadDemoIfEmpty(t.services);
    const db = t.services.db;
    const rounds = await db.select({ id: evaluationRounds.id, moment: evaluationRounds.moment, mode: evaluationRounds.mode }).from(evaluationRounds);
    expect(rounds.map((r) => `${r.moment}:${r.mode}`).sort()).toEqual(['T0:confidential', 'T1:anonymous']);
    const t1 = rounds.find((r) => r.moment === 'T1')!;
    // The demo coachee is invited to the open one, and the invitation mail is queued with its one-tap link.
    const [coachee] = await db.select({ id: people.id }).from(people).where(eq(people.email, 'coachee@hogeschool-zuidas.example'));
    const mine = await db.select({ id: evaluationInvitations.id }).from(evaluationInvitations).where(eq(evaluationInvitations.personId, coachee!.id));
    expect(mine).toHaveLength(1);
    const invited = (await db.select({ n: count() }).from(evaluationInvitations).where(eq(evaluationInvitations.roundId, t1.id)))[0]!.n;
    const mails = await db.select({ text: mailOutbox.bodyText }).from(mailOutbox).where(eq(mailOutbox.recipient, 'coachee@hogeschool-zuidas.example'));
    expect(mails.filter((m) => /\/questionnaire#[A-Za-z0-9_-]+/.test(m.text))).toHaveLength(1);
    expect(invited).toBeGreaterThan(30);
    // T0's answers reach the dashboard's figures: every scale question with at least 5 answers (not suppressed).
    const [sw] = await db.select({ id: programmes.id }).from(programmes).innerJoin(intakes, eq(intakes.programmeId, programmes.id)).where(eq(programmes.nameNl, 'Social Work')).limit(1);
    const results = await evaluationResults(db, { programmeId: sw!.id });
    const t0 = results.moments.find((m) => m.moment === 'T0')!;
    // Only the coachees were asked at T0: the coach questions stay empty.
    const asked = t0.questions.filter((q) => q.questionSet === 'coachee');
    expect(asked.length).toBeGreaterThan(0);
    for (const q of asked) expect(q.n, q.questionKey).toBeGreaterThanOrEqual(5);
    const linked = (await db.select({ n: count() }).from(evaluationLinkedAnswers))[0]!.n;
    expect(linked).toBeGreaterThan(100);
  });
});
