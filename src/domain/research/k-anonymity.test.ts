import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise, isKAnonymous, SUPPRESSED } from './k-anonymity';

const row = (programme: string, intake: string, klass: string) => [
  [programme, SUPPRESSED],
  [intake, intake.slice(0, 9), SUPPRESSED],
  [klass, SUPPRESSED],
];

describe('anonymise', () => {
  it('keeps exact values when every group already has k rows', () => {
    const rows = [...Array.from({ length: 5 }, () => row('SW', '2026-2027-sep', 'A')), ...Array.from({ length: 5 }, () => row('SW', '2026-2027-sep', 'B'))];
    const result = anonymise({ k: 5, rows });
    expect(result.levels).toEqual([0, 0, 0]);
    expect(result).toMatchObject({ keptRows: 10, suppressedRows: 0, suppressedCells: 0 });
  });

  it('generalises the column with most distinct values first (classes of 3 → class suppressed)', () => {
    const rows = ['A', 'B', 'C', 'D'].flatMap((klass) => Array.from({ length: 3 }, () => row('SW', '2026-2027-sep', klass)));
    const result = anonymise({ k: 5, rows });
    expect(result.levels).toEqual([0, 0, 1]);
    expect(result.values[0]).toEqual(['SW', '2026-2027-sep', SUPPRESSED]);
    expect(result).toMatchObject({ keptRows: 12, suppressedRows: 0, suppressedCells: 12 });
  });

  it('climbs an intake to its academic year before suppressing it', () => {
    const rows = [...Array.from({ length: 3 }, () => row('SW', '2026-2027-sep', 'A')), ...Array.from({ length: 3 }, () => row('SW', '2026-2027-feb', 'A'))];
    const result = anonymise({ k: 5, rows });
    expect(result.levels).toEqual([0, 1, 0]);
    expect(result.values[0]).toEqual(['SW', '2026-2027', 'A']);
  });

  it('leaves out an outlier within the suppression budget instead of generalising everyone', () => {
    const rows = [...Array.from({ length: 40 }, () => row('SW', '2026-2027-sep', 'A')), row('SW', '2026-2027-sep', 'Z')];
    const result = anonymise({ k: 5, rows });
    expect(result.levels).toEqual([0, 0, 0]);
    expect(result).toMatchObject({ keptRows: 40, suppressedRows: 1 });
    expect(result.values[40]).toBeNull();
  });

  it('exports no row at all when fewer than k people are in it', () => {
    const result = anonymise({ k: 5, rows: Array.from({ length: 4 }, () => row('SW', '2026-2027-sep', 'A')) });
    expect(result).toMatchObject({ keptRows: 0, suppressedRows: 4 });
  });

  it('without quasi-identifiers: k rows or none', () => {
    expect(anonymise({ k: 5, rows: Array.from({ length: 5 }, () => []) }).keptRows).toBe(5);
    expect(anonymise({ k: 5, rows: Array.from({ length: 3 }, () => []) }).keptRows).toBe(0);
  });

  it('refuses k below 1 and rows of different shapes', () => {
    expect(() => anonymise({ k: 0, rows: [] })).toThrow(/k must be/);
    expect(() => anonymise({ k: 5, rows: [[['a', '*']], []] })).toThrow(/same quasi-identifier columns/);
  });

  it('property: the kept rows are k-anonymous, and kept + left out = all', () => {
    const ladder = fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.constantFrom('x', 'y')).map(([fine, coarse]) => [fine + coarse, coarse, SUPPRESSED]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }).chain((columns) => fc.array(fc.array(ladder, { minLength: columns, maxLength: columns }), { maxLength: 120 })),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (rows, k, share) => {
          const result = anonymise({ k, rows, maxSuppressedShare: share });
          const kept = result.values.filter((v): v is string[] => v !== null);
          expect(isKAnonymous(kept, k)).toBe(true);
          expect(result.keptRows + result.suppressedRows).toBe(rows.length);
          expect(result.suppressedRows).toBeLessThanOrEqual(Math.max(Math.floor(rows.length * share), kept.length === 0 ? rows.length : 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});
