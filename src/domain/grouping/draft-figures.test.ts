import { describe, expect, it } from 'vitest';
import { draftFigures, toCoordinatorReasons, type DraftSettings } from './draft-figures';
import type { StudentForGrouping } from './student-grouping-types';

const students: StudentForGrouping[] = [
  { id: 'a', attributes: { priorEducation: 'mbo', firstGeneration: 'yes' } },
  { id: 'b', attributes: { priorEducation: 'mbo', firstGeneration: 'no' } },
  { id: 'c', attributes: { priorEducation: 'vwo', firstGeneration: 'yes' } },
  { id: 'd', attributes: { priorEducation: 'vwo' } },
];
const settings: DraftSettings = {
  attributes: [
    { key: 'priorEducation', weight: 2 },
    { key: 'firstGeneration', weight: 1 },
  ],
  sizeBounds: { min: 2, max: 2 },
  perClass: false,
  keepTogether: [],
  keepApart: [['a', 'b']],
  prePlaced: [],
};
const communities = [
  { index: 0, classId: null, label: null },
  { index: 1, classId: null, label: null },
];

describe('draft figures', () => {
  it('rate a segregated draft low and a mixed draft high, per attribute', () => {
    const segregated = draftFigures(students, settings, communities, { a: 0, b: 0, c: 1, d: 1 });
    const mixed = draftFigures(students, settings, communities, { a: 0, c: 0, b: 1, d: 1 });
    expect(segregated.attributes[0]).toMatchObject({ attribute: 'priorEducation', evenness: 0, disclosed: 4, background: false });
    expect(mixed.attributes[0]!.evenness).toBe(100);
    expect(mixed.diversity).toBeGreaterThan(segregated.diversity);
    expect(segregated.violations.keepApart).toEqual([['a', 'b']]);
    expect(mixed.violations.keepApart).toEqual([]);
  });

  it('shows mix per community only for ordinary attributes, and sizes against the bounds', () => {
    const figures = draftFigures(students, settings, communities, { a: 0, c: 0, b: 1, d: 1, });
    expect(figures.communities[0]).toEqual({ index: 0, size: 2, withinBounds: true, mix: [{ attribute: 'priorEducation', present: 2, of: 2 }] });
    const lopsided = draftFigures(students, settings, communities, { a: 0, b: 0, c: 0, d: 1 });
    expect(lopsided.communities.map((c) => c.withinBounds)).toEqual([false, false]);
    expect(lopsided.violations.sizeBounds).toEqual([{ community: 0, size: 3 }, { community: 1, size: 1 }]);
  });

  it('gives reasons without values, and none about background attributes', () => {
    const figures = draftFigures(students, settings, communities, { a: 0, c: 0, b: 1, d: 1 });
    const text = JSON.stringify(figures.reasons);
    for (const value of ['mbo', 'vwo', 'yes', 'no', 'firstGeneration']) expect(text).not.toContain(`"${value}"`);
    expect(Object.keys(figures.reasons).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(toCoordinatorReasons([
      { code: 'adds_under_represented_value', params: { attribute: 'firstGeneration', value: 'yes', countInCommunity: 1, expected: 1.5 } },
      { code: 'adds_under_represented_value', params: { attribute: 'international', value: 'yes', countInCommunity: 1, expected: 1.5 } },
      { code: 'adds_under_represented_value', params: { attribute: 'priorEducation', value: 'mbo', countInCommunity: 1, expected: 1.5 } },
    ])).toEqual([{ code: 'adds_spread', attribute: 'priorEducation' }]);
  });

  it('suppresses the background figure below five values', () => {
    const figures = draftFigures(students, settings, communities, { a: 0, c: 0, b: 1, d: 1 });
    expect(figures.attributes[1]).toMatchObject({ attribute: 'firstGeneration', disclosed: 3, evenness: null, background: true });
  });

  describe('why a student is where they are', () => {
    const five: StudentForGrouping[] = [
      { id: 'a', attributes: { priorEducation: 'mbo' } },
      { id: 'b', attributes: { priorEducation: 'mbo' } },
      { id: 'c', attributes: { priorEducation: 'vwo' } },
      { id: 'd', attributes: { priorEducation: 'vwo' } },
      { id: 'e', attributes: { priorEducation: 'havo' } },
    ];
    const three = [0, 1, 2].map((index) => ({ index, classId: null, label: null }));
    const only = (bounds: { min: number; max: number }, more: Partial<DraftSettings> = {}): DraftSettings => ({
      ...settings,
      attributes: [{ key: 'priorEducation', weight: 1 }],
      sizeBounds: bounds,
      keepApart: [],
      ...more,
    });

    it('says a well-placed student could not add more anywhere else', () => {
      const figures = draftFigures(five, only({ min: 1, max: 3 }), three, { a: 0, c: 0, b: 1, d: 1, e: 2 });
      expect(figures.reasons.a).toContainEqual({ code: 'best_fit' });
      expect(figures.reasons.a).not.toContainEqual({ code: 'balances_group_sizes' });
    });

    it('after a poor hand edit, names the community with room that would gain most from them', () => {
      const segregated = { a: 0, b: 0, c: 1, d: 1, e: 2 };
      expect(draftFigures(five, only({ min: 1, max: 3 }), three, segregated).reasons.a).toContainEqual({ code: 'better_elsewhere', community: 1 });
      // Community 1 is full at a maximum of 2: the next best one that has room.
      expect(draftFigures(five, only({ min: 1, max: 2 }), three, segregated).reasons.a).toContainEqual({ code: 'better_elsewhere', community: 2 });
      // Never towards someone they are to be kept apart from.
      expect(draftFigures(five, only({ min: 1, max: 3 }, { keepApart: [['a', 'c']] }), three, segregated).reasons.a).toContainEqual({ code: 'better_elsewhere', community: 2 });
      // Leaving would take their community below the minimum: no hint.
      expect(draftFigures(five, only({ min: 1, max: 3 }), three, segregated).reasons.e).toEqual([{ code: 'adds_spread', attribute: 'priorEducation' }]);
      // Pre-placed students stay where their group is; no hint.
      const placed = draftFigures(five, only({ min: 1, max: 3 }, { prePlaced: [{ studentId: 'a', label: 'X' }] }), three, segregated).reasons.a!;
      expect(placed.map((r) => r.code)).toEqual(['pre_placed']);
    });

    it('forming per class, never points across classes', () => {
      const perClass = five.map((x) => ({ ...x, classId: x.id === 'c' || x.id === 'd' ? 'Y' : 'X' }));
      const byClass = [
        { index: 0, classId: 'X', label: null },
        { index: 1, classId: 'Y', label: null },
        { index: 2, classId: 'X', label: null },
      ];
      const figures = draftFigures(perClass, only({ min: 1, max: 3 }, { perClass: true }), byClass, { a: 0, b: 0, c: 1, d: 1, e: 2 });
      // Community 1 (class Y, all vwo) would gain most from a, but it is another class.
      expect(figures.reasons.a).toContainEqual({ code: 'better_elsewhere', community: 2 });
    });

    it('never leaves a student without a reason, also when their only reasons were background ones', () => {
      const withBackground: StudentForGrouping[] = [
        { id: 'g', attributes: { firstGeneration: 'yes' } },
        { id: 'h', attributes: { firstGeneration: 'no' } },
        { id: 'i', attributes: { firstGeneration: 'no' } },
        { id: 'j', attributes: { firstGeneration: 'no' } },
      ];
      const figures = draftFigures(withBackground, { ...settings, keepApart: [] }, communities, { g: 0, h: 0, i: 0, j: 1 });
      expect(figures.reasons.g).toEqual([{ code: 'balances_group_sizes' }]);
      for (const id of ['g', 'h', 'i', 'j']) expect(figures.reasons[id]!.length, id).toBeGreaterThan(0);
    });
  });
});
