/**
 * The demo's questionnaires (#18): the September intake's 100-day questionnaire (T1, anonymous,
 * coachees) opens on the day the demo loads and stays open for two weeks. It is opened while the
 * demo loads — the same opening the job does — so the invitations, with their one-tap links, are
 * in the mail outbox at once: the demo coachee finds it on the home page and in their mailbox.
 */
import { eq } from 'drizzle-orm';
import { addDays } from '../../../domain/sessions/zoned-time';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { intakes } from '../../db/schema';
import { openMomentIn, today } from './open-moments';

export type EvaluationDemoOptions = { intakeId: string };

export async function loadEvaluationDemo(tx: Db, services: Services, options: EvaluationDemoOptions): Promise<void> {
  const [intake] = await tx.select({ settings: intakes.settings, month: intakes.month }).from(intakes).where(eq(intakes.id, options.intakeId));
  if (!intake) return;
  const opensOn = today(services);
  const { settings } = readIntakeSettings(intake.settings, intake.month);
  const evaluations = [
    ...settings.evaluations.filter((e) => e.moment !== 'T1'),
    { moment: 'T1' as const, opensOn, closesOn: addDays(opensOn, 14), mode: 'anonymous' as const, audience: ['coachees' as const] },
  ];
  await tx.update(intakes).set({ settings: { ...settings, evaluations } }).where(eq(intakes.id, options.intakeId));
  await openMomentIn(services, tx, options.intakeId, 'T1');
}
