/**
 * Minimum-cost assignment of rows to distinct columns (rows ≤ columns), Hungarian algorithm with
 * potentials, O(rows²·columns). cost[r][c] may be Infinity for a forbidden pair. Returns the
 * column of each row, or −1 when a row can only be placed on a forbidden column.
 */
export function hungarian(cost: readonly (readonly number[])[], columns: number): Int32Array {
  const rows = cost.length;
  const INF = Number.MAX_VALUE / 4;
  const BIG = 1e12; // forbidden pairs cost BIG, so the algorithm always completes
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(columns + 1);
  const owner = new Int32Array(columns + 1); // owner[c] = row (1-based) matched to column c
  const way = new Int32Array(columns + 1);
  const minv = new Float64Array(columns + 1);
  const used = new Uint8Array(columns + 1);
  const at = (r: number, c: number): number => {
    const x = cost[r - 1]![c - 1]!;
    return Number.isFinite(x) ? x : BIG;
  };
  for (let r = 1; r <= rows; r++) {
    owner[0] = r;
    let c0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[c0] = 1;
      const r0 = owner[c0]!;
      let delta = INF;
      let c1 = 0;
      for (let c = 1; c <= columns; c++) {
        if (used[c] === 1) continue;
        const reduced = at(r0, c) - u[r0]! - v[c]!;
        if (reduced < minv[c]!) {
          minv[c] = reduced;
          way[c] = c0;
        }
        if (minv[c]! < delta) {
          delta = minv[c]!;
          c1 = c;
        }
      }
      for (let c = 0; c <= columns; c++) {
        if (used[c] === 1) {
          u[owner[c]!] = u[owner[c]!]! + delta;
          v[c] = v[c]! - delta;
        } else minv[c] = minv[c]! - delta;
      }
      c0 = c1;
    } while (owner[c0] !== 0);
    do {
      const c1 = way[c0]!;
      owner[c0] = owner[c1]!;
      c0 = c1;
    } while (c0 !== 0);
  }
  const result = new Int32Array(rows).fill(-1);
  for (let c = 1; c <= columns; c++) {
    const r = owner[c]!;
    if (r > 0 && Number.isFinite(cost[r - 1]![c - 1]!)) result[r - 1] = c - 1;
  }
  return result;
}
