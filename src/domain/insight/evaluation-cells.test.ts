import { describe, expect, it } from 'vitest';
import { changeCells, momentMean, NO_ANSWERS, NOT_ASKED } from './evaluation-cells';

describe('evaluation cells: not asked is not the same as fewer than five', () => {
  it('a moment whose audience left the question out, or that was not held, is not asked', () => {
    expect(momentMean({ asked: false, n: 0, mean: null })).toBe(NOT_ASKED);
    expect(momentMean(undefined)).toBe(NOT_ASKED);
  });
  it('an asked question with 1–4 answers is hidden (null); with five or more it shows its mean', () => {
    expect(momentMean({ asked: true, n: 4, mean: 3.5 })).toBeNull();
    expect(momentMean({ asked: true, n: null, mean: null })).toBeNull();
    expect(momentMean({ asked: true, n: 5, mean: 3.6 })).toBe(3.6);
  });
  it('an asked question nobody answered yet says so: not hidden (there is nobody to protect), not "not asked"', () => {
    expect(momentMean({ asked: true, n: 0, mean: null })).toBe(NO_ANSWERS);
  });
  it('the T0→T2 change is not asked when either end was not asked, otherwise suppressed by pairs', () => {
    const asked = { asked: true, n: 6, mean: 3 };
    expect(changeCells({ asked: false, n: 0, mean: null }, asked, { pairs: 0, mean: null })).toEqual([NOT_ASKED, NOT_ASKED]);
    expect(changeCells(asked, undefined, null)).toEqual([NOT_ASKED, NOT_ASKED]);
    expect(changeCells(asked, asked, { pairs: 3, mean: 0.5 })).toEqual([null, null]);
    expect(changeCells(asked, asked, { pairs: null, mean: null })).toEqual([null, null]);
    expect(changeCells(asked, asked, { pairs: 6, mean: 0.5 })).toEqual([0.5, 6]);
    expect(changeCells(asked, asked, null)).toEqual([NO_ANSWERS, 0]);
    expect(changeCells(asked, asked, { pairs: 0, mean: null })).toEqual([NO_ANSWERS, 0]);
  });
});
