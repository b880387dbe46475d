import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overfullTargets, proposeSpread } from './redistribute';

describe('spreading members over other communities', () => {
  const targets = [
    { id: 'a', size: 7 },
    { id: 'b', size: 5 },
    { id: 'c', size: 8 },
  ];

  it('proposes the communities with the most room first, and leaves full ones alone while others have room', () => {
    expect(proposeSpread(['p1', 'p2', 'p3', 'p4'], targets, 8)).toEqual([
      { personId: 'p1', communityId: 'b' },
      { personId: 'p2', communityId: 'b' },
      { personId: 'p3', communityId: 'a' },
      { personId: 'p4', communityId: 'b' },
    ]);
    expect(proposeSpread(['p1'], [], 8)).toEqual([]);
  });

  it('names the communities a plan would overfill', () => {
    expect(overfullTargets([{ personId: 'p1', communityId: 'b' }], targets, 8)).toEqual([]);
    expect(overfullTargets([{ personId: 'p1', communityId: 'c' }, { personId: 'p2', communityId: 'a' }], targets, 8)).toEqual(['c']);
    expect(overfullTargets([{ personId: 'p1', communityId: 'a' }, { personId: 'p2', communityId: 'a' }], targets, 8)).toEqual(['a']);
    // A community that is already over the limit but receives nobody does not block the plan.
    expect(overfullTargets([{ personId: 'p1', communityId: 'b' }], [...targets, { id: 'd', size: 10 }], 8)).toEqual([]);
  });

  it('a proposal overfills nothing as long as there is room in total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 12 }), (sizes, n) => {
        const ts = sizes.map((size, i) => ({ id: `t${i}`, size }));
        const room = sizes.reduce((sum, s) => sum + (8 - s), 0);
        const moves = proposeSpread(Array.from({ length: n }, (_, i) => `p${i}`), ts, 8);
        expect(moves).toHaveLength(n);
        if (n <= room) expect(overfullTargets(moves, ts, 8)).toEqual([]);
      }),
    );
  });
});
