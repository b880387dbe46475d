/**
 * A small seeded PRNG (xoshiro128**, seeded through splitmix32). The solver must be reproducible
 * for a given seed, so it never touches Math.random.
 */
export type Rng = {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [0, bound). `bound` must be ≥ 1. */
  nextInt(bound: number): number;
  /** Uniform float in [0, 1). */
  nextFloat(): number;
};

export function createRng(seed: number): Rng {
  let x = seed >>> 0;
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  return {
    nextUint32,
    // Multiply-shift keeps the bias below 2^-32 · bound, irrelevant for search decisions.
    nextInt: (bound: number): number => Math.floor((nextUint32() / 4294967296) * bound),
    nextFloat: (): number => nextUint32() / 4294967296,
  };
}

function rotl(v: number, k: number): number {
  return (v << k) | (v >>> (32 - k));
}

/** Fisher–Yates shuffle in place, driven by the seeded generator. */
export function shuffleInPlace(values: Int32Array | number[], rng: Rng): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = values[i]!;
    values[i] = values[j]!;
    values[j] = t;
  }
}
