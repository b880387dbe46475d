/**
 * Comparing two versions of a map (two snapshots, or a snapshot and the map now). Resources are
 * followed by id. The question the researchers wanted answered — has the coach, have fellow
 * coachees become a resource? — is answered from the resources linked to those people.
 */
import type { ResilienceMap, SupportResource } from './model';

export type ResourcePair = { before: SupportResource; after: SupportResource };

export type LinkedRole = 'coach' | 'fellow';

export type PersonChange = { personId: string; role: LinkedRole; resource: SupportResource };

export type MapComparison = {
  added: SupportResource[];
  removed: SupportResource[];
  /** Level or place changed. */
  moved: ResourcePair[];
  /** How it is used (uses / could use / hard to reach) changed. */
  usageChanged: ResourcePair[];
  /** Label, kind, note or "what would make it easier" changed, without a move or a usage change. */
  edited: ResourcePair[];
  /** The coach or fellow community members linked in `after` and in no resource of `before`. */
  becameResources: PersonChange[];
  /** …and the other way round. */
  noLongerResources: PersonChange[];
  wellbeing: { before: number | null; after: number | null } | null;
};

export type PeopleRoles = { coachIds: ReadonlySet<string>; fellowIds: ReadonlySet<string> };

const roleOf = (id: string, roles: PeopleRoles): LinkedRole | null =>
  roles.coachIds.has(id) ? 'coach' : roles.fellowIds.has(id) ? 'fellow' : null;

function linkedPeople(map: ResilienceMap, roles: PeopleRoles): Map<string, PersonChange> {
  const result = new Map<string, PersonChange>();
  for (const resource of map.resources) {
    const personId = resource.linkedPersonId;
    if (personId === null || result.has(personId)) continue;
    const role = roleOf(personId, roles);
    if (role) result.set(personId, { personId, role, resource });
  }
  return result;
}

export function compareMaps(before: ResilienceMap, after: ResilienceMap, roles: PeopleRoles = { coachIds: new Set(), fellowIds: new Set() }): MapComparison {
  const beforeById = new Map(before.resources.map((r) => [r.id, r]));
  const afterById = new Map(after.resources.map((r) => [r.id, r]));
  const comparison: MapComparison = {
    added: after.resources.filter((r) => !beforeById.has(r.id)),
    removed: before.resources.filter((r) => !afterById.has(r.id)),
    moved: [],
    usageChanged: [],
    edited: [],
    becameResources: [],
    noLongerResources: [],
    wellbeing: before.wellbeing === after.wellbeing ? null : { before: before.wellbeing, after: after.wellbeing },
  };
  for (const a of after.resources) {
    const b = beforeById.get(a.id);
    if (!b) continue;
    const moved = a.level !== b.level || a.place !== b.place;
    const usage = a.usage !== b.usage;
    if (moved) comparison.moved.push({ before: b, after: a });
    if (usage) comparison.usageChanged.push({ before: b, after: a });
    const edited =
      a.label !== b.label || a.kind !== b.kind || a.note !== b.note || a.easierIf !== b.easierIf || a.linkedPersonId !== b.linkedPersonId;
    if (edited && !moved && !usage) comparison.edited.push({ before: b, after: a });
  }
  const peopleBefore = linkedPeople(before, roles);
  const peopleAfter = linkedPeople(after, roles);
  for (const [id, change] of peopleAfter) if (!peopleBefore.has(id)) comparison.becameResources.push(change);
  for (const [id, change] of peopleBefore) if (!peopleAfter.has(id)) comparison.noLongerResources.push(change);
  return comparison;
}

export function hasChanges(c: MapComparison): boolean {
  return (
    c.added.length + c.removed.length + c.moved.length + c.usageChanged.length + c.edited.length + c.becameResources.length + c.noLongerResources.length > 0 ||
    c.wellbeing !== null
  );
}
