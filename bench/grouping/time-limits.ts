/**
 * The published MDGPLIB time limits (3, 20, 120, 600 s for n = 120, 240, 480, 960), with short
 * limits for the tiny instances, which the search solves in milliseconds.
 */
export function standardTimeLimitMs(n: number): number {
  if (n <= 12) return 200;
  if (n <= 60) return 1000;
  if (n <= 120) return 3000;
  if (n <= 240) return 20_000;
  if (n <= 480) return 120_000;
  return 600_000;
}
