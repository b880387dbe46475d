/**
 * The small-numbers rule of the evidence figures (#18): a count describing fewer than 5 people is
 * never shown — not in the API, a CSV or a PDF. Zero describes nobody and stays visible. Where one
 * cell of a distribution is hidden and the total is shown, the next smallest cell is hidden too,
 * so the hidden one cannot be worked out by subtraction.
 */

/** Fewer people than this in a cell: the cell is suppressed. */
export const MIN_PEOPLE = 5;

export type Suppressed<T> = { value: T | null; suppressed: boolean };

/** A single count of people: null when 1–4. */
export function suppressCount(count: number): number | null {
  return count > 0 && count < MIN_PEOPLE ? null : count;
}

/**
 * The cells of a distribution whose total is shown: each count of 1–4 people is null, and when
 * exactly one cell is null the smallest other non-zero cell is null too (no subtraction).
 */
export function suppressDistribution(counts: readonly number[]): (number | null)[] {
  const result: (number | null)[] = counts.map((c) => suppressCount(c));
  const hidden = result.filter((c, i) => c === null && counts[i]! > 0).length;
  if (hidden === 1) {
    let smallest = -1;
    result.forEach((c, i) => {
      if (c !== null && c > 0 && (smallest === -1 || c < result[smallest]!)) smallest = i;
    });
    if (smallest !== -1) result[smallest] = null;
  }
  return result;
}

/** Arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Rounded to two decimals for display and transport (exact counts stay integers). */
export const round2 = (x: number): number => Math.round(x * 100) / 100;
