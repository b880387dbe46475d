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
});
