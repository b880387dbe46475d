/** One map as its reader may see it; a read by anyone but the owner is written to the audit log. */
import type { Actor } from '../../../domain/access/policy';
import type { MyResilienceMapResponse, ResilienceMapResponse } from '../../../contracts/resilience';
import { emptyMap } from '../../../domain/resilience/model';
import type { Services } from '../../context';
import { listReadsOf, recordRead } from '../audit/public';
import { namesOf } from '../relations/public';
import { findMapOf, NEW_MAP_VERSION, relationsOf, sharesOf, snapshotsOf, type MapRow } from './repository';

const WHAT = { map: 'map', snapshot: 'snapshot', pdf: 'pdf', group: 'group' } as const;

/** Audit resource ids are prefixed with what was read: `map:<id>`, `snapshot:<id>`, `pdf:<id>`, `group:<id>`. */
export const auditId = (what: keyof typeof WHAT, id: string) => `${what}:${id}`;

export async function describeMap({ services, actor, map, access }: { services: Services; actor: Actor; map: MapRow; access: 'owner' | 'view' | 'edit' }): Promise<ResilienceMapResponse> {
  const { db } = services;
  const isOwner = actor.personId === map.ownerId;
  if (!isOwner) await recordRead(db, { actorId: actor.personId, subjectId: map.ownerId, resourceType: 'resilienceMap', resourceId: auditId('map', map.id) });
  const common = await describeFor(services, actor, map.ownerId);
  const response: ResilienceMapResponse = {
    id: map.id,
    owner: common.owner,
    content: map.content,
    version: map.version,
    updatedAt: map.updatedAt.toISOString(),
    access,
    linkable: common.linkable,
    snapshots: await snapshotsOf(db, map.id),
  };
  if (!isOwner) return response;
  const shares = await sharesOf(db, map.id);
  return {
    ...response,
    shares: shares.map((s) => ({ personId: s.personId, firstName: s.firstName, lastName: s.lastName, mode: s.mode, since: s.since.toISOString() })),
    shareable: common.shareable,
    reads: await readsOf(services, map.ownerId),
  };
}

/**
 * The signed-in coachee's own map. Opening it writes nothing: before the first save there is no
 * row, and the answer is a new, empty map without an id (the first save creates it).
 */
export async function describeMyMap({ services, actor }: { services: Services; actor: Actor }): Promise<MyResilienceMapResponse> {
  const map = await findMapOf(services.db, actor.personId);
  if (map) return describeMap({ services, actor, map, access: 'owner' });
  const common = await describeFor(services, actor, actor.personId);
  return {
    id: null,
    owner: common.owner,
    content: emptyMap(),
    version: NEW_MAP_VERSION,
    updatedAt: null,
    access: 'owner',
    linkable: common.linkable,
    snapshots: [],
    shares: [],
    shareable: common.shareable,
    reads: await readsOf(services, actor.personId),
  };
}

/** The owner's name, the people resources may be linked to, and with whom the owner may share. */
async function describeFor(services: Services, actor: Actor, ownerId: string) {
  const relations = await relationsOf(services.db, actor.institutionId, ownerId);
  const names = await namesOf(services.db, [ownerId, ...relations.coachIds, ...relations.fellowIds]);
  const name = (id: string) => ({ firstName: names.get(id)?.firstName ?? '', lastName: names.get(id)?.lastName ?? '' });
  return {
    owner: { id: ownerId, ...name(ownerId) },
    linkable: [
      ...relations.coachIds.map((id) => ({ id, ...name(id), role: 'coach' as const })),
      ...relations.fellowIds.map((id) => ({ id, firstName: name(id).firstName, role: 'fellow' as const })),
    ],
    shareable: relations.coachIds.map((personId) => ({ personId, ...name(personId) })),
  };
}

/** Who looked at the owner's map: one line per reader, what they read and hour, with a count. */
async function readsOf(services: Services, ownerId: string) {
  const reads = await listReadsOf(services.db, ownerId, { resourceType: 'resilienceMap' });
  return reads.map((r) => {
    const prefix = (r.resourceId ?? '').split(':')[0] ?? '';
    return {
      at: r.at.toISOString(),
      firstName: r.actorFirstName ?? '',
      lastName: r.actorLastName ?? '',
      what: prefix in WHAT ? WHAT[prefix as keyof typeof WHAT] : ('map' as const),
      count: r.count,
    };
  });
}
