import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignCoaches } from './assign-coaches.js';
import { hungarian } from './hungarian.js';

function permutations(k: number, from: number[]): number[][] {
  if (k === 0) return [[]];
  return from.flatMap((x) => permutations(k - 1, from.filter((y) => y !== x)).map((rest) => [x, ...rest]));
}

describe('hungarian', () => {
  it('finds the minimum-cost assignment (checked by enumeration)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 }), fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 36, maxLength: 36 }), (rows, extra, flat) => {
        const columns = rows + extra;
        const cost = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => flat[r * 6 + c]!));
        const match = hungarian(cost, columns);
        const total = Array.from(match).reduce((s, c, r) => s + cost[r]![c]!, 0);
        const best = Math.min(...permutations(rows, [...Array(columns).keys()]).map((p) => p.reduce((s, c, r) => s + cost[r]![c]!, 0)));
        expect(new Set(match).size).toBe(rows);
        expect(total).toBe(best);
      }),
      { numRuns: 100 },
    );
  });
});

describe('assignCoaches', () => {
  it('keeps coaches within their programme and maximises the role-model preference', () => {
    const result = assignCoaches({
      coaches: [
        { id: 'anna', programmeId: 'hbo-ict' },
        { id: 'bram', programmeId: 'hbo-ict' },
        { id: 'chris', programmeId: 'verpleegkunde' },
      ],
      communities: [
        { index: 0, programmeId: 'hbo-ict' },
        { index: 1, programmeId: 'hbo-ict' },
        { index: 2, programmeId: 'verpleegkunde' },
      ],
      preference: [
        [5, 4, 9],
        [4, 1, 9],
        [9, 9, 2],
      ],
    });
    // Greedy would give anna→0 (5) and bram→1 (1) = 6; optimal is anna→1, bram→0 = 8.
    expect(result.coachOfCommunity).toEqual(['bram', 'anna', 'chris']);
    expect(result.totalPreference).toBe(10);
    expect(result.unassignedCommunities).toEqual([]);
  });

  it('reports communities left without a coach and honours capacity', () => {
    const result = assignCoaches({
      coaches: [{ id: 'anna', programmeId: 'p', capacity: 2 }],
      communities: [0, 1, 2].map((index) => ({ index, programmeId: 'p' })),
    });
    expect(result.coachOfCommunity.filter((c) => c === 'anna')).toHaveLength(2);
    expect(result.unassignedCommunities).toHaveLength(1);
  });
});
