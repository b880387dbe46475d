/**
 * Demo data of the end-of-year report: the demo student coach's previous year (2025-2026) in the
 * social-work programme — a community of six with a year of sessions and attendance, one-on-ones,
 * the coach trainings they attended, a referral and paid allowance statements — so the report
 * opens with real figures whatever the date, and the home asks for it. The report itself is left
 * for the coach to write.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { attendanceMarks, communities, communityCoachPeriods, communityMembers, compensationStatements, helpResources, sessions } from '../../db/schema';
import { factories } from '../../testing/factories';

const NAMES: [string, string][] = [
  ['Ilse', 'Verbeek'],
  ['Mohamed', 'El Khatib'],
  ['Jesse', 'Kroon'],
  ['Anouk', 'Brouwer'],
  ['Sem', 'Tahiri'],
  ['Lina', 'Wouters'],
];

export async function loadEndyearDemo(db: Db, services: Services, demo: { institutionId: string; programmeId: string; coachId: string; domain: string }): Promise<void> {
  void services;
  const f = factories(db);
  const intake = await f.intake(demo.programmeId, { academicYear: '2025-2026', month: 'september' });
  const members: { id: string }[] = [];
  for (const [i, [firstName, lastName]] of NAMES.entries()) {
    members.push(await f.person({ institutionId: demo.institutionId, roles: ['coachee'], programmeId: demo.programmeId, firstName, lastName, email: `oud.lid${i + 1}@student.${demo.domain}` }));
  }
  // Last year's students were in a class of that intake, as every student is.
  const klass = await f.class(intake.id, { code: 'SW25A' });
  for (const [i, m] of members.entries()) await f.enrol(klass.id, m.id, String(250_001 + i));
  const community = await f.community({ intakeId: intake.id, coachId: demo.coachId, name: 'SW 2025', memberIds: members.map((m) => m.id) });
  const started = new Date('2025-09-01T08:00:00Z');
  const ended = new Date('2026-06-28T22:00:00Z');
  await db.update(communityMembers).set({ joinedOn: started, leftOn: ended, leftReason: 'finished' }).where(eq(communityMembers.communityId, community.id));
  await db.update(communityCoachPeriods).set({ startedAt: started, endedAt: ended, endReason: 'communityEnded' }).where(and(eq(communityCoachPeriods.communityId, community.id), eq(communityCoachPeriods.coachId, demo.coachId)));
  // The year is over: the community has no coach now (the coach period above keeps who led it), so the coach leads only this year's.
  await db.update(communities).set({ coachId: null }).where(eq(communities.id, community.id));

  const base = { institutionId: demo.institutionId, programmeId: demo.programmeId };
  // Every other Monday from 15 September 2025, 13:00–14:30 Amsterdam: 16 sessions, two cancelled.
  const rows = Array.from({ length: 16 }, (_, i) => {
    const startsAt = new Date(Date.UTC(2025, 8, 15 + i * 14, i < 3 || i > 11 ? 11 : 12, 0));
    return { ...base, type: 'community', communityId: community.id, organiserId: demo.coachId, title: `Bijeenkomst ${i + 1}`, startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), status: i === 5 || i === 11 ? 'cancelled' : 'planned' };
  });
  const made = await db.insert(sessions).values(rows).returning({ id: sessions.id, status: sessions.status });
  const marks = made
    .filter((s) => s.status === 'planned')
    .flatMap((s, i) => members.map((m, j) => ({ sessionId: s.id, personId: m.id, status: (i + j) % 7 === 0 ? 'absent' : (i + j) % 9 === 0 ? 'late' : 'present', markedBy: demo.coachId })));
  await db.insert(attendanceMarks).values(marks);

  for (const [i, m] of members.slice(0, 3).entries()) {
    const startsAt = new Date(Date.UTC(2025, 10 + i, 12, 14, 0));
    const [one] = await db.insert(sessions).values({ ...base, type: 'oneOnOne', organiserId: demo.coachId, coacheeId: m.id, startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000) }).returning({ id: sessions.id });
    await db.insert(attendanceMarks).values({ sessionId: one!.id, personId: m.id, status: 'present', markedBy: demo.coachId });
  }

  const trainings = [
    ['coachTraining', '2025-09-08T14:00:00Z', 'Coachtraining: je rol als studentcoach'],
    ['coachTraining', '2025-10-06T14:00:00Z', 'Coachtraining: werken met de praatplaat'],
    ['intervision', '2025-11-17T14:00:00Z', 'Intervisie november'],
    ['coachTraining', '2026-02-02T15:00:00Z', 'Coachtraining: doorverwijzen'],
    ['intervision', '2026-03-16T15:00:00Z', 'Intervisie maart'],
  ] as const;
  for (const [type, at, title] of trainings) {
    const startsAt = new Date(at);
    const [s] = await db.insert(sessions).values({ ...base, type, organiserId: null, title, startsAt, endsAt: new Date(startsAt.getTime() + 120 * 60_000) }).returning({ id: sessions.id });
    await db.insert(attendanceMarks).values({ sessionId: s!.id, personId: demo.coachId, status: 'present' });
  }

  const [help] = await db.select({ id: helpResources.id }).from(helpResources).where(eq(helpResources.institutionId, demo.institutionId)).limit(1);
  if (help) await f.referral({ ...base, coacheeId: members[1]!.id, coachId: demo.coachId, resourceId: help.id, referredOn: '2026-01-20', followUpDueAt: new Date('2026-02-10T09:00:00Z') });

  // Allowance statements of the year, approved and paid (the hours on the portfolio's line to sign).
  const months = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  await db.insert(compensationStatements).values(
    months.map((month, i) => ({
      ...base,
      intakeId: intake.id,
      coachPersonId: demo.coachId,
      month,
      scheme: 'allowance',
      status: 'approved',
      totalMinutes: 240 + (i % 3) * 60,
      totalCents: 0,
      approvedAt: new Date(`${month}-28T10:00:00Z`),
      payoutId: randomUUID(),
      paidOn: `${month}-28`,
      generatedAt: new Date(`${month}-28T08:00:00Z`),
    })),
  );
}
