/** The rules a map must satisfy beyond its shape: unique ids, sizes, a linked person must be allowed. */
import { LIMITS, type ResilienceMap } from './model';

export type MapIssue = { path: string; code: 'duplicate_id' | 'too_many' | 'unknown_person' | 'not_a_person' | 'wellbeing_range' };

/**
 * @param linkable the people a resource may be linked to (the coach and fellow community members);
 *   linking to anyone else would reveal or invent a relation the owner cannot see.
 */
export function validateMap(map: ResilienceMap, linkable: ReadonlySet<string>): MapIssue[] {
  const issues: MapIssue[] = [];
  const seen = new Set<string>();
  map.resources.forEach((r, i) => {
    if (seen.has(r.id)) issues.push({ path: `resources.${i}.id`, code: 'duplicate_id' });
    seen.add(r.id);
    if (r.linkedPersonId !== null) {
      if (r.kind !== 'person') issues.push({ path: `resources.${i}.linkedPersonId`, code: 'not_a_person' });
      else if (!linkable.has(r.linkedPersonId)) issues.push({ path: `resources.${i}.linkedPersonId`, code: 'unknown_person' });
    }
  });
  const challengeIds = new Set<string>();
  map.challenges.forEach((c, i) => {
    if (challengeIds.has(c.id)) issues.push({ path: `challenges.${i}.id`, code: 'duplicate_id' });
    challengeIds.add(c.id);
  });
  if (map.resources.length > LIMITS.resources) issues.push({ path: 'resources', code: 'too_many' });
  if (map.challenges.length > LIMITS.challenges) issues.push({ path: 'challenges', code: 'too_many' });
  if (map.wellbeing !== null && (!Number.isInteger(map.wellbeing) || map.wellbeing < 0 || map.wellbeing > 10)) {
    issues.push({ path: 'wellbeing', code: 'wellbeing_range' });
  }
  return issues;
}
