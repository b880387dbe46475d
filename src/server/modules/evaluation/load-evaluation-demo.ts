/**
 * The demo's questionnaires (#18), on the September intake:
 * - T0 (the start), confidential, closed: the coachees holding the research consent were invited,
 *   most of them answered (deterministic: ordered by e-mail, answers from a seeded generator), so
 *   the dashboard's evaluation results and the impact report show figures on a fresh demo;
 * - T1 (around 100 days), anonymous, for the coachees, opens on the day the demo loads and stays
 *   open for two weeks. It is opened while the demo loads — the same opening the job does — so the
 *   invitations, with their one-tap links, are in the mail outbox at once: the demo coachee finds
 *   it on the home page and in their mailbox.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Question } from '../../../contracts/content/questions';
import { addDays, zonedToInstant } from '../../../domain/sessions/zoned-time';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { communities, communityMembers, evaluationInvitations, evaluationLinkedAnswers, evaluationRounds, intakes, people } from '../../db/schema';
import { withConsent } from '../consent/public';
import { invitationToken, tokenHashOf } from './links';
import { openMomentIn, today } from './open-moments';
import { mulberry32 } from '../../../domain/random';

export type EvaluationDemoOptions = { intakeId: string };


export async function loadEvaluationDemo(tx: Db, services: Services, options: EvaluationDemoOptions): Promise<void> {
  const [intake] = await tx.select({ settings: intakes.settings, month: intakes.month }).from(intakes).where(eq(intakes.id, options.intakeId));
  if (!intake) return;
  const now = today(services);
  const { settings } = readIntakeSettings(intake.settings, intake.month);
  // T0 in the intake's first weeks, closed well before today (from 1 September, the start of the year).
  const t0Opens = addDays(now, -90) < '2026-09-01' ? '2026-09-01' : addDays(now, -90);
  const t0 = { moment: 'T0' as const, opensOn: t0Opens, closesOn: addDays(t0Opens, 14), mode: 'confidential' as const, audience: ['coachees' as const] };
  const t1 = { moment: 'T1' as const, opensOn: now, closesOn: addDays(now, 14), mode: 'anonymous' as const, audience: ['coachees' as const] };
  const withT0 = t0.closesOn < now;
  const evaluations = [...settings.evaluations.filter((e) => e.moment !== 'T1' && e.moment !== 'T0'), ...(withT0 ? [t0] : []), t1];
  await tx.update(intakes).set({ settings: { ...settings, evaluations } }).where(eq(intakes.id, options.intakeId));
  if (withT0) await answeredT0(tx, services, options.intakeId, t0);
  await openMomentIn(services, tx, options.intakeId, 'T1');
}

async function answeredT0(tx: Db, services: Services, intakeId: string, t0: { opensOn: string; closesOn: string }) {
  const questions = services.content.questions.evaluation;
  const openedAt = zonedToInstant(t0.opensOn, '09:00');
  const [round] = await tx
    .insert(evaluationRounds)
    .values({ intakeId, moment: 'T0', mode: 'confidential', opensOn: t0.opensOn, closesOn: t0.closesOn, contentVersion: services.content.questions.version, questions, openedAt })
    .onConflictDoNothing()
    .returning({ id: evaluationRounds.id });
  if (!round) return;
  // The intake's coachees, ordered by e-mail address (derived from the demo's names): the same people every time.
  const members = await tx
    .select({ personId: communityMembers.personId, communityId: communityMembers.communityId })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .innerJoin(people, eq(people.id, communityMembers.personId))
    .where(and(eq(communities.intakeId, intakeId), isNull(communityMembers.leftOn)))
    .orderBy(people.email);
  const consenting = await withConsent(tx, members.map((m) => m.personId), 'research-use');
  const random = mulberry32(1818);
  const set: readonly Question[] = questions.coachee.questions;
  for (const [i, member] of members.filter((m) => consenting.has(m.personId)).entries()) {
    const id = randomUUID();
    // About four in five answered; a few left it after some questions.
    const answers = i % 5 === 4 ? 0 : i % 7 === 2 ? 4 : set.length;
    const answeredAt = new Date(openedAt.getTime() + (1 + (i % 10)) * 86_400_000);
    const given = set.slice(0, answers).filter((q) => q.kind !== 'text');
    await tx.insert(evaluationInvitations).values({
      id,
      roundId: round.id,
      personId: member.personId,
      questionSet: 'coachee',
      communityId: member.communityId,
      tokenHash: tokenHashOf(invitationToken(services, id)),
      invitedAt: openedAt,
      remindersSent: answers === set.length ? 0 : 2,
      answeredKeys: given.map((q) => q.id),
      respondedAt: answers === set.length ? answeredAt : null,
    });
    for (const q of given) {
      const r = random();
      const base = { invitationId: id, questionKey: q.id, contentVersion: services.content.questions.version, answeredAt };
      if (q.kind === 'scale') {
        // Mostly 3 and 4 at the start of the year, some 2 and 5.
        const value = r < 0.1 ? 2 : r < 0.45 ? 3 : r < 0.85 ? 4 : 5;
        await tx.insert(evaluationLinkedAnswers).values({ ...base, scaleValue: Math.min(q.max, Math.max(q.min, value)) });
      } else if (q.kind === 'choice') {
        const option = q.options[r < 0.6 ? 0 : r < 0.9 ? 1 : 2] ?? q.options[0]!;
        await tx.insert(evaluationLinkedAnswers).values({ ...base, choiceValues: [option.id] });
      }
    }
  }
}
