/**
 * Reminders to owners of plan items (issue 22 item 3): a week before the due date (07:00 UTC) the
 * owner — when a person — gets one mail with the intervention's title, the due date and a link to
 * the roadmap, nothing else (not even their name: the mail carries no personal data). A durable
 * job per item (dedupe key per item); `reminded_for` makes it exactly once per due date whatever
 * retries or instances do. A moved due date schedules a new reminder.
 */
import { z } from 'zod';
import { translate } from '../../../i18n/translate';
import { planReminderDueAt } from '../../../domain/roadmap/roadmap';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { cancelJob, scheduleJob, type JobHandler } from '../jobs/public';
import { contentOfVersion } from './content';
import { interventionsOf } from './content-changes';
import { todayInAmsterdam } from './owner';
import { roadmapRepository } from './repository';

export const PLAN_REMINDER_JOB = 'roadmap-plan-reminder';
const Payload = z.object({ planItemId: z.string().uuid() });
const keyOf = (planItemId: string) => `${PLAN_REMINDER_JOB}:${planItemId}`;

/** (Re)schedules the reminder of a plan item: in the transaction that adds or changes it. */
export async function schedulePlanReminder(db: Db, item: { id: string; dueDate: string; ownerPersonId: string | null; status: string }, now: Date): Promise<void> {
  await cancelJob(db, keyOf(item.id));
  if (item.ownerPersonId === null || item.status === 'done' || item.status === 'dropped') return;
  await scheduleJob(db, { kind: PLAN_REMINDER_JOB, payload: { planItemId: item.id }, dueAt: planReminderDueAt(item.dueDate, now), dedupeKey: keyOf(item.id) });
}

/** Cancels the reminder of a removed plan item. */
export const cancelPlanReminder = (db: Db, planItemId: string) => cancelJob(db, keyOf(planItemId));

export const sendPlanReminder: JobHandler = async ({ services, job }) => {
  const { planItemId } = Payload.parse(job.payload);
  await services.db.transaction(async (tx) => {
    const repo = roadmapRepository(tx);
    const item = await repo.planItemById(planItemId);
    if (!item || item.ownerPersonId === null || item.status === 'done' || item.status === 'dropped') return;
    if (item.dueDate < todayInAmsterdam(services.now())) return;
    const roadmap = await repo.roadmapById(item.roadmapId);
    if (!roadmap) return;
    const owner = await repo.personOf(roadmap.institutionId, { personId: item.ownerPersonId });
    if (!owner) return;
    if (!(await repo.markReminded(item.id, item.dueDate))) return;
    const content = await contentOfVersion(services, tx, roadmap.institutionId, roadmap.contentVersion);
    const locale = owner.locale === 'en' ? 'en' : 'nl';
    const title = interventionsOf(content).get(item.interventionId)?.title[locale] ?? '';
    await services.mailer.enqueue(tx, {
      institutionId: roadmap.institutionId,
      to: owner.email,
      subject: translate(locale, 'roadmap.mail.reminder.subject'),
      text: translate(locale, 'roadmap.mail.reminder.body', { title, date: item.dueDate, link: `${services.config.publicUrl}/roadmaps/${roadmap.id}` }),
    });
  });
};

/** Makes sure every open plan item with a person as owner has its reminder job (a poller hook, like the other reminders). */
export async function schedulePlanReminders(services: Services): Promise<void> {
  const repo = roadmapRepository(services.db);
  for (const row of await repo.itemsToRemind(todayInAmsterdam(services.now()))) {
    await scheduleJob(services.db, { kind: PLAN_REMINDER_JOB, payload: { planItemId: row.id }, dueAt: planReminderDueAt(row.dueDate, services.now()), dedupeKey: keyOf(row.id) });
  }
}
