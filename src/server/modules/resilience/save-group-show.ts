/** A member chooses what of their map the group sees, and whether it counts in the anonymous tally. */
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { notFound } from '../../errors/app-error';
import type { CommunityResource } from '../relations/public';
import { ensureMapOf, upsertGroupShow } from './repository';

export async function saveGroupShow(options: { services: Services; actor: Actor; community: CommunityResource; resourceIds: string[]; inTally: boolean }) {
  const { services, actor, community } = options;
  if (!community.memberIds.includes(actor.personId)) throw notFound();
  const map = await ensureMapOf(services.db, actor.personId);
  const own = new Set(map.content.resources.map((r) => r.id));
  await upsertGroupShow(services.db, {
    communityId: community.id,
    ownerId: actor.personId,
    resourceIds: options.resourceIds.filter((id) => own.has(id)),
    inTally: options.inTally,
    now: services.now(),
  });
}
