/** The owner shares their map with their coach, to view or to edit together. */
import type { ShareMode } from '../../../contracts/resilience';
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { notFound } from '../../errors/app-error';
import { relationsOf, upsertShare, type MapRow } from './repository';

export async function shareMap({ services, actor, map, personId, mode }: { services: Services; actor: Actor; map: MapRow; personId: string; mode: ShareMode }) {
  // Only with a coach of the owner's own community: nobody else can be picked, or probed for.
  const relations = await relationsOf(services.db, actor.institutionId, map.ownerId);
  if (!relations.coachIds.includes(personId)) throw notFound();
  await upsertShare(services.db, map.id, personId, mode);
}
