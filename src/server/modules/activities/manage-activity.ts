/** Coaches add their own activities, share them or not, change and remove them. */
import { eq } from 'drizzle-orm';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { CreateActivityRequest } from '../../../contracts/activities';
import type { Locale } from '../../../i18n/translate';
import type { z } from 'zod';
import type { Services } from '../../context';
import { customActivities } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { customActivityById, deleteCustomActivity, programmeNames } from './repository';

type ActivityFields = z.output<typeof CreateActivityRequest>;

const columns = (request: ActivityFields) => ({
  shared: request.shared,
  theme: request.theme,
  phases: request.phases,
  durationMinutes: request.durationMinutes,
  groupMin: request.groupSize.min,
  groupMax: request.groupSize.max,
  title: request.title,
  goal: request.goal,
  materials: request.materials,
  steps: request.steps,
  programmeId: request.programmeId ?? null,
});

export async function createActivity({ services, actor, locale, request }: { services: Services; actor: Actor; locale: Locale; request: ActivityFields }) {
  const [row] = await services.db
    .insert(customActivities)
    .values({ institutionId: actor.institutionId, authorId: actor.personId, locale, ...columns(request) })
    .returning({ id: customActivities.id });
  if (!row) throw new AppError('internal', 'activity insert returned nothing');
  return { id: row.id };
}

/**
 * The route's access rule (library:manage) let the person change it. Moving it to another
 * programme (or to the whole institution) needs the right to add it there; leaving out
 * `programmeId` keeps it where it is.
 */
export async function updateActivity({ services, actor, activityId, request }: { services: Services; actor: Actor; activityId: string; request: ActivityFields }) {
  const current = await customActivityById(services.db, actor.institutionId, activityId);
  if (!current) throw new AppError('not_found');
  const programmeId = request.programmeId === undefined ? current.a.programmeId : request.programmeId;
  if (programmeId !== current.a.programmeId) {
    if (programmeId !== null && !(await programmeNames(services.db, actor.institutionId)).has(programmeId)) throw new AppError('not_found');
    const target = programmeId === null ? { kind: 'institution' as const, institutionId: actor.institutionId } : { kind: 'programme' as const, institutionId: actor.institutionId, programmeId };
    if (!isAllowed(actor, 'library:create', target)) throw new AppError('not_found');
  }
  await services.db.update(customActivities).set({ ...columns(request), programmeId }).where(eq(customActivities.id, activityId));
}

export async function deleteActivity({ services, activityId }: { services: Services; activityId: string }) {
  await deleteCustomActivity(services.db, activityId);
}
