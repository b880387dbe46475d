import { describe, expect, it } from 'vitest';
import { isSmallCell, MIN_CELL, suppress, suppressedShare, suppressRow } from './suppression';

describe('small-cell suppression', () => {
  it('hides every figure about one to four people, and nothing else', () => {
    expect(MIN_CELL).toBe(5);
    for (const n of [1, 2, 3, 4]) {
      expect(isSmallCell(n)).toBe(true);
      expect(suppress(0.75, n)).toBeNull();
    }
    for (const n of [0, 5, 6, 40_000]) {
      expect(isSmallCell(n)).toBe(false);
      expect(suppress(n * 2, n)).toBe(n * 2);
    }
  });

  it('hides a share of a small group, and a share of nobody is no figure', () => {
    expect(suppressedShare(3, 4)).toBeNull();
    expect(suppressedShare(0, 0)).toBeNull();
    expect(suppressedShare(4, 8)).toBe(0.5);
  });

  it('hides one more cell when a single hidden cell could be worked out from the total', () => {
    // Total 4 + 9 + 7 + 12 = 32 is shown; hiding only the 4 would give it away.
    expect(suppressRow([4, 9, 7, 12])).toEqual([null, 9, null, 12]);
    // Two hidden cells already protect each other.
    expect(suppressRow([4, 3, 7, 12])).toEqual([null, null, 7, 12]);
    // Nothing small: nothing hidden; empty cells stay zero.
    expect(suppressRow([0, 5, 8])).toEqual([0, 5, 8]);
    expect(suppressRow([0, 2, 8])).toEqual([0, null, null]);
  });
});

describe('roadmap evidence', async () => {
  const { factorsWithEvidence } = await import('./roadmap-evidence');
  it('lists a factor only when one of its figures holds data', () => {
    expect(factorsWithEvidence(new Set())).toEqual([]);
    expect(factorsWithEvidence(new Set(['support'])).map((f) => f.factorId)).toEqual(['f13-welzijn-en-inclusie', 'f14-eerste-en-tweedelijns-coaching']);
  });
});
