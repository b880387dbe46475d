import { createRng, type Rng } from '../../src/domain/grouping/prng.js';
import type { StudentForGrouping } from '../../src/domain/grouping/student-grouping-types.js';

/**
 * A reproducible cohort with realistic attribute mixes of a Dutch hogeschool intake (the shares
 * are illustrative, not statistics). `undefined` models "not disclosed".
 */
export function syntheticCohort(n: number, seed: number, classSize = 25): StudentForGrouping[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    classId: `k${Math.floor(i / classSize)}`,
    programmeId: 'p1',
    attributes: {
      priorEducation: pick(rng, [['mbo', 0.4], ['havo', 0.35], ['vwo', 0.15], ['other', 0.1]]),
      international: pick(rng, [['yes', 0.15], ['no', 0.85]]),
      firstGeneration: pick(rng, [['yes', 0.3], ['no', 0.6], [undefined, 0.1]]),
      language: pick(rng, [['nl', 0.8], ['en', 0.12], ['de', 0.04], ['other', 0.04]]),
      gender: pick(rng, [['f', 0.45], ['m', 0.4], ['x', 0.02], [undefined, 0.13]]),
    },
  }));
}

function pick(rng: Rng, options: readonly (readonly [string | undefined, number])[]): string | undefined {
  let r = rng.nextFloat();
  for (const [value, p] of options) {
    if (r < p) return value;
    r -= p;
  }
  return options[options.length - 1]![0];
}
