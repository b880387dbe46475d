/** A guided conversation, for the coach who holds it only (one-on-one note semantics); the route checked the coachee's consent. */
import type { ConversationResponse } from '../../../contracts/resilience';
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { notFound } from '../../errors/app-error';
import { namesOf } from '../relations/public';
import { findConversation, mapsSharedWith } from './repository';

export async function getConversation({ services, actor, conversationId }: { services: Services; actor: Actor; conversationId: string }): Promise<ConversationResponse> {
  const conversation = await findConversation(services.db, conversationId);
  if (!conversation) throw notFound();
  const names = await namesOf(services.db, [conversation.coacheeId]);
  const shared = (await mapsSharedWith(services.db, actor.personId)).find((s) => s.ownerId === conversation.coacheeId);
  return {
    id: conversation.id,
    heldOn: conversation.heldOn,
    coachee: { id: conversation.coacheeId, firstName: names.get(conversation.coacheeId)?.firstName ?? '', lastName: names.get(conversation.coacheeId)?.lastName ?? '' },
    progress: conversation.progress,
    mapId: shared?.mapId ?? null,
    guide: services.content.questions.conversationGuide,
  };
}
