import { describe, expect, it } from 'vitest';
import { capture } from '../../../test/support/capture.js';
import { syntheticCohort } from '../../../bench/grouping/synthetic-cohort.js';
import { formCommunities } from './form-communities.js';
import { GroupingError } from './grouping-error.js';
import type { StudentForGrouping } from './student-grouping-types.js';

const attributes = [{ key: 'priorEducation' }, { key: 'international' }, { key: 'firstGeneration' }, { key: 'language', weight: 0.5 }];

describe('formCommunities', () => {
  const cohort = syntheticCohort(60, 4, 30);

  it('derives the community count from the size bounds and respects them', () => {
    const result = formCommunities({ students: cohort, attributes, maxIterations: 400, seed: 1 });
    expect(result.communities).toHaveLength(8); // ⌈60 / 8⌉, and 8·7 ≤ 60
    for (const c of result.communities) expect(c.memberIds.length).toBeGreaterThanOrEqual(7);
    for (const c of result.communities) expect(c.memberIds.length).toBeLessThanOrEqual(8);
    expect(Object.keys(result.assignment)).toHaveLength(60);
    expect(result.quality.violations).toEqual({ sizeBounds: [], keepTogether: [], keepApart: [], mixedClasses: [] });
  });

  it('spreads attributes far more evenly than an arbitrary split', () => {
    const result = formCommunities({ students: cohort, attributes, maxIterations: 600, seed: 1 });
    for (const spread of result.quality.spread) expect(spread.evenness).toBeGreaterThan(0.75);
    const international = result.quality.spread.find((s) => s.attribute === 'international')!;
    const yes = international.values.indexOf('yes');
    const perCommunity = international.counts.map((row) => row[yes]!);
    expect(Math.max(...perCommunity) - Math.min(...perCommunity)).toBeLessThanOrEqual(1);
  });

  it('honours keep-together, keep-apart and pre-placement, and explains them with reason codes', () => {
    const result = formCommunities({
      students: cohort,
      attributes,
      keepTogether: [['s1', 's2'], ['s2', 's3']],
      keepApart: [['s4', 's5']],
      prePlaced: [
        { studentId: 's10', label: 'A' },
        { studentId: 's11', label: 'A' },
        { studentId: 's12', label: 'B' },
      ],
      maxIterations: 600,
      seed: 3,
    });
    const a = result.assignment;
    expect(a.s1).toBe(a.s2);
    expect(a.s2).toBe(a.s3);
    expect(a.s4).not.toBe(a.s5);
    expect(a.s10).toBe(a.s11);
    expect(a.s10).not.toBe(a.s12);
    expect(result.communities[a.s10!]!.label).toBe('A');
    const why = (id: string) => result.explanations.find((e) => e.studentId === id)!.reasons;
    expect(why('s2')).toContainEqual({ code: 'kept_with', params: { studentIds: ['s1', 's3'] } });
    expect(why('s4')).toContainEqual({ code: 'kept_apart_from', params: { studentIds: ['s5'] } });
    expect(why('s10')).toContainEqual({ code: 'pre_placed', params: { label: 'A' } });
    expect(result.explanations.every((e) => e.reasons.length > 0)).toBe(true);
  });

  it('forms communities within each class when asked', () => {
    const twoClasses = syntheticCohort(48, 9, 24);
    const result = formCommunities({ students: twoClasses, attributes, perClass: true, maxIterations: 400 });
    expect(result.communities).toHaveLength(6);
    expect(result.quality.violations.mixedClasses).toEqual([]);
    for (const c of result.communities) {
      const classes = new Set(c.memberIds.map((id) => twoClasses.find((s) => s.id === id)!.classId));
      expect([...classes]).toEqual([c.classId]);
    }
    const reasons = result.explanations[0]!.reasons;
    expect(reasons).toContainEqual({ code: 'same_class', params: { classId: 'k0' } });
  });

  it('marks values that are otherwise under-represented', () => {
    const students: StudentForGrouping[] = Array.from({ length: 16 }, (_, i) => ({
      id: `p${i}`,
      attributes: { route: i < 2 ? 'mbo' : 'havo' },
    }));
    const result = formCommunities({ students, attributes: [{ key: 'route' }], maxIterations: 200 });
    expect(result.assignment.p0).not.toBe(result.assignment.p1);
    expect(result.explanations[0]!.reasons).toContainEqual({
      code: 'adds_under_represented_value',
      params: { attribute: 'route', value: 'mbo', countInCommunity: 1, expected: 1 },
    });
  });

  it.each([
    { n: 25, details: { n: 25, min: 7, max: 8 } },
    { n: 5, details: { n: 5, min: 7, max: 8 } },
  ])('reports infeasible size bounds for $n students', ({ n, details }) => {
    const error = capture(() => formCommunities({ students: syntheticCohort(n, 1), attributes, maxIterations: 10 }));
    expect(error).toBeInstanceOf(GroupingError);
    expect(error).toMatchObject({ code: 'infeasible_bounds', details });
  });

  it.each([
    { name: 'together and apart', keepTogether: [['s1', 's2']] as const, keepApart: [['s2', 's1']] as const, code: 'conflicting_constraints' },
    { name: 'an unknown student', keepTogether: [['s1', 'nobody']] as const, keepApart: [] as const, code: 'invalid_input' },
    {
      name: 'too many kept together',
      keepTogether: Array.from({ length: 8 }, (_, i) => [`s${i}`, `s${i + 1}`] as const),
      keepApart: [] as const,
      code: 'conflicting_constraints',
    },
  ])('rejects contradictory constraints: $name', ({ keepTogether, keepApart, code }) => {
    const error = capture(() => formCommunities({ students: cohort, attributes, keepTogether, keepApart, maxIterations: 10 }));
    expect(error).toMatchObject({ code });
  });

  it('is reproducible for a seed and an iteration budget', () => {
    const a = formCommunities({ students: cohort, attributes, maxIterations: 300, seed: 8 });
    const b = formCommunities({ students: cohort, attributes, maxIterations: 300, seed: 8 });
    expect(a.assignment).toEqual(b.assignment);
  });
});
