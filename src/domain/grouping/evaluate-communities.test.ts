import { describe, expect, it } from 'vitest';
import { evaluateCommunities } from './evaluate-communities.js';
import type { StudentForGrouping } from './student-grouping-types.js';

const students: StudentForGrouping[] = [
  { id: 'a', classId: 'k1', attributes: { route: 'mbo', lang: 'nl' } },
  { id: 'b', classId: 'k1', attributes: { route: 'havo', lang: 'nl' } },
  { id: 'c', classId: 'k2', attributes: { route: 'mbo', lang: null } },
  { id: 'd', classId: 'k2', attributes: { route: 'havo', lang: 'en' } },
];
const attributes = [{ key: 'route' }, { key: 'lang', weight: 2 }];

describe('evaluateCommunities (figures for a hand-edited assignment)', () => {
  it.each([
    // {a,b} {c,d}: route differs in both (1 + 1); lang: a/b same, c undisclosed → 0.
    { assignment: { a: 0, b: 0, c: 1, d: 1 }, diversity: 2, routeEvenness: 1 },
    // {a,c} {b,d}: route same in both → 0; lang b/d differ → 2.
    { assignment: { a: 0, c: 0, b: 1, d: 1 }, diversity: 2, routeEvenness: 0 },
    // {a,d} {b,c}: route differs twice (2), lang a/d differ (2).
    { assignment: { a: 0, d: 0, b: 1, c: 1 }, diversity: 4, routeEvenness: 1 },
  ])('recomputes diversity and evenness for $assignment', ({ assignment, diversity, routeEvenness }) => {
    const quality = evaluateCommunities({ students, attributes, assignment, communityCount: 2 });
    expect(quality.diversity).toBe(diversity);
    expect(quality.spread[0]!.evenness).toBeCloseTo(routeEvenness, 9);
    expect(quality.spread[1]!.undisclosed.reduce((s, x) => s + x, 0)).toBe(1);
  });

  it('lists every broken constraint', () => {
    const quality = evaluateCommunities({
      students,
      attributes,
      assignment: { a: 0, b: 0, c: 0, d: 1 },
      communityCount: 2,
      sizeBounds: { min: 2, max: 2 },
      keepTogether: [['c', 'd']],
      keepApart: [['a', 'b']],
      perClass: true,
    });
    expect(quality.violations).toEqual({
      sizeBounds: [
        { community: 0, size: 3 },
        { community: 1, size: 1 },
      ],
      keepTogether: [['c', 'd']],
      keepApart: [['a', 'b']],
      mixedClasses: [0],
    });
  });

  it('is fast enough to run on every drag (5,000 students well under 50 ms)', () => {
    const many: StudentForGrouping[] = Array.from({ length: 5000 }, (_, i) => ({ id: `s${i}`, attributes: { route: ['mbo', 'havo', 'vwo'][i % 3], lang: i % 7 === 0 ? 'en' : 'nl' } }));
    const assignment = Object.fromEntries(many.map((s, i) => [s.id, i % 625]));
    evaluateCommunities({ students: many, attributes, assignment, communityCount: 625 });
    const start = performance.now();
    evaluateCommunities({ students: many, attributes, assignment, communityCount: 625 });
    expect(performance.now() - start).toBeLessThan(50);
  });
});
