/**
 * Demo data of the 100-day moment: the September intake's coachees were asked; most answered (a
 * mix of choices, some with a reason), the demo coachee not yet — their home shows the question.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { hundredDayMomentOf, STOPPED_AFTER_FIRST_PHASE, type HundredDayChoice } from '../../../domain/year/hundred-day';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { communityMembers, hundredDayAsks, intakes } from '../../db/schema';
import { digest, newToken } from '../identity/public';

const CHOICES: readonly (HundredDayChoice | null)[] = ['continue', 'continue', 'oneOnOnesOnly', 'continue', 'lessOften', 'continue', 'stop', null];
const REASONS: Partial<Record<HundredDayChoice, string>> = {
  oneOnOnesOnly: 'In de groep durf ik minder te zeggen.',
  lessOften: 'Mijn stage kost veel tijd.',
  stop: 'Ik heb mijn plek gevonden en red het zelf.',
};

export async function loadYearDemo(db: Db, services: Services, options: { intakeId: string; communities: readonly { id: string; memberIds: readonly string[] }[]; openPersonId: string | null }): Promise<void> {
  const [intake] = await db.select().from(intakes).where(eq(intakes.id, options.intakeId));
  const moment = intake ? hundredDayMomentOf(intake) : null;
  if (!moment) return;
  const now = services.now();
  const askedAt = moment.askAt.getTime() < now.getTime() ? moment.askAt : new Date(now.getTime() - 2 * 86_400_000);
  const deadline = moment.deadline.getTime() > now.getTime() ? moment.deadline : new Date(now.getTime() + 12 * 86_400_000);
  let n = 0;
  for (const community of options.communities) {
    for (const personId of community.memberIds) {
      const choice = personId === options.openPersonId ? null : CHOICES[n++ % CHOICES.length]!;
      const reason = choice ? (REASONS[choice] ?? null) : null;
      await db.insert(hundredDayAsks).values({
        intakeId: options.intakeId,
        personId,
        communityId: community.id,
        tokenHash: digest(newToken()),
        askedAt,
        deadline,
        choice,
        reason,
        shareReasonWithCoach: reason !== null && n % 2 === 0,
        answeredAt: choice ? new Date(askedAt.getTime() + 86_400_000) : null,
      });
      if (choice === 'stop') {
        await db
          .update(communityMembers)
          .set({ leftOn: new Date(askedAt.getTime() + 86_400_000), leftReason: STOPPED_AFTER_FIRST_PHASE })
          .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.personId, personId), isNull(communityMembers.leftOn)));
      }
    }
  }
}
