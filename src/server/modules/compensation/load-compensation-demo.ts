/**
 * Demo data (#17 item 9): birth dates for the coaches (one turns 21 last month), a little extra
 * work, and statements made from the demo's sessions: two months ago confirmed and approved for
 * every coach but the demo coach (so finance has something to pay), last month open; the demo
 * coach has both months open, to check, confirm and dispute.
 */
import { and, eq, ne } from 'drizzle-orm';
import { previousMonth } from '../../../domain/compensation/scheme';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { compensationExtraWork, compensationProfiles, compensationStatements } from '../../db/schema';
import { generateStatements } from './generate-statements';

export async function loadCompensationDemo(
  tx: Db,
  services: Services,
  options: { institutionId: string; programmeId: string; coachIds: readonly string[]; demoCoachId: string; coordinatorId: string; seniorId: string },
): Promise<void> {
  const s = { ...services, db: tx };
  const now = zonedParts(services.now());
  const last = previousMonth(now.date.slice(0, 7));
  const before = previousMonth(last);
  // Birth dates: the demo coach turns 21 in the middle of last month, so its statement shows both bands.
  const years = [21, 23, 20, 22, 25, 19];
  for (const [i, personId] of options.coachIds.entries()) {
    const age = years[i % years.length]!;
    const birthDate = i === 0 ? `${Number(last.slice(0, 4)) - 21}-${last.slice(5)}-15` : `${now.year - age}-0${(i % 9) + 1}-1${i % 9}`;
    await tx.insert(compensationProfiles).values({ personId, birthDate }).onConflictDoNothing();
  }
  // Extra work: approved (a recruitment fair) for every coach two months ago, one waiting for the senior coach.
  for (const coachPersonId of options.coachIds) {
    await tx.insert(compensationExtraWork).values({
      institutionId: options.institutionId,
      programmeId: options.programmeId,
      coachPersonId,
      workedOn: `${before}-12`,
      minutes: 120,
      reason: 'Wervingsmarkt op de open dag',
      status: 'approved',
      decidedById: options.coordinatorId,
      decidedAt: services.now(),
    });
  }
  await tx.insert(compensationExtraWork).values({
    institutionId: options.institutionId,
    programmeId: options.programmeId,
    coachPersonId: options.demoCoachId,
    workedOn: `${last}-20`,
    minutes: 90,
    reason: 'Extra overleg met de opleiding over de introductieweek',
  });
  await generateStatements({ services: s, institutionId: options.institutionId, month: before, coachIds: options.coachIds });
  await generateStatements({ services: s, institutionId: options.institutionId, month: last, coachIds: options.coachIds });
  const others = and(eq(compensationStatements.month, before), ne(compensationStatements.coachPersonId, options.demoCoachId));
  await tx.update(compensationStatements).set({ status: 'confirmed', confirmedAt: services.now() }).where(others);
  await tx.update(compensationStatements).set({ status: 'approved', approvedAt: services.now(), approvedById: options.coordinatorId }).where(others);
}
