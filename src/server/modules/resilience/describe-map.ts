/** One map as its reader may see it; a read by anyone but the owner is written to the audit log. */
import type { Actor } from '../../../domain/access/policy';
import type { ResilienceMapResponse } from '../../../contracts/resilience';
import type { Services } from '../../context';
import { listReadsOf, recordRead } from '../audit/audit-log';
import { namesOf } from '../communities/repository';
import { relationsOf, sharesOf, snapshotsOf, type MapRow } from './repository';

const WHAT = { map: 'map', snapshot: 'snapshot', pdf: 'pdf', group: 'group' } as const;

/** Audit resource ids are prefixed with what was read: `map:<id>`, `snapshot:<id>`, `pdf:<id>`, `group:<id>`. */
export const auditId = (what: keyof typeof WHAT, id: string) => `${what}:${id}`;

export async function describeMap({ services, actor, map, access }: { services: Services; actor: Actor; map: MapRow; access: 'owner' | 'view' | 'edit' }): Promise<ResilienceMapResponse> {
  const { db } = services;
  const isOwner = actor.personId === map.ownerId;
  if (!isOwner) await recordRead(db, { actorId: actor.personId, subjectId: map.ownerId, resourceType: 'resilienceMap', resourceId: auditId('map', map.id) });
  const relations = await relationsOf(db, actor.institutionId, map.ownerId);
  const names = await namesOf(db, [map.ownerId, ...relations.coachIds, ...relations.fellowIds]);
  const name = (id: string) => ({ firstName: names.get(id)?.firstName ?? '', lastName: names.get(id)?.lastName ?? '' });
  const response: ResilienceMapResponse = {
    id: map.id,
    owner: { id: map.ownerId, ...name(map.ownerId) },
    content: map.content,
    version: map.version,
    updatedAt: map.updatedAt.toISOString(),
    access,
    linkable: [
      ...relations.coachIds.map((id) => ({ id, ...name(id), role: 'coach' as const })),
      ...relations.fellowIds.map((id) => ({ id, firstName: name(id).firstName, role: 'fellow' as const })),
    ],
    snapshots: await snapshotsOf(db, map.id),
  };
  if (!isOwner) return response;
  const shares = await sharesOf(db, map.id);
  const reads = (await listReadsOf(db, map.ownerId)).filter((r) => r.resourceType === 'resilienceMap');
  return {
    ...response,
    shares: shares.map((s) => ({ personId: s.personId, firstName: s.firstName, lastName: s.lastName, mode: s.mode, since: s.since.toISOString() })),
    shareable: relations.coachIds.map((personId) => ({ personId, ...name(personId) })),
    reads: reads.map((r) => {
      const prefix = (r.resourceId ?? '').split(':')[0] ?? '';
      return {
        at: r.at.toISOString(),
        firstName: r.actorFirstName ?? '',
        lastName: r.actorLastName ?? '',
        what: prefix in WHAT ? WHAT[prefix as keyof typeof WHAT] : 'map',
      };
    }),
  };
}
