/**
 * The improvement plan (issue 22 item 3): interventions picked from the roadmap's version, each
 * with an owner (a stakeholder or a person of the institution), a horizon, a due date (not in the
 * past) and a status. The same intervention twice answers 409, as does a stale version.
 */
import type { z } from 'zod';
import type { AddPlanItemRequest, UpdatePlanItemRequest } from '../../../contracts/roadmap';
import type { Actor } from '../../../domain/access/policy';
import { interventionsOf } from './content-changes';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { contentOfVersion } from './content';
import { fieldError } from './errors';
import { resolveOwner, todayInAmsterdam } from './owner';
import { cancelPlanReminder, schedulePlanReminder } from './plan-reminders';
import { roadmapRepository } from './repository';

/** The roadmap and its content; a new due date may not lie in the past (`dueDate` null: unchanged). */
async function checked(services: Services, actor: Actor, roadmapId: string, dueDate: string | null, locale: Locale) {
  const row = await roadmapRepository(services.db).roadmap(actor.institutionId, roadmapId);
  if (!row) throw new AppError('not_found');
  if (dueDate !== null && dueDate < todayInAmsterdam(services.now())) throw fieldError(locale, 'dueDate', 'dueDateInPast');
  return { row, content: await contentOfVersion(services, services.db, row.institutionId, row.contentVersion) };
}

export async function addPlanItem(o: { services: Services; actor: Actor; roadmapId: string; request: z.infer<typeof AddPlanItemRequest>; locale: Locale }): Promise<{ id: string }> {
  const { row, content } = await checked(o.services, o.actor, o.roadmapId, o.request.dueDate, o.locale);
  if (!interventionsOf(content).has(o.request.interventionId)) throw fieldError(o.locale, 'interventionId', 'unknownIntervention');
  const owner = await resolveOwner(o.services.db, row.institutionId, content, o.request.owner, o.locale, 'owner');
  return o.services.db.transaction(async (tx) => {
    const item = await roadmapRepository(tx).insertPlanItem({ roadmapId: row.id, interventionId: o.request.interventionId, ...owner, horizon: o.request.horizon, dueDate: o.request.dueDate });
    if (!item) throw new AppError('conflict');
    await schedulePlanReminder(tx, item, o.services.now());
    return { id: item.id };
  });
}

export async function updatePlanItem(o: { services: Services; actor: Actor; roadmapId: string; itemId: string; request: z.infer<typeof UpdatePlanItemRequest>; locale: Locale }): Promise<void> {
  const found = await roadmapRepository(o.services.db).planItem(o.roadmapId, o.itemId);
  const { row, content } = await checked(o.services, o.actor, o.roadmapId, found && found.dueDate === o.request.dueDate ? null : o.request.dueDate, o.locale);
  const existing = await roadmapRepository(o.services.db).planItem(row.id, o.itemId);
  if (!existing) throw new AppError('not_found');
  const owner = await resolveOwner(o.services.db, row.institutionId, content, o.request.owner, o.locale, 'owner');
  await o.services.db.transaction(async (tx) => {
    const item = await roadmapRepository(tx).updatePlanItem(existing.id, o.request.version, { ...owner, horizon: o.request.horizon, dueDate: o.request.dueDate, status: o.request.status });
    if (!item) throw new AppError('conflict');
    await schedulePlanReminder(tx, item, o.services.now());
  });
}

export async function removePlanItem(o: { services: Services; actor: Actor; roadmapId: string; itemId: string }): Promise<void> {
  await o.services.db.transaction(async (tx) => {
    const row = await roadmapRepository(tx).roadmap(o.actor.institutionId, o.roadmapId);
    if (!row || !(await roadmapRepository(tx).deletePlanItem(row.id, o.itemId))) throw new AppError('not_found');
    await cancelPlanReminder(tx, o.itemId);
  });
}
