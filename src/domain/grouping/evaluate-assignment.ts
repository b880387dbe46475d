import type { GroupBounds } from './group-bounds.js';
import type { MdgpInstance } from './mdgp-instance.js';

/** Σ_g Σ_{i<j in g} d_ij recomputed from scratch — what an external checker does. */
export function mdgpObjective(instance: MdgpInstance, group: ArrayLike<number>): number {
  const { n, distance } = instance;
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (group[i] === group[j]) total += distance[i * n + j]!;
  return total;
}

/** Indices of groups whose size breaks their bounds (empty when the assignment is valid). */
export function boundViolations(bounds: GroupBounds, group: ArrayLike<number>): number[] {
  const m = bounds.lower.length;
  const size = new Int32Array(m);
  const outOfRange: number[] = [];
  for (let i = 0; i < group.length; i++) {
    const g = group[i]!;
    if (!Number.isInteger(g) || g < 0 || g >= m) return [-1];
    size[g]!++;
  }
  for (let g = 0; g < m; g++) if (size[g]! < bounds.lower[g]! || size[g]! > bounds.upper[g]!) outOfRange.push(g);
  return outOfRange;
}
