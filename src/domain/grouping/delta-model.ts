/**
 * What the search needs to know about "diversity", and nothing more. Two implementations share
 * one search: a contribution table over an explicit distance matrix (MDGPLIB) and per-group
 * attribute counts (students, where an n×n matrix would not fit at n = 5,000).
 *
 * The search keeps the assignment itself; the model mirrors it through `load` and `move` so that
 * `gain(i, g) = Σ_{j ∈ g, j ≠ i} d_ij` is O(1) (table) or O(#attributes) (counts). Move and swap
 * deltas follow from it:
 *   move  i: g→h          Δ = gain(i,h) − gain(i,g)
 *   swap  i∈g ↔ j∈h       Δ = gain(i,h) − gain(i,g) + gain(j,g) − gain(j,h) − 2·d_ij
 */
export interface DeltaModel {
  readonly n: number;
  readonly m: number;
  /** A lower bound on every d_ij; lets the swap scan skip computing d_ij for hopeless pairs. */
  readonly minDistance: number;
  /** The full n×n distance matrix when the model has one; lets the swap scan read d_ij inline. */
  readonly matrix: Float64Array | null;
  /** The contribution table gain(i, g) = table[i·m + g] when the model keeps one (read inline by the scans). */
  readonly table: Float64Array | null;
  gain(i: number, g: number): number;
  distance(i: number, j: number): number;
  /** Rebuilds the internal state for an assignment (element → group; −1 = not placed yet). */
  load(group: Int32Array): void;
  /** Mirrors one element changing group (`from` −1: it was not placed). */
  move(i: number, from: number, to: number): void;
  /** Objective of an assignment from scratch, Σ_g Σ_{i<j in g} d_ij (independent of the loaded state). */
  objectiveOf(group: Int32Array): number;
}
