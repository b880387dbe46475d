/**
 * The anonymous group tally for the group exercise: how many resources of each kind the members
 * placed on each level. Shown only when enough members contributed that no one can be picked out.
 */
import { LEVELS, RESOURCE_KINDS, type Level, type ResourceKind, type SupportResource } from './model';

export const MIN_TALLY_CONTRIBUTORS = 3;

export type Tally = { contributors: number; counts: Record<Level, Record<ResourceKind, number>> };

/** null while fewer than {@link MIN_TALLY_CONTRIBUTORS} members contributed. */
export function tallyResources(contributions: ReadonlyArray<readonly SupportResource[]>): Tally | null {
  if (contributions.length < MIN_TALLY_CONTRIBUTORS) return null;
  const counts = Object.fromEntries(LEVELS.map((l) => [l, Object.fromEntries(RESOURCE_KINDS.map((k) => [k, 0]))])) as Record<
    Level,
    Record<ResourceKind, number>
  >;
  for (const resources of contributions) for (const r of resources) counts[r.level][r.kind] += 1;
  return { contributors: contributions.length, counts };
}
