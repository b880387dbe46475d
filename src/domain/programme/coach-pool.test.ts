import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COACH_STATUSES } from './coach-lifecycle';
import { coachPool, MIN_CELL, type PoolCoach } from './coach-pool';

const coach = (over: Partial<PoolCoach> = {}): PoolCoach => ({ status: 'active', studyYear: 2, languages: ['nl'], roleModelDisclosed: false, ...over });
const many = (n: number, over: Partial<PoolCoach> = {}) => Array.from({ length: n }, () => coach(over));

describe('coach pool figures', () => {
  it('counts by status, year and language; suppresses cells of 1–4 and the next smallest where it would give them away', () => {
    const pool = coachPool([
      ...many(6, { studyYear: 2, languages: ['nl', 'ar'], roleModelDisclosed: true }),
      ...many(5, { studyYear: 3, languages: ['nl'] }),
      ...many(2, { studyYear: 4, languages: ['nl', 'tr'], status: 'paused' }),
      ...many(3, { status: 'left', studyYear: 4 }),
    ]);
    expect(pool.total).toBe(13);
    expect(pool.byStatus).toEqual([
      { key: 'onboarding', count: 0 },
      { key: 'active', count: 11 },
      { key: 'paused', count: null },
      { key: 'leaving', count: 0 },
      { key: 'left', count: null },
    ]);
    // Year 4 has 2 (hidden); year 3 (5, the next smallest) is hidden too, or 13 − 6 − 5 would give it away.
    expect(pool.byYear).toEqual([
      { key: 2, count: 6 },
      { key: 3, count: null },
      { key: 4, count: null },
    ]);
    expect(pool.byLanguage).toEqual([
      { key: 'nl', count: 13 },
      { key: 'ar', count: 6 },
      { key: 'tr', count: null },
    ]);
    expect(pool.roleModels).toBe(6);
    expect(coachPool(many(3, { roleModelDisclosed: true })).roleModels).toBeNull();
  });

  it('never shows a count between 0 and the minimum cell, and a hidden year cannot be derived from the total', () => {
    const arbitraryCoach = fc.record({
      status: fc.constantFrom(...COACH_STATUSES),
      studyYear: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      languages: fc.subarray(['nl', 'en', 'ar', 'tr', 'pap']),
      roleModelDisclosed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryCoach, { maxLength: 40 }), (coaches) => {
        const pool = coachPool(coaches);
        const cells = [...pool.byStatus, ...pool.byYear, ...pool.byLanguage].map((c) => c.count);
        expect(cells.every((n) => n === null || n === 0 || n >= MIN_CELL)).toBe(true);
        expect(pool.roleModels === null || pool.roleModels === 0 || pool.roleModels >= MIN_CELL).toBe(true);
        // One hidden year alone would follow from the total: another is hidden too, whenever there is one.
        if (pool.byYear.filter((c) => c.count === null).length === 1) expect(pool.byYear.every((c) => c.count === null || c.count === 0)).toBe(true);
      }),
    );
  });
});
