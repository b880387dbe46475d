import { describe, expect, it } from 'vitest';
import { usableAttributes, type StoredAttribute } from './student-attributes';

const stored: StoredAttribute[] = [
  { attribute: 'priorEducation', value: 'mbo', confirmed: true },
  { attribute: 'firstGeneration', value: 'yes', confirmed: true },
  { attribute: 'gender', value: 'woman', confirmed: true },
];
const all = new Set(['priorEducation', 'firstGeneration', 'gender', 'class', 'international']);

describe('usable attributes: enabled AND disclosed (AND consented for background)', () => {
  it('uses what the institution enabled and the student disclosed, background only with consent', () => {
    expect(usableAttributes({ enabled: all, stored, backgroundConsent: true, classCode: 'SW1A' })).toEqual({
      priorEducation: 'mbo',
      firstGeneration: 'yes',
      gender: 'woman',
      class: 'SW1A',
    });
    expect(usableAttributes({ enabled: all, stored, backgroundConsent: false, classCode: 'SW1A' })).toEqual({ priorEducation: 'mbo', gender: 'woman', class: 'SW1A' });
  });

  it('ignores attributes the institution did not enable', () => {
    expect(usableAttributes({ enabled: new Set(['gender']), stored, backgroundConsent: true, classCode: 'SW1A' })).toEqual({ gender: 'woman' });
  });

  it('ignores an imported value until the student confirms it, and values outside the list', () => {
    const imported: StoredAttribute[] = [
      { attribute: 'priorEducation', value: 'havo', confirmed: false },
      { attribute: 'gender', value: 'unknown', confirmed: true },
      { attribute: 'religion', value: 'x', confirmed: true },
    ];
    expect(usableAttributes({ enabled: new Set([...all, 'religion']), stored: imported, backgroundConsent: true, classCode: null })).toEqual({});
  });

  it('never takes class from a stored value, only from the enrolment', () => {
    expect(usableAttributes({ enabled: all, stored: [{ attribute: 'class', value: 'X', confirmed: true }], backgroundConsent: true, classCode: null })).toEqual({});
  });
});
