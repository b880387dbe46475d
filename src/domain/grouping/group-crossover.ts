import type { DeltaModel } from './delta-model.js';
import type { GroupBounds } from './group-bounds.js';
import type { Rng } from './prng.js';

/**
 * Group-based crossover for partitions: the child inherits whole groups, taken alternately from
 * the two parents — each time the parent's most diverse group (sum of distances among its members
 * not yet placed, per member) whose index is still free, so per-index bounds stay valid. Elements
 * left over are placed greedily (best gain) where the bounds still need or allow them. Good groups
 * are the building blocks of good partitions, which is why this beats element-wise crossovers.
 * `model` is used as scratch (it is loaded with the child at the end).
 */
export function groupCrossover(
  model: DeltaModel,
  bounds: GroupBounds,
  fixed: Int32Array | null,
  first: Int32Array,
  second: Int32Array,
  rng: Rng,
  child: Int32Array,
): void {
  const { n, m } = model;
  child.fill(-1);
  const size = new Int32Array(m);
  const taken = new Uint8Array(m);
  if (fixed !== null) {
    for (let i = 0; i < n; i++) {
      const g = fixed[i]!;
      if (g >= 0) {
        child[i] = g;
        size[g]!++;
      }
    }
  }
  const score = new Float64Array(m);
  const count = new Int32Array(m);
  let parentIsFirst = rng.nextInt(2) === 0;
  for (let step = 0; step < m; step++) {
    const parent = parentIsFirst ? first : second;
    parentIsFirst = !parentIsFirst;
    // Diversity of each free group among the parent's still unplaced members.
    score.fill(0);
    count.fill(0);
    for (let i = 0; i < n; i++) {
      if (child[i] !== -1) continue;
      const g = parent[i]!;
      if (taken[g] === 1) continue;
      count[g]!++;
      for (let j = i + 1; j < n; j++) if (child[j] === -1 && parent[j] === g) score[g] = score[g]! + model.distance(i, j);
    }
    let pick = -1;
    let bestScore = -Infinity;
    for (let g = 0; g < m; g++) {
      if (taken[g] === 1) continue;
      const value = count[g]! > 0 ? score[g]! / count[g]! : -Infinity;
      if (pick < 0 || value > bestScore) {
        pick = g;
        bestScore = value;
      }
    }
    taken[pick] = 1;
    // Keep enough unplaced elements to lift every other group to its lower bound: those not chosen
    // yet, and those chosen earlier that their parent could not fill (the leftovers lift them).
    let unplaced = 0;
    for (let i = 0; i < n; i++) if (child[i] === -1) unplaced++;
    let reserve = 0;
    for (let g = 0; g < m; g++) if (g !== pick) reserve += Math.max(0, bounds.lower[g]! - size[g]!);
    const limit = Math.min(bounds.upper[pick]!, size[pick]! + unplaced - reserve);
    for (let i = 0; i < n && size[pick]! < limit; i++) {
      if (child[i] === -1 && parent[i] === pick) {
        child[i] = pick;
        size[pick]!++;
      }
    }
  }
  // Leftovers: first groups still under their lower bound, then anywhere with room, by gain.
  // (Models treat group −1 as "not placed".)
  model.load(child);
  for (let i = 0; i < n; i++) {
    if (child[i] !== -1) continue;
    let deficit = false;
    for (let g = 0; g < m; g++) if (size[g]! < bounds.lower[g]!) deficit = true;
    let target = -1;
    let bestGain = -Infinity;
    for (let g = 0; g < m; g++) {
      if (size[g]! >= bounds.upper[g]! || (deficit && size[g]! >= bounds.lower[g]!)) continue;
      const gain = model.gain(i, g);
      if (gain > bestGain) {
        bestGain = gain;
        target = g;
      }
    }
    child[i] = target;
    size[target]!++;
    model.move(i, -1, target);
  }
}
