/**
 * Small-cell suppression for the programme dashboard and the impact report (issue 18): any figure
 * that describes fewer than `MIN_CELL` people is never shown — not in the API, not in a CSV, not in
 * a PDF. This is the one place that decides; every aggregate the insight module hands out passes
 * through `suppress` (a single figure) or `suppressRow` (cells that add up to a shown total).
 */
export const MIN_CELL = 5;

/** Does a figure about `people` people have to be hidden? Zero people: nothing to hide. */
export const isSmallCell = (people: number): boolean => people > 0 && people < MIN_CELL;

/**
 * The figure, or null when it describes 1–4 people. `people` is how many distinct people the
 * figure is about (a community's members marked that week, the coachees who answered, …).
 */
export function suppress<T>(value: T, people: number): T | null {
  return isSmallCell(people) ? null : value;
}

/**
 * Cells of one dimension that add up to a total that is shown (for instance students per
 * community next to the programme's total): small cells are hidden, and when exactly one is
 * hidden, the next smallest shown cell is hidden too, so the hidden one cannot be worked out by
 * subtracting. Returns the values with null where hidden, in the input order.
 */
export function suppressRow(people: readonly number[]): (number | null)[] {
  const out: (number | null)[] = people.map((n) => suppress(n, n));
  if (out.filter((v) => v === null).length === 1) {
    let best = -1;
    for (let i = 0; i < people.length; i++) {
      if (out[i] === null || people[i]! === 0) continue;
      if (best === -1 || people[i]! < people[best]!) best = i;
    }
    if (best !== -1) out[best] = null;
  }
  return out;
}

/** A share 0–1 of `of` people, or null when `of` is a small cell or zero. */
export function suppressedShare(part: number, of: number): number | null {
  if (of === 0) return null;
  return suppress(part / of, of);
}
