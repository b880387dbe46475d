/**
 * A programme with a year of evidence for the dashboard tests: five communities (8, 6, 5, 5 and
 * a small one of 4 members), six weekly sessions each in September–October 2026 (one cancelled),
 * attendance with streaks of missed sessions, a member who left, a coach change, a coach who
 * stopped, referrals with follow-ups, open signals and approved statements; plus the previous
 * year's intake and a second programme. All times are explicit; the tests move the clock to `NOW` (after signing in: cookies would expire).
 */
import { communities, communityCoachPeriods, communityMembers, compensationStatements, attendanceMarks, helpResources, referrals, sessions, signals } from '../../src/server/db/schema';
import { zonedToInstant, addDays } from '../../src/domain/sessions/zoned-time';
import { FIXTURE_PASSWORD } from '../support/community-fixture';
import type { TestDb } from '../support/test-db';

export const NOW = new Date('2026-11-01T12:00:00Z');
export const SMALL_COMMUNITY = 'Kleine groep Zeeuws';

export async function evidenceProgramme(t: TestDb) {
  const f = t.factories;
  const db = t.services.db;
  const institution = await f.institution();
  const programme = await f.programme(institution.id);
  const other = await f.programme(institution.id);
  const intake = await f.intake(programme.id, { academicYear: '2026-2027' });
  const lastYear = await f.intake(programme.id, { academicYear: '2025-2026' });
  const otherIntake = await f.intake(other.id, { academicYear: '2026-2027' });
  const staff = (roles: Parameters<typeof f.person>[0]['roles'], email: string, programmeId = programme.id) =>
    f.person({ institutionId: institution.id, programmeId, roles, email, password: FIXTURE_PASSWORD });
  const coordinator = await staff(['coordinator'], 'coordinator@evidence.example');
  const management = await staff(['opleidingsmanagement'], 'management@evidence.example');
  const otherManagement = await staff(['opleidingsmanagement'], 'management-other@evidence.example', other.id);
  const otherCoordinator = await staff(['coordinator'], 'coordinator-other@evidence.example', other.id);
  const coach = await staff(['studentcoach'], 'coach@evidence.example');

  const start = zonedToInstant('2026-09-01', '00:00');
  const sizes: [string, number][] = [['Community Noord', 8], ['Community Oost', 6], ['Community Zuid', 5], ['Community West', 5], [SMALL_COMMUNITY, 4]];
  const built: { id: string; name: string; coachId: string; members: string[] }[] = [];
  for (const [name, size] of sizes) {
    const coachId = built.length === 0 ? coach.id : (await f.person({ institutionId: institution.id, programmeId: programme.id, roles: ['studentcoach'] })).id;
    const [c] = await db.insert(communities).values({ intakeId: intake.id, name, coachId }).returning();
    const members: string[] = [];
    for (let i = 0; i < size; i++) members.push((await f.person({ institutionId: institution.id, programmeId: programme.id, roles: ['coachee'] })).id);
    await db.insert(communityMembers).values(members.map((personId) => ({ communityId: c!.id, personId, joinedOn: start, joinedReason: 'initial' })));
    await db.insert(communityCoachPeriods).values({ communityId: c!.id, coachId, startedAt: start });
    await f.coachProfile(coachId, programme.id);
    built.push({ id: c!.id, name, coachId, members });
  }
  const [noord, oost, zuid, west, small] = built as [(typeof built)[0], (typeof built)[0], (typeof built)[0], (typeof built)[0], (typeof built)[0]];

  // Six weekly sessions per community (Mondays 18:00 Amsterdam); Noord's third is cancelled.
  const sessionIds = new Map<string, string[]>();
  for (const c of built) {
    const ids: string[] = [];
    for (let w = 0; w < 6; w++) {
      const startsAt = zonedToInstant(addDays('2026-09-07', 7 * w), '18:00');
      const [s] = await db
        .insert(sessions)
        .values({ institutionId: institution.id, programmeId: programme.id, type: 'community', communityId: c.id, organiserId: c.coachId, startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), status: c === noord && w === 2 ? 'cancelled' : 'planned' })
        .returning();
      ids.push(s!.id);
    }
    sessionIds.set(c.id, ids);
  }
  // Attendance: everyone present, except: Noord's first member misses the last three, its second is
  // late; Oost's first member misses the last three with notice; in the small community one member is
  // always absent (3 of 4 present: 75%, a figure about 4 people that must never show).
  const marks: (typeof attendanceMarks.$inferInsert)[] = [];
  for (const c of built) {
    const ids = sessionIds.get(c.id)!;
    ids.forEach((sessionId, w) => {
      if (c === noord && w === 2) return;
      if (c === west && w === 5) return; // West's last session is not marked yet: not held.
      c.members.forEach((personId, i) => {
        let status: 'present' | 'late' | 'absent' | 'absentWithNotice' = 'present';
        if (c === noord && i === 0 && w >= 3) status = 'absent';
        if (c === noord && i === 1) status = 'late';
        if (c === oost && i === 0 && w >= 3) status = 'absentWithNotice';
        if (c === small && i === 0) status = 'absent';
        marks.push({ sessionId, personId, status, markedBy: c.coachId });
      });
    });
  }
  await db.insert(attendanceMarks).values(marks);

  // Continuity: one member of Zuid left; Zuid's coach was changed; West's coach stopped.
  const { eq, and } = await import('drizzle-orm');
  await db.update(communityMembers).set({ leftOn: zonedToInstant('2026-10-01', '12:00'), leftReason: 'stopped' }).where(and(eq(communityMembers.communityId, zuid.id), eq(communityMembers.personId, zuid.members[4]!)));
  const newCoach = await f.person({ institutionId: institution.id, programmeId: programme.id, roles: ['studentcoach'] });
  await f.coachProfile(newCoach.id, programme.id);
  await db.update(communityCoachPeriods).set({ endedAt: zonedToInstant('2026-10-05', '12:00'), endReason: 'changed' }).where(eq(communityCoachPeriods.communityId, zuid.id));
  await db.insert(communityCoachPeriods).values({ communityId: zuid.id, coachId: newCoach.id, startedAt: zonedToInstant('2026-10-05', '12:00') });
  const { coachProfiles } = await import('../../src/server/db/schema');
  await db.update(coachProfiles).set({ status: 'left', statusChangedAt: zonedToInstant('2026-10-20', '12:00') }).where(eq(coachProfiles.personId, west.coachId));

  // Referrals of six Noord and Oost members (3 helped, 1 partly, 2 not answered yet) and five open signals.
  const [help] = await db.insert(helpResources).values({ institutionId: institution.id, kind: 'inside', category: 'wellbeing', nameNl: 'Studentpsycholoog', nameEn: 'Student psychologist', whenToGoNl: '-', whenToGoEn: '-', howToReachNl: '-', howToReachEn: '-' }).returning();
  const outcomes = ['helped', 'helped', 'helped', 'partly', null, null] as const;
  const referred = [...noord.members.slice(0, 3), ...oost.members.slice(0, 3)];
  await db.insert(referrals).values(
    referred.map((coacheeId, i) => ({
      institutionId: institution.id,
      programmeId: programme.id,
      coacheeId,
      coachId: coach.id,
      resourceId: help!.id,
      referredOn: `2026-09-${String(10 + i).padStart(2, '0')}`,
      coacheeAgreed: true,
      followUpDueAt: zonedToInstant('2026-10-20', '09:00'),
      followUpOutcome: outcomes[i] ?? null,
      followUpAnsweredAt: outcomes[i] ? zonedToInstant('2026-10-21', '09:00') : null,
    })),
  );
  for (let i = 0; i < 5; i++)
    await db.insert(signals).values({ reference: `PK-E${i}-${programme.id.slice(0, 6)}`, institutionId: institution.id, programmeId: programme.id, raisedById: coach.id, kind: 'need', anonymous: false, title: 'Rooster', body: 'Te veel deadlines tegelijk', createdAt: zonedToInstant('2026-09-20', '12:00') });

  // September's statements of the five first coaches: approved, 10 hours, €120 each.
  await db.insert(compensationStatements).values(
    built.map((c) => ({ institutionId: institution.id, programmeId: programme.id, intakeId: intake.id, coachPersonId: c.coachId, month: '2026-09', scheme: 'allowance', status: 'approved', totalMinutes: 600, totalCents: 12_000, promisedPayDate: '2026-10-25' })),
  );

  // Last year: one community of 6 with two sessions, everyone present.
  const [prev] = await db.insert(communities).values({ intakeId: lastYear.id, name: 'Community Vorig Jaar' }).returning();
  const prevMembers: string[] = [];
  for (let i = 0; i < 6; i++) prevMembers.push((await f.person({ institutionId: institution.id, programmeId: programme.id, roles: ['coachee'] })).id);
  await db.insert(communityMembers).values(prevMembers.map((personId) => ({ communityId: prev!.id, personId, joinedOn: zonedToInstant('2025-09-01', '00:00'), joinedReason: 'initial', leftOn: zonedToInstant('2026-07-01', '00:00'), leftReason: 'yearEnded' })));
  for (let w = 0; w < 2; w++) {
    const startsAt = zonedToInstant(addDays('2025-09-08', 7 * w), '18:00');
    const [s] = await db.insert(sessions).values({ institutionId: institution.id, programmeId: programme.id, type: 'community', communityId: prev!.id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) }).returning();
    await db.insert(attendanceMarks).values(prevMembers.map((personId) => ({ sessionId: s!.id, personId, status: 'present' })));
  }

  // The other programme has its own community, which the first programme's people never see.
  const [otherCommunity] = await db.insert(communities).values({ intakeId: otherIntake.id, name: 'Community Andere Opleiding' }).returning();


  return { institution, programme, other, intake, lastYear, otherIntake, coordinator, management, otherManagement, otherCoordinator, coach, communities: { noord, oost, zuid, west, small }, otherCommunity: otherCommunity! };
}
