/**
 * k-anonymity for research exports (issue 19): every combination of quasi-identifier values that
 * appears in an export appears at least k times, so no row can be singled out by what describes
 * a person's group or demographics.
 *
 * Global recoding, in the manner of Datafly (Sweeney 1998): each quasi-identifier column has a
 * ladder of ever coarser values per row (class code → suppressed, intake → academic year →
 * suppressed, …), and the whole column climbs one rung at a time. While more rows sit in groups
 * smaller than k than the suppression budget allows, the column with the most distinct values
 * climbs; once the rest fits in the budget, those rows are left out. Pure; no I/O.
 */

/** The fully suppressed value every ladder ends in. */
export const SUPPRESSED = '*';

export type AnonymiseInput = {
  k: number;
  /**
   * One entry per row: per quasi-identifier column, its ladder from the exact value to the
   * coarsest (the last rung is always treated as {@link SUPPRESSED}).
   */
  rows: readonly (readonly (readonly string[])[])[];
  /** The share of rows that may be left out instead of generalising further (default 5 %). */
  maxSuppressedShare?: number;
};

export type AnonymiseResult = {
  k: number;
  /** The rung each column ended on (0 = exact). */
  levels: number[];
  /** Per row: the generalised quasi-identifier values, or null for a row left out. */
  values: (string[] | null)[];
  keptRows: number;
  suppressedRows: number;
  /** Quasi-identifier cells of kept rows that carry {@link SUPPRESSED} instead of a value. */
  suppressedCells: number;
};

const rung = (ladder: readonly string[], level: number): string => {
  if (ladder.length === 0) return SUPPRESSED;
  const top = ladder.length - 1;
  return level >= top ? SUPPRESSED : ladder[level]!;
};

const keyOf = (values: readonly string[]) => JSON.stringify(values);

export function anonymise({ k, rows, maxSuppressedShare = 0.05 }: AnonymiseInput): AnonymiseResult {
  if (!Number.isInteger(k) || k < 1) throw new Error('k must be a whole number of at least 1');
  const columns = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== columns)) throw new Error('every row needs the same quasi-identifier columns');
  const levels = new Array<number>(columns).fill(0);
  const budget = Math.floor(rows.length * maxSuppressedShare);
  const topOf = (c: number) => Math.max(0, ...rows.map((r) => r[c]!.length - 1));
  const atTop = (c: number) => levels[c]! >= topOf(c);

  for (;;) {
    const generalised = rows.map((r) => r.map((ladder, c) => rung(ladder, levels[c]!)));
    const sizes = new Map<string, number>();
    for (const values of generalised) sizes.set(keyOf(values), (sizes.get(keyOf(values)) ?? 0) + 1);
    const small = generalised.filter((values) => sizes.get(keyOf(values))! < k).length;
    const climbable = [...levels.keys()].filter((c) => !atTop(c));
    if (small <= budget || climbable.length === 0) {
      const values = generalised.map((v) => (sizes.get(keyOf(v))! < k ? null : v));
      const kept = values.filter((v): v is string[] => v !== null);
      return {
        k,
        levels,
        values,
        keptRows: kept.length,
        suppressedRows: rows.length - kept.length,
        suppressedCells: kept.reduce((n, v) => n + v.filter((x) => x === SUPPRESSED).length, 0),
      };
    }
    // Climb the column with the most distinct values now (ties: the leftmost).
    const distinct = (c: number) => new Set(generalised.map((v) => v[c])).size;
    const next = climbable.reduce((best, c) => (distinct(c) > distinct(best) ? c : best), climbable[0]!);
    levels[next] = levels[next]! + 1;
  }
}

/** Is every combination of quasi-identifier values among these rows shared by at least k rows? */
export function isKAnonymous(rows: readonly (readonly string[])[], k: number): boolean {
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(keyOf(r), (sizes.get(keyOf(r)) ?? 0) + 1);
  return [...sizes.values()].every((n) => n >= k);
}
