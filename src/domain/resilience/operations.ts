/** Operations on a map. Each returns a new map; the input is never changed. */
import { LEVELS, type Level, type Place, type ResilienceMap, type SupportResource } from './model';

export function addResource(map: ResilienceMap, resource: SupportResource): ResilienceMap {
  return { ...map, resources: [...map.resources, resource] };
}

export function updateResource(map: ResilienceMap, id: string, change: Partial<Omit<SupportResource, 'id'>>): ResilienceMap {
  return { ...map, resources: map.resources.map((r) => (r.id === id ? { ...r, ...change } : r)) };
}

export function removeResource(map: ResilienceMap, id: string): ResilienceMap {
  return { ...map, resources: map.resources.filter((r) => r.id !== id) };
}

export function moveResource(map: ResilienceMap, id: string, to: { level?: Level; place?: Place }): ResilienceMap {
  return updateResource(map, id, to);
}

/** One ring closer to the centre ('in') or further out ('out'); stays put at the edge. */
export function stepLevel(level: Level, direction: 'in' | 'out'): Level {
  const i = LEVELS.indexOf(level) + (direction === 'in' ? -1 : 1);
  return LEVELS[Math.max(0, Math.min(LEVELS.length - 1, i))]!;
}

export const otherPlace = (place: Place): Place => (place === 'inside' ? 'outside' : 'inside');

/** Which ring a point in the picture falls in, from its distance to the centre (radii of the ring edges). */
export function levelAt(distance: number, ringEdges: readonly [number, number, number]): Level {
  if (distance <= ringEdges[0]) return 'individual';
  if (distance <= ringEdges[1]) return 'relational';
  return 'contextual';
}

/** The resources grouped by level and place, in map order (list view, picture, PDF). */
export function groupResources(resources: readonly SupportResource[]): Record<Level, Record<Place, SupportResource[]>> {
  const groups = Object.fromEntries(LEVELS.map((l) => [l, { inside: [] as SupportResource[], outside: [] as SupportResource[] }])) as Record<
    Level,
    Record<Place, SupportResource[]>
  >;
  for (const r of resources) groups[r.level][r.place].push(r);
  return groups;
}
