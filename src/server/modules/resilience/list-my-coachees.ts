/** The coach's list: the coachees in the communities they coach, whether each shared their map, and the coach's conversations. */
import type { Actor } from '../../../domain/access/policy';
import type { MyCoacheesResponse } from '../../../contracts/resilience';
import type { Services } from '../../context';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import { loadCommunityResources, namesOf } from '../relations/public';
import { withConsent } from '../consent/public';
import { conversationsBy, mapsSharedWith } from './repository';
import { countCovered } from './conversation-progress';

export async function listMyCoachees({ services, actor }: { services: Services; actor: Actor }): Promise<MyCoacheesResponse> {
  const { db } = services;
  const coached = (await loadCommunityResources(db, actor.institutionId)).filter((c) => c.coachId === actor.personId);
  const coacheeIds = [...new Set(coached.flatMap((c) => c.memberIds))];
  const names = await namesOf(db, coacheeIds);
  const shared = await mapsSharedWith(db, actor.personId);
  const conversations = await conversationsBy(db, actor.personId, coacheeIds);
  // Without the coachee's consent for coaching data the coach sees neither map nor conversations.
  const consented = await withConsent(db, coacheeIds, CONSENT_FOR.coachingData);
  const themes = services.content.questions.conversationGuide.themes;
  return {
    coachees: coacheeIds
      .map((id) => {
        const map = consented.has(id) ? shared.find((s) => s.ownerId === id) : undefined;
        return {
          id,
          firstName: names.get(id)?.firstName ?? '',
          lastName: names.get(id)?.lastName ?? '',
          community: coached.find((c) => c.memberIds.includes(id))?.name ?? '',
          consented: consented.has(id),
          sharedMap: map ? { mapId: map.mapId, mode: map.mode } : null,
          conversations: conversations
            .filter((c) => c.coacheeId === id && consented.has(id))
            .map((c) => ({ id: c.id, heldOn: c.heldOn, ...countCovered(themes, c.progress) })),
        };
      })
      .sort((a, b) => a.community.localeCompare(b.community) || a.firstName.localeCompare(b.firstName)),
  };
}
