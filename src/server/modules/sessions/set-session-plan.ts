import { eq } from 'drizzle-orm';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { sessions } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { libraryItemOf, sessionPlanById } from '../activities/public';
import type { LoadedSession } from './repository';

/** A session may use the person's own plans and the ones shared with them; anything else is a field error. */
export async function requireReadablePlan(services: Services, actor: Actor, planId: string) {
  const plan = await sessionPlanById(services.db, actor.institutionId, planId);
  if (!plan || !isAllowed(actor, 'library:read', libraryItemOf(plan.p))) throw new AppError('validation_failed', 'plan not readable', {}, [{ path: 'planId', message: 'invalid' }]);
}

export type SetSessionPlanOptions = { services: Services; actor: Actor; session: LoadedSession; planId: string | null };

/** The coach picks a saved plan (theirs or a shared one) for a session, or none. */
export async function setSessionPlan({ services, actor, session, planId }: SetSessionPlanOptions): Promise<void> {
  if (session.row.status === 'cancelled') throw new AppError('session_cancelled');
  if (planId) await requireReadablePlan(services, actor, planId);
  await services.db.update(sessions).set({ planId, updatedAt: services.now() }).where(eq(sessions.id, session.row.id));
}
