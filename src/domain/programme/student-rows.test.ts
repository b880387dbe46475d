import { describe, expect, it } from 'vitest';
import { checkRow, checkRows, csvLine, guessMapping, missingFields, priorEducationFrom } from './student-rows';

const headers = ['Studentnummer', 'Roepnaam', 'Achternaam', 'E-mail', 'Klas', 'Taal'];
const mapping = guessMapping(headers);

describe('student rows', () => {
  it('recognises the headers of an Osiris-like export', () => {
    expect(mapping).toEqual({ studentNumber: 0, firstName: 1, lastName: 2, email: 3, classCode: 4, locale: 5, priorEducation: null });
    expect(guessMapping([...headers, 'Vooropleiding']).priorEducation).toBe(6);
    expect(guessMapping(['Prior education']).priorEducation).toBe(0);
    expect(missingFields(guessMapping(['Naam', 'Email']))).toEqual(['studentNumber', 'firstName', 'lastName', 'classCode']);
  });

  it.each([
    [['500001', 'Aisha', 'Bakker', 'A.Bakker@Student.Example', 'sw1a', ''], null],
    [['', 'Aisha', 'Bakker', 'a@b.nl', 'SW1A', ''], ['studentNumberMissing']],
    [['12', 'Aisha', 'Bakker', 'a@b.nl', 'SW1A', ''], ['studentNumberInvalid']],
    [['500001', '', '', 'geen-adres', '', 'fr'], ['firstNameMissing', 'lastNameMissing', 'emailInvalid', 'classCodeMissing', 'localeInvalid']],
  ])('checks %j', (cells, errors) => {
    const result = checkRow(cells, mapping);
    if (errors === null) {
      expect(result).toEqual({ ok: true, row: { studentNumber: '500001', firstName: 'Aisha', lastName: 'Bakker', email: 'a.bakker@student.example', classCode: 'SW1A', locale: 'nl', priorEducation: null } });
    } else {
      expect(result).toEqual({ ok: false, errors });
    }
  });

  it('marks later duplicates of a student number or e-mail address, with the line in the file', () => {
    const rows = [
      ['1001', 'A', 'B', 'a@x.nl', 'K1', 'en'],
      ['1001', 'C', 'D', 'c@x.nl', 'K1', ''],
      ['1002', 'E', 'F', 'a@x.nl', 'K1', ''],
    ];
    const checked = checkRows(rows, mapping);
    expect(checked.map((c) => [c.line, c.result.ok])).toEqual([[2, true], [3, false], [4, false]]);
    expect(checked[1]!.result).toEqual({ ok: false, errors: ['duplicateStudentNumber'] });
    expect(checked[2]!.result).toEqual({ ok: false, errors: ['duplicateEmail'] });
  });

  it('writes CSV cells quoted and defuses formulas', () => {
    expect(csvLine(['a', 'b,c', 'd"e', '=SUM(A1)'])).toBe('a,"b,c","d""e",\'=SUM(A1)');
  });

  it.each([
    ['MBO-4', 'mbo'],
    ['mbo niveau 4', 'mbo'],
    ['Mbo4', 'mbo'],
    ['HAVO', 'havo'],
    ['vwo', 'vwo'],
    ['VWO-Atheneum', 'vwo'],
    ['Gymnasium', 'vwo'],
    ['Buitenlands diploma', 'other'],
    ['21+ toets', 'other'],
    ['Combo', 'other'],
    ['', null],
    ['  ', null],
  ])('reads the prior education %j as %j', (cell, expected) => {
    expect(priorEducationFrom(cell)).toBe(expected);
  });

  it('carries the prior education as a suggestion, never as a row error', () => {
    const withPrior = guessMapping([...headers, 'Vooropleiding']);
    expect(checkRow(['500001', 'Aisha', 'Bakker', 'a@b.nl', 'SW1A', '', 'MBO-4'], withPrior)).toMatchObject({ ok: true, row: { priorEducation: 'mbo' } });
    expect(checkRow(['500001', 'Aisha', 'Bakker', 'a@b.nl', 'SW1A', '', 'iets anders'], withPrior)).toMatchObject({ ok: true, row: { priorEducation: 'other' } });
    // A mapping stored before the column existed (an import running during an upgrade).
    const old = { ...mapping };
    delete old.priorEducation;
    expect(checkRow(['500001', 'Aisha', 'Bakker', 'a@b.nl', 'SW1A', ''], old)).toMatchObject({ ok: true, row: { priorEducation: null } });
  });
});
