/** Small seeded PRNG (mulberry32): the solver must give the same plan for the same seed. */
import { mulberry32 } from '../random';

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
};

export function createRng(seed: number): Rng {
  const next = mulberry32((seed | 0) ^ 0x9e3779b9);
  return { next, int: (n: number) => Math.floor(next() * n) };
}
