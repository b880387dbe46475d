import type { DeltaModel } from './delta-model.js';

/**
 * Students described by a few categorical attributes. values[i·A + a] is the value code of
 * attribute a for element i, or −1 when not disclosed.
 */
export type AttributeTable = {
  readonly n: number;
  /** Number of attributes A. */
  readonly attributeCount: number;
  /** Distinct value codes per attribute (codes are 0 … valueCounts[a] − 1). */
  readonly valueCounts: Int32Array;
  readonly weights: Float64Array;
  readonly values: Int32Array;
};

/** Extra pair terms added to d_ij: bonuses for keep-together, penalties for keep-apart. */
export type PairTerm = { readonly i: number; readonly j: number; readonly value: number };

/**
 * DeltaModel for attribute diversity, d_ij = Σ_a w_a·[both disclosed and different] + pair terms.
 * Nothing n×n is stored: the sum of mismatches inside a group follows from per-group counts,
 * pairs(g, a) = C(present, 2) − Σ_v C(count_v, 2), so
 *   gain(i, g) = Σ_a w_a·(present[g][a] − count[g][a][v_ia]) + Σ_{pair terms of i, partner in g} value,
 * in O(#attributes + #pair terms of i) — the same formula whether or not i is in g, because i
 * then counts in both terms and cancels. This is what lets 5,000 students be grouped in seconds.
 */
export class AttributeDeltaModel implements DeltaModel {
  readonly n: number;
  readonly m: number;
  readonly minDistance: number;
  readonly matrix = null;
  readonly table = null;
  private readonly attributeCount: number;
  private readonly weights: Float64Array;
  private readonly values: Int32Array;
  private readonly valueCounts: Int32Array;
  /** offset of attribute a's value block inside one group's count block. */
  private readonly offsets: Int32Array;
  private readonly valueTotal: number;
  private readonly counts: Int32Array;
  private readonly present: Int32Array;
  private readonly groupOf: Int32Array;
  /** CSR adjacency of the pair terms. */
  private readonly pairStart: Int32Array;
  private readonly pairOther: Int32Array;
  private readonly pairValue: Float64Array;

  constructor(table: AttributeTable, m: number, pairs: readonly PairTerm[] = []) {
    const A = table.attributeCount;
    this.n = table.n;
    this.m = m;
    this.attributeCount = A;
    this.weights = table.weights;
    this.values = table.values;
    this.valueCounts = table.valueCounts;
    this.offsets = new Int32Array(A);
    let total = 0;
    for (let a = 0; a < A; a++) {
      this.offsets[a] = total;
      total += table.valueCounts[a]!;
    }
    this.valueTotal = total;
    this.counts = new Int32Array(m * total);
    this.present = new Int32Array(m * A);
    this.groupOf = new Int32Array(this.n);

    const degree = new Int32Array(this.n + 1);
    let minPair = 0;
    for (const p of pairs) {
      degree[p.i + 1]!++;
      degree[p.j + 1]!++;
      minPair = Math.min(minPair, p.value);
    }
    for (let i = 0; i < this.n; i++) degree[i + 1] = degree[i + 1]! + degree[i]!;
    this.pairStart = degree;
    this.pairOther = new Int32Array(2 * pairs.length);
    this.pairValue = new Float64Array(2 * pairs.length);
    const cursor = degree.slice(0, this.n);
    for (const p of pairs) {
      for (const [x, y] of [
        [p.i, p.j],
        [p.j, p.i],
      ] as const) {
        const k = cursor[x]!++;
        this.pairOther[k] = y;
        this.pairValue[k] = p.value;
      }
    }
    // Pair terms can be negative (keep-apart) and then the swap-scan bound must allow for them.
    this.minDistance = minPair < 0 ? minPair : 0;
  }

  gain(i: number, g: number): number {
    const A = this.attributeCount;
    const base = i * A;
    const countBase = g * this.valueTotal;
    const presentBase = g * A;
    let total = 0;
    for (let a = 0; a < A; a++) {
      const v = this.values[base + a]!;
      if (v < 0) continue;
      total += this.weights[a]! * (this.present[presentBase + a]! - this.counts[countBase + this.offsets[a]! + v]!);
    }
    for (let k = this.pairStart[i]!, end = this.pairStart[i + 1]!; k < end; k++) {
      if (this.groupOf[this.pairOther[k]!] === g) total += this.pairValue[k]!;
    }
    return total;
  }

  distance(i: number, j: number): number {
    const A = this.attributeCount;
    let total = 0;
    for (let a = 0; a < A; a++) {
      const vi = this.values[i * A + a]!;
      const vj = this.values[j * A + a]!;
      if (vi >= 0 && vj >= 0 && vi !== vj) total += this.weights[a]!;
    }
    for (let k = this.pairStart[i]!, end = this.pairStart[i + 1]!; k < end; k++) {
      if (this.pairOther[k] === j) total += this.pairValue[k]!;
    }
    return total;
  }

  load(group: Int32Array): void {
    this.counts.fill(0);
    this.present.fill(0);
    this.groupOf.set(group);
    for (let i = 0; i < this.n; i++) if (group[i]! >= 0) this.add(i, group[i]!, 1);
  }

  move(i: number, from: number, to: number): void {
    if (from >= 0) this.add(i, from, -1);
    this.add(i, to, 1);
    this.groupOf[i] = to;
  }

  objectiveOf(group: Int32Array): number {
    let total = attributeDiversity({ n: this.n, attributeCount: this.attributeCount, valueCounts: this.valueCounts, weights: this.weights, values: this.values }, group, this.m);
    for (let i = 0; i < this.n; i++) {
      for (let k = this.pairStart[i]!, end = this.pairStart[i + 1]!; k < end; k++) {
        const j = this.pairOther[k]!;
        if (j > i && group[i] === group[j]) total += this.pairValue[k]!;
      }
    }
    return total;
  }

  private add(i: number, g: number, sign: number): void {
    const A = this.attributeCount;
    for (let a = 0; a < A; a++) {
      const v = this.values[i * A + a]!;
      if (v < 0) continue;
      this.present[g * A + a]! += sign;
      this.counts[g * this.valueTotal + this.offsets[a]! + v]! += sign;
    }
  }
}

/**
 * Σ_g Σ_a w_a·(C(present, 2) − Σ_v C(count_v, 2)) from scratch; elements whose group is outside
 * 0…m−1 (not placed yet) are ignored.
 */
export function attributeDiversity(table: AttributeTable, group: ArrayLike<number>, m: number): number {
  const A = table.attributeCount;
  let total = 0;
  for (let a = 0; a < A; a++) {
    const V = table.valueCounts[a]!;
    const counts = new Int32Array(m * V);
    const present = new Int32Array(m);
    for (let i = 0; i < table.n; i++) {
      const g = group[i]!;
      const v = table.values[i * A + a]!;
      if (v < 0 || g < 0 || g >= m) continue;
      present[g]!++;
      counts[g * V + v]!++;
    }
    let pairs = 0;
    for (let g = 0; g < m; g++) {
      const p = present[g]!;
      pairs += (p * (p - 1)) / 2;
      for (let v = 0; v < V; v++) {
        const c = counts[g * V + v]!;
        pairs -= (c * (c - 1)) / 2;
      }
    }
    total += table.weights[a]! * pairs;
  }
  return total;
}
