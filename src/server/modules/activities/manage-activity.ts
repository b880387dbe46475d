/** Coaches add their own activities, share them or not, change and remove them. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../domain/access/policy';
import type { CreateActivityRequest } from '../../../contracts/activities';
import type { Locale } from '../../../i18n/translate';
import type { z } from 'zod';
import type { Services } from '../../context';
import { customActivities } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { deleteCustomActivity } from './repository';

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
});

export async function createActivity({ services, actor, locale, request }: { services: Services; actor: Actor; locale: Locale; request: ActivityFields }) {
  const [row] = await services.db
    .insert(customActivities)
    .values({ institutionId: actor.institutionId, authorId: actor.personId, locale, ...columns(request) })
    .returning({ id: customActivities.id });
  if (!row) throw new AppError('internal', 'activity insert returned nothing');
  return { id: row.id };
}

/** The route's access rule (library:manage) made sure the person wrote it. */
export async function updateActivity({ services, activityId, request }: { services: Services; activityId: string; request: ActivityFields }) {
  await services.db.update(customActivities).set(columns(request)).where(eq(customActivities.id, activityId));
}

export async function deleteActivity({ services, activityId }: { services: Services; activityId: string }) {
  await deleteCustomActivity(services.db, activityId);
}
