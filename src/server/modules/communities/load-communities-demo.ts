/**
 * Demo data for programme, coaches and communities (#3): coach profiles in every lifecycle state
 * the demo can show without extra people (active, paused, left), two open applications, student
 * numbers for idempotent re-import, settings on every intake, and a completed warm handover in
 * the history of SW 5 (so continuity figures and the history have something to show).
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { defaultIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Db } from '../../db/client';
import { classMembers, coachApplications, coachProfiles, communities, communityCoachPeriods, communityMembers, handovers, intakes, people } from '../../db/schema';

const DAY = 86_400_000;

export type CommunitiesDemoOptions = {
  now: Date;
  programmeId: string;
  /** Student coaches of the programme; the first gets a phone number (with consent). */
  coachIds: string[];
  /** Coaches of other programmes and seniors: profiles only. */
  otherCoaches: { personId: string; programmeId: string }[];
  pausedCoachId: string;
  handover: { communityName: string; fromCoachId: string; toCoachId: string; coordinatorId: string };
};

export async function loadCommunitiesDemo(db: Db, o: CommunitiesDemoOptions): Promise<void> {
  const at = (daysAgo: number) => new Date(o.now.getTime() - daysAgo * DAY);
  for (const row of await db.select().from(intakes)) {
    await db.update(intakes).set({ settings: defaultIntakeSettings(row.month) }).where(eq(intakes.id, row.id));
  }
  // Imported students carry their student number on the person, the key of a re-import.
  await db.execute(sql`update ${people} set student_number = ${classMembers.studentNumber} from ${classMembers} where ${classMembers.personId} = ${people.id}`);
  // Every community started at the beginning of the year.
  await db.update(communities).set({ createdAt: at(90) });
  await db.update(communityCoachPeriods).set({ startedAt: at(90) });
  await db.update(communityMembers).set({ joinedOn: at(90) });

  const intro = 'Ik studeer in het derde jaar en weet nog goed hoe het eerste jaar voelde. Vraag me alles over roosters, stages en je draai vinden.';
  for (const [i, personId] of o.coachIds.entries()) {
    await db.insert(coachProfiles).values({
      personId,
      programmeId: o.programmeId,
      status: personId === o.pausedCoachId ? 'paused' : personId === o.handover.fromCoachId ? 'left' : 'active',
      studyYear: 2 + (i % 3),
      languages: i % 2 === 0 ? ['nl', 'en'] : ['nl', 'tr'],
      intro,
      phone: i === 0 ? '06 1234 5678' : null,
      phoneConsent: i === 0,
      agreementSignedOn: '2026-08-20',
      firstTrainingOn: '2026-08-28',
    });
  }
  for (const c of o.otherCoaches) {
    await db
      .insert(coachProfiles)
      .values({ personId: c.personId, programmeId: c.programmeId, status: 'active', studyYear: 4, languages: ['nl', 'en'], intro, agreementSignedOn: '2026-08-20', firstTrainingOn: '2026-08-28' })
      .onConflictDoNothing();
  }

  // SW 5 was handed over 20 days ago: its first coach left, a senior coach took the group over.
  const [community] = await db.select().from(communities).where(eq(communities.name, o.handover.communityName));
  if (community) {
    await db
      .update(communityCoachPeriods)
      .set({ endedAt: at(20), endReason: 'handover' })
      .where(and(eq(communityCoachPeriods.communityId, community.id), isNull(communityCoachPeriods.endedAt)));
    await db.insert(communityCoachPeriods).values({ communityId: community.id, coachId: o.handover.toCoachId, startedAt: at(20) });
    await db.update(communities).set({ coachId: o.handover.toCoachId, version: 3 }).where(eq(communities.id, community.id));
    await db.insert(handovers).values({
      communityId: community.id,
      fromCoachId: o.handover.fromCoachId,
      toCoachId: o.handover.toCoachId,
      mode: 'newCoach',
      note: 'Een hechte groep die graag naar buiten gaat. Begin met een klets-kwartiertje; twee deelnemers werken veel naast hun studie, plan dus niet op vrijdag.',
      noteWrittenAt: at(24),
      introProposedAt: at(16),
      status: 'completed',
      createdById: o.handover.coordinatorId,
      createdAt: at(26),
      completedAt: at(20),
    });
    // One member stopped after the handover; the continuity figure shows it.
    const [member] = await db
      .select({ id: communityMembers.id })
      .from(communityMembers)
      .where(and(eq(communityMembers.communityId, community.id), isNull(communityMembers.leftOn)))
      .limit(1);
    if (member) await db.update(communityMembers).set({ leftOn: at(10), leftReason: 'stopped' }).where(inArray(communityMembers.id, [member.id]));
  }

  await db.insert(coachApplications).values([
    {
      programmeId: o.programmeId,
      firstName: 'Nora',
      lastName: 'Aydın',
      email: 'nora.aydin@student.hogeschool-zuidas.example',
      studyYear: 2,
      motivation: 'Ik had zelf veel aan mijn coach en wil dat teruggeven.',
      availability: 'Dinsdag- en donderdagmiddag',
      languages: ['nl', 'tr', 'en'],
      createdAt: at(3),
    },
    {
      programmeId: o.programmeId,
      firstName: 'Joël',
      lastName: 'Pinas',
      email: 'joel.pinas@student.hogeschool-zuidas.example',
      studyYear: 3,
      motivation: 'Ik kom via het mbo binnen en weet hoe groot die stap is.',
      availability: 'Maandag en woensdag',
      languages: ['nl', 'srn'],
      roleModelConsent: true,
      roleModelText: 'Mbo-route, eerste in mijn familie die studeert.',
      status: 'conversationPlanned',
      conversationAt: new Date(o.now.getTime() + 4 * DAY),
      createdAt: at(9),
    },
  ]);
}
