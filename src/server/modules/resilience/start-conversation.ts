/** A coach starts a guided resilience conversation with a coachee they coach. */
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { localDate } from './dates';
import { insertConversation } from './repository';

export async function startConversation({ services, actor, coacheeId }: { services: Services; actor: Actor; coacheeId: string }) {
  const row = await insertConversation(services.db, { coachId: actor.personId, coacheeId, heldOn: localDate(services.now()) });
  return { id: row.id };
}
