import type { GroupBounds } from './group-bounds.js';
import type { Rng } from './prng.js';

/**
 * Group sizes that maximise the number of within-group pairs, Σ_g C(s_g, 2), under the bounds —
 * by dynamic programming over groups. With different bounds per group (MDGPLIB "ds") the number
 * of pairs dominates the objective, it is convex in the sizes, and a tabu search started from an
 * arbitrary size profile rarely walks to a better one: several single moves would each lose.
 * Starting from a pair-maximal profile removes most of that gap. Ties between equally good
 * profiles are broken randomly so restarts explore different ones. Returns null when the table
 * would be too large to be worth it.
 */
export function pairMaximalSizes(n: number, bounds: GroupBounds, minimum: Int32Array, rng: Rng): Int32Array | null {
  const m = bounds.lower.length;
  if (m * (n + 1) > 2_000_000) return null;
  const NEG = -Infinity;
  // best[g][t]: max pairs using groups 0…g−1 with t elements; choice[g][t]: size of group g−1.
  const best = new Float64Array((m + 1) * (n + 1)).fill(NEG);
  const choice = new Int32Array((m + 1) * (n + 1));
  const noise = Float64Array.from({ length: m }, () => rng.nextFloat() * 1e-3);
  best[0] = 0;
  for (let g = 0; g < m; g++) {
    const lo = Math.max(bounds.lower[g]!, minimum[g]!);
    const hi = bounds.upper[g]!;
    for (let t = 0; t <= n; t++) {
      const base = best[g * (n + 1) + t]!;
      if (base === NEG) continue;
      for (let s = lo; s <= hi && t + s <= n; s++) {
        // The noise term only separates equal pair counts (it is far below 1).
        const value = base + (s * (s - 1)) / 2 + noise[g]! * s;
        const at = (g + 1) * (n + 1) + t + s;
        if (value > best[at]!) {
          best[at] = value;
          choice[at] = s;
        }
      }
    }
  }
  if (best[m * (n + 1) + n] === NEG) return null;
  const sizes = new Int32Array(m);
  let t = n;
  for (let g = m; g > 0; g--) {
    const s = choice[g * (n + 1) + t]!;
    sizes[g - 1] = s;
    t -= s;
  }
  return sizes;
}
