import type { GroupBounds } from './group-bounds.js';
import { GroupingError } from './grouping-error.js';
import { shuffleInPlace, type Rng } from './prng.js';

/**
 * A uniformly shuffled assignment that respects the size bounds and keeps pre-placed elements
 * (fixed[i] ≥ 0) in their group. With targetSizes, groups are filled to exactly those sizes. Random starts are what the restarts and the population need;
 * the quality comes from the search, not from the construction.
 */
export function randomAssignment(
  n: number,
  bounds: GroupBounds,
  fixed: Int32Array | null,
  rng: Rng,
  targetSizes: Int32Array | null = null,
): Int32Array {
  const m = bounds.lower.length;
  const group = new Int32Array(n).fill(-1);
  const size = new Int32Array(m);
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    const f = fixed === null ? -1 : fixed[i]!;
    if (f >= 0) {
      group[i] = f;
      size[f] = size[f]! + 1;
    } else free.push(i);
  }
  const order = Int32Array.from(free);
  shuffleInPlace(order, rng);
  let next = 0;
  // First lift every group to its lower bound, then spread the rest over groups with room.
  const floor = targetSizes ?? bounds.lower;
  for (let g = 0; g < m; g++) {
    while (size[g]! < floor[g]! && next < order.length) {
      group[order[next++]!] = g;
      size[g] = size[g]! + 1;
    }
  }
  const open: number[] = [];
  for (let g = 0; g < m; g++) if (size[g]! < bounds.upper[g]!) open.push(g);
  while (next < order.length) {
    if (open.length === 0) break;
    const k = rng.nextInt(open.length);
    const g = open[k]!;
    group[order[next++]!] = g;
    size[g] = size[g]! + 1;
    if (size[g] === bounds.upper[g]) {
      open[k] = open[open.length - 1]!;
      open.pop();
    }
  }
  assertPlaced(group, size, bounds);
  return group;
}

function assertPlaced(group: Int32Array, size: Int32Array, bounds: GroupBounds): void {
  const m = bounds.lower.length;
  for (let g = 0; g < m; g++) {
    if (size[g]! < bounds.lower[g]! || size[g]! > bounds.upper[g]!) {
      throw new GroupingError('conflicting_constraints', `Pre-placed members make group ${g} impossible to fill within ${bounds.lower[g]}–${bounds.upper[g]}.`, {
        group: g,
        size: size[g],
        lower: bounds.lower[g],
        upper: bounds.upper[g],
      });
    }
  }
  if (group.includes(-1)) {
    throw new GroupingError('conflicting_constraints', 'Pre-placed members leave no room for everyone else.', {});
  }
}
