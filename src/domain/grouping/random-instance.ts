import type { GroupBounds } from './group-bounds.js';
import type { MdgpInstance } from './mdgp-instance.js';
import { createRng } from './prng.js';

/**
 * A RanReal-like instance (uniform distances in [0, 100)) for tests and benchmarks; the same
 * seed always gives the same instance.
 */
export function randomMdgpInstance(n: number, bounds: GroupBounds, seed: number): MdgpInstance {
  const rng = createRng(seed);
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = Math.round(rng.nextFloat() * 100_000) / 1000;
      distance[i * n + j] = d;
      distance[j * n + i] = d;
    }
  }
  return { n, bounds, distance };
}
