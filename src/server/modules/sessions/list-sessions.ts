import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { describeSessions } from './describe-sessions';
import { loadSessionsAround } from './repository';

export type ListSessionsOptions = { services: Services; actor: Actor; from: Date; to: Date };

/** The sessions a person sees in a window: their own, their communities', trainings, supervisees'. */
export async function listSessions({ services, actor, from, to }: ListSessionsOptions) {
  const loaded = await loadSessionsAround(services.db, actor, from, to);
  const visible = loaded.filter((s) => isAllowed(actor, 'session:read', s.resource));
  return describeSessions(services.db, actor, visible, services.now());
}
