/**
 * The group exercise in a community session: each member shows only what they chose, and the
 * group sees an anonymous tally of resource kinds per level once enough members contributed.
 */
import type { Actor } from '../../../domain/access/policy';
import { MIN_TALLY_CONTRIBUTORS, tallyResources } from '../../../domain/resilience/tally';
import type { GroupExerciseResponse } from '../../../contracts/resilience';
import type { Services } from '../../context';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import { recordRead } from '../audit/public';
import { withConsent } from '../consent/public';
import { namesOf, type CommunityResource } from '../relations/public';
import { auditId } from './describe-map';
import { groupShowsOf, mapsOf } from './repository';

export async function getGroupExercise({ services, actor, community }: { services: Services; actor: Actor; community: CommunityResource }): Promise<GroupExerciseResponse> {
  const { db } = services;
  const current = (await groupShowsOf(db, community.id)).filter((s) => community.memberIds.includes(s.ownerId));
  // What a member chose to show reaches the group only while their consent for coaching data holds.
  const consented = await withConsent(db, current.map((s) => s.ownerId), CONSENT_FOR.coachingData);
  const shows = current.filter((s) => consented.has(s.ownerId));
  const maps = new Map((await mapsOf(db, shows.map((s) => s.ownerId))).map((m) => [m.ownerId, m]));
  const names = await namesOf(db, shows.map((s) => s.ownerId));
  const shown: GroupExerciseResponse['shown'] = [];
  for (const show of shows) {
    const map = maps.get(show.ownerId);
    const resources = map?.content.resources.filter((r) => show.resourceIds.includes(r.id)) ?? [];
    if (resources.length === 0 || show.ownerId === actor.personId) continue;
    await recordRead(db, { actorId: actor.personId, subjectId: show.ownerId, resourceType: 'resilienceMap', resourceId: auditId('group', community.id) });
    shown.push({ firstName: names.get(show.ownerId)?.firstName ?? '', resources: resources.map(({ label, level, place, kind }) => ({ label, level, place, kind })) });
  }
  const contributions = shows.filter((s) => s.inTally).flatMap((s) => (maps.get(s.ownerId) ? [maps.get(s.ownerId)!.content.resources] : []));
  const isMember = community.memberIds.includes(actor.personId);
  const myMap = isMember ? (await mapsOf(db, [actor.personId]))[0] : undefined;
  const myShow = current.find((s) => s.ownerId === actor.personId);
  return {
    community: { id: community.id, name: community.name },
    isMember,
    shown,
    tally: tallyResources(contributions),
    contributors: contributions.length,
    minContributors: MIN_TALLY_CONTRIBUTORS,
    mine: isMember
      ? {
          resourceIds: myShow?.resourceIds ?? [],
          inTally: myShow?.inTally ?? false,
          resources: (myMap?.content.resources ?? []).map(({ id, label, level, place, kind }) => ({ id, label, level, place, kind })),
        }
      : null,
  };
}
