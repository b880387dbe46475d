import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_PEOPLE, mean, suppressCount, suppressDistribution } from './suppression';

describe('suppressCount', () => {
  it.each([
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
    [120, 120],
  ])('%i people → %s', (count, shown) => expect(suppressCount(count)).toBe(shown));
});

describe('suppressDistribution', () => {
  it('hides every cell of 1–4 people and keeps zeros', () => {
    expect(suppressDistribution([0, 3, 6, 2, 9])).toEqual([0, null, 6, null, 9]);
  });
  it('hides a second cell when only one would be hidden, so subtraction reveals nothing', () => {
    expect(suppressDistribution([0, 3, 6, 8, 9])).toEqual([0, null, null, 8, 9]);
  });
  it('never shows a count under five, and never exactly one hidden non-zero cell when others are shown', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 7 }), (counts) => {
        const shown = suppressDistribution(counts);
        shown.forEach((c) => expect(c === null || c === 0 || c >= MIN_PEOPLE).toBe(true));
        const hiddenNonZero = shown.filter((c, i) => c === null && counts[i]! > 0).length;
        const shownNonZero = shown.filter((c) => c !== null && c > 0).length;
        expect(hiddenNonZero === 1 && shownNonZero > 0).toBe(false);
      }),
    );
  });
});

describe('mean', () => {
  it('is null for nothing and the average otherwise', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 4, 5])).toBe(3);
  });
});
