import { describe, expect, it } from 'vitest';
import { checkRow, checkRows, csvLine, guessMapping, missingFields } from './student-rows';

const headers = ['Studentnummer', 'Roepnaam', 'Achternaam', 'E-mail', 'Klas', 'Taal'];
const mapping = guessMapping(headers);

describe('student rows', () => {
  it('recognises the headers of an Osiris-like export', () => {
    expect(mapping).toEqual({ studentNumber: 0, firstName: 1, lastName: 2, email: 3, classCode: 4, locale: 5 });
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
      expect(result).toEqual({ ok: true, row: { studentNumber: '500001', firstName: 'Aisha', lastName: 'Bakker', email: 'a.bakker@student.example', classCode: 'SW1A', locale: 'nl' } });
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
});
