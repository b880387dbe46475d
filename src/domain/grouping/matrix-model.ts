import type { DeltaModel } from './delta-model.js';
import type { MdgpInstance } from './mdgp-instance.js';

/**
 * DeltaModel over an explicit distance matrix with the classic contribution table
 * C[i·m + g] = Σ_{j∈g} d_ij. A move costs O(n) to mirror (two table columns), every delta O(1).
 */
export class MatrixDeltaModel implements DeltaModel {
  readonly n: number;
  readonly m: number;
  readonly minDistance: number;
  readonly table: Float64Array;
  readonly matrix: Float64Array;
  private readonly d: Float64Array;

  constructor(instance: MdgpInstance) {
    this.n = instance.n;
    this.m = instance.bounds.lower.length;
    this.d = instance.distance;
    this.matrix = instance.distance;
    this.table = new Float64Array(this.n * this.m);
    let min = Infinity;
    const n = this.n;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) min = Math.min(min, this.d[i * n + j]!);
    this.minDistance = min === Infinity ? 0 : min;
  }

  gain(i: number, g: number): number {
    return this.table[i * this.m + g]!;
  }

  distance(i: number, j: number): number {
    return this.d[i * this.n + j]!;
  }

  load(group: Int32Array): void {
    const { n, m, d, table } = this;
    table.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const gi = group[i]!;
      if (gi < 0) continue;
      for (let j = 0; j < n; j++) {
        if (j !== i) table[j * m + gi] = table[j * m + gi]! + d[row + j]!;
      }
    }
  }

  move(i: number, from: number, to: number): void {
    const { n, m, d, table } = this;
    const row = i * n;
    if (from < 0) {
      for (let j = 0, t = 0; j < n; j++, t += m) table[t + to] = table[t + to]! + d[row + j]!;
      return;
    }
    for (let j = 0, t = 0; j < n; j++, t += m) {
      const dij = d[row + j]!;
      table[t + from] = table[t + from]! - dij;
      table[t + to] = table[t + to]! + dij;
    }
  }

  objectiveOf(group: Int32Array): number {
    const { n, d } = this;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const gi = group[i]!;
      for (let j = i + 1; j < n; j++) if (group[j] === gi) total += d[i * n + j]!;
    }
    return total;
  }
}
