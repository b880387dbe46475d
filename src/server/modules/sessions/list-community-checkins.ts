import { asc, inArray } from 'drizzle-orm';
import { isAllowed, type Actor, type Resource } from '../../../domain/access/policy';
import type { CommunityCheckinsResponse } from '../../../contracts/sessions';
import type { Services } from '../../context';
import { checkins } from '../../db/schema';
import { recordRead } from '../audit/public';
import type { CommunityResource } from '../relations/public';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import { withConsent } from '../consent/public';
import { peopleNames } from './repository';

export type ListCommunityCheckinsOptions = { services: Services; actor: Actor; community: CommunityResource };

/**
 * The check-in histories of a community's members, for their coach — only of the members who
 * share them (consent, withdrawable at any moment; nothing cached). Every history shown is
 * recorded as a read, so the coachee can see who looked.
 */
export async function listCommunityCheckins({ services, actor, community }: ListCommunityCheckinsOptions): Promise<CommunityCheckinsResponse> {
  const { db } = services;
  // Shared with the coach, and stored with the coachee's consent for coaching data: both must hold now.
  const [shares, coachingData] = await Promise.all([withConsent(db, community.memberIds, CONSENT_FOR.checkinsToCoach), withConsent(db, community.memberIds, CONSENT_FOR.coachingData)]);
  const sharing = new Set([...shares].filter((id) => coachingData.has(id)));
  const readable = community.memberIds.filter((subjectId) => {
    const content: Resource = {
      kind: 'coachingContent',
      contentType: 'checkin',
      institutionId: community.institutionId,
      programmeId: community.programmeId,
      subjectId,
      authorId: null,
      supervisorIds: community.supervisorIds,
      sharedWithIds: sharing.has(subjectId) && community.coachId ? [community.coachId] : [],
    };
    return subjectId !== actor.personId && isAllowed(actor, 'coachingContent:read', content);
  });
  const rows = readable.length
    ? await db.select({ id: checkins.id, personId: checkins.personId, score: checkins.score, at: checkins.createdAt }).from(checkins).where(inArray(checkins.personId, readable)).orderBy(asc(checkins.createdAt))
    : [];
  const names = await peopleNames(db, readable);
  for (const subjectId of readable) {
    const latest = rows.filter((r) => r.personId === subjectId).at(-1);
    if (latest) await recordRead(db, { actorId: actor.personId, subjectId, resourceType: 'checkin', resourceId: latest.id });
  }
  return {
    communityId: community.id,
    communityName: community.name,
    memberCount: community.memberIds.length,
    sharing: readable
      .map((id) => ({
        id,
        firstName: names.get(id)?.firstName ?? '',
        lastName: names.get(id)?.lastName ?? '',
        checkins: rows.filter((r) => r.personId === id).map((r) => ({ score: r.score, at: r.at.toISOString() })),
      }))
      .sort((a, b) => a.firstName.localeCompare(b.firstName)),
  };
}
