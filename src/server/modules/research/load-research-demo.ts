/**
 * The demo's research: most coachees of the demo programmes hold the research consent (a few
 * said no, one withdrew), and one approved study covering both programmes — so
 * `peerkracht research export` and the onderzoeker's pages show real figures on a fresh demo.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { people, researchStudies, researchStudyProgrammes, roleAssignments } from '../../db/schema';
import { factories } from '../../testing/factories';
import { newStudySecret } from './crypto';

export type ResearchDemoOptions = {
  institutionId: string;
  programmeIds: string[];
  researcherId: string;
  coordinatorIds: Record<string, string>;
  /** The demo coachee makes this choice themselves (the consent page shows it still open). */
  openPersonId: string | null;
};

export async function loadResearchDemo(tx: Db, services: Services, options: ResearchDemoOptions) {
  const f = factories(tx);
  // Ordered by e-mail address, which the demo derives from names: the same people say no every time.
  const coachees = (
    await tx
      .selectDistinct({ personId: roleAssignments.personId, email: people.email })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(and(eq(roleAssignments.role, 'coachee'), inArray(roleAssignments.programmeId, options.programmeIds)))
      .orderBy(people.email)
  ).filter((c) => c.personId !== options.openPersonId);
  const daysAgo = (n: number) => new Date(services.now().getTime() - n * 86_400_000);
  for (const [i, { personId }] of coachees.entries()) {
    // Deterministic: about one in seven says no; one in thirteen granted and later withdrew.
    if (i % 7 === 3) {
      await f.consent({ personId, institutionId: options.institutionId, consentId: 'research-use', event: 'withdraw', at: daysAgo(60), consents: services.content.consents });
      continue;
    }
    await f.consent({ personId, institutionId: options.institutionId, consentId: 'research-use', event: 'grant', at: daysAgo(60), consents: services.content.consents });
    if (i % 13 === 5) await f.consent({ personId, institutionId: options.institutionId, consentId: 'research-use', event: 'withdraw', at: daysAgo(20), consents: services.content.consents });
  }
  const [study] = await tx
    .insert(researchStudies)
    .values({
      institutionId: options.institutionId,
      proposerId: options.researcherId,
      title: 'Aanwezigheid en welbevinden in het eerste jaar',
      question: 'Hangt regelmatig aanwezig zijn bij de community samen met hoe studenten in hun vel zitten, en maakt een coachwissel daarbij verschil?',
      periodStart: '2026-09-01',
      periodEnd: '2027-08-31',
      variables: ['programme', 'intake', 'class', 'sessionsAttended', 'attendanceRate', 'coachChanges', 'checkinCount', 'checkinMean'],
      status: 'approved',
      pseudonymSecret: newStudySecret(services.config.dataKey.key),
    })
    .returning();
  await tx.insert(researchStudyProgrammes).values(
    options.programmeIds.map((programmeId) => ({ studyId: study!.id, programmeId, decision: 'approved', decidedBy: options.coordinatorIds[programmeId] ?? null, decidedAt: services.now(), note: '' })),
  );
  return study!;
}
