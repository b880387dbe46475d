import { describe, expect, it } from 'vitest';
import { assignCoaches } from './assign-coaches.js';
import { roleModelPreference, roleModelTraits, TRAIT_WEIGHT } from './role-model.js';

describe('roleModelTraits', () => {
  it.each([
    ['Mbo-route, eerste in mijn familie die studeert.', ['priorEducation=mbo', 'firstGeneration=yes']],
    ['Ik kom zelf van het MBO.', ['priorEducation=mbo']],
    ['I did havo first, then a gap year.', ['priorEducation=havo']],
    ['Gymnasium, daarna meteen hier.', ['priorEducation=vwo']],
    ['First-generation student from abroad.', ['firstGeneration=yes', 'international=yes']],
    ['I was the first one in my family to go to university', ['firstGeneration=yes']],
    ['Als internationale student weet ik hoe het is om de weg niet te kennen.', ['international=yes']],
    ['Ik ben eerstegeneratiestudent.', ['firstGeneration=yes']],
    // A first-generation migrant is not (necessarily) the first in the family to study.
    ['Ik ben de eerste generatie in Nederland.', []],
    ['', []],
    ['Ik hou van voetbal en koken.', []],
  ])('reads %j', (text, expected) => {
    expect(roleModelTraits(text).map((t) => `${t.attribute}=${t.value}`)).toEqual(expected);
  });

  it('does not count a negated phrase', () => {
    expect(roleModelTraits('Ik heb geen mbo gedaan, wel havo.')).toEqual([{ attribute: 'priorEducation', value: 'havo' }]);
    expect(roleModelTraits('I am not the first in my family to study.')).toEqual([]);
    expect(roleModelTraits('Niet het mbo maar het vwo.')).toEqual([{ attribute: 'priorEducation', value: 'vwo' }]);
  });

  it('ignores words that only contain a route', () => {
    expect(roleModelTraits('Thembo and havoc')).toEqual([]);
  });
});

describe('roleModelPreference', () => {
  const mboCoach = { traits: [{ attribute: 'priorEducation' as const, value: 'mbo' }], languages: ['nl'] };
  const firstGenCoach = { traits: [{ attribute: 'firstGeneration' as const, value: 'yes' }], languages: ['nl', 'en'] };
  const plainCoach = { traits: [], languages: ['nl'] };
  const mboCommunity = { members: [{ priorEducation: 'mbo' }, { priorEducation: 'mbo', language: 'nl' }, { priorEducation: 'vwo' }] };
  const firstGenCommunity = { members: [{ firstGeneration: 'yes', language: 'en' }, { priorEducation: 'havo', firstGeneration: 'yes' }, {}] };

  it('scores members who share a trait, then a spoken home language', () => {
    expect(roleModelPreference([mboCoach, firstGenCoach, plainCoach], [mboCommunity, firstGenCommunity])).toEqual([
      [2 * TRAIT_WEIGHT + 1, 0],
      [1, 2 * TRAIT_WEIGHT + 1],
      [1, 0],
    ]);
  });

  it('sends each role model to the community that shares their route', () => {
    const preference = roleModelPreference([firstGenCoach, mboCoach], [mboCommunity, firstGenCommunity]);
    const result = assignCoaches({
      coaches: [
        { id: 'first-gen', programmeId: 'p' },
        { id: 'mbo', programmeId: 'p' },
      ],
      communities: [
        { index: 0, programmeId: 'p' },
        { index: 1, programmeId: 'p' },
      ],
      preference,
    });
    expect(result.coachOfCommunity).toEqual(['mbo', 'first-gen']);
  });

  it('never counts a member who did not disclose, or the "other" home language', () => {
    expect(roleModelPreference([{ traits: [], languages: ['nl', 'ar'] }], [{ members: [{ language: 'other' }, { language: null }, {}] }])).toEqual([[0]]);
  });
});
