import type { GroupBounds } from './group-bounds.js';

/**
 * A Maximally Diverse Grouping Problem with an explicit distance matrix (the MDGPLIB case).
 * `distance` is the full symmetric n×n matrix, row-major, zero diagonal: the search reads rows
 * directly when it updates its contribution table, so the redundancy buys speed.
 */
export type MdgpInstance = {
  readonly n: number;
  readonly bounds: GroupBounds;
  readonly distance: Float64Array;
};

/** Number of groups of an instance. */
export function groupCount(instance: { readonly bounds: GroupBounds }): number {
  return instance.bounds.lower.length;
}
