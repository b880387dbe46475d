/** One dated version of a map; a read by anyone but the owner is audited. */
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { notFound } from '../../errors/app-error';
import { recordRead } from '../audit/public';
import { auditId } from './describe-map';
import { findSnapshot, type MapRow } from './repository';

export async function getSnapshot({ services, actor, map, snapshotId }: { services: Services; actor: Actor; map: MapRow; snapshotId: string }) {
  const snapshot = await findSnapshot(services.db, map.id, snapshotId);
  if (!snapshot) throw notFound();
  await recordRead(services.db, { actorId: actor.personId, subjectId: map.ownerId, resourceType: 'resilienceMap', resourceId: auditId('snapshot', snapshot.id) });
  return { id: snapshot.id, takenOn: snapshot.takenOn, content: snapshot.content };
}
