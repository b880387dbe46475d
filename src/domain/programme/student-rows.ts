/**
 * Student rows from a student-information-system export (Osiris and the like): which column is
 * which, and whether a row can be imported. Pure: the CSV parsing happens at the edge; here a
 * row is a list of cells.
 */

export const STUDENT_FIELDS = ['studentNumber', 'firstName', 'lastName', 'email', 'classCode', 'locale', 'priorEducation'] as const;
export type StudentField = (typeof STUDENT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly StudentField[] = ['studentNumber', 'firstName', 'lastName', 'email', 'classCode'];

/**
 * Column index per field; null: not in the file. A mapping stored before a field existed lacks it
 * (an import that was running during an upgrade): missing counts as null.
 */
export type ColumnMapping = Record<Exclude<StudentField, 'priorEducation'>, number | null> & { priorEducation?: number | null };

/** The prior education routes a student can disclose (ADR 0005); the import only suggests one. */
export type PriorEducation = 'mbo' | 'havo' | 'vwo' | 'other';

export type StudentRow = {
  studentNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  classCode: string;
  locale: 'nl' | 'en';
  /** A suggestion for group formation, if the file has the column and the cell says something. */
  priorEducation: PriorEducation | null;
};

export type RowErrorCode =
  | 'studentNumberMissing'
  | 'studentNumberInvalid'
  | 'firstNameMissing'
  | 'lastNameMissing'
  | 'emailMissing'
  | 'emailInvalid'
  | 'classCodeMissing'
  | 'classCodeInvalid'
  | 'localeInvalid'
  | 'duplicateStudentNumber'
  | 'duplicateEmail'
  | 'emailTaken'
  | 'tooLong';

export type RowCheck = { ok: true; row: StudentRow } | { ok: false; errors: RowErrorCode[] };

/** Header names seen in SIS exports, normalised (lower case, no spaces, dashes or dots). */
const HEADER_NAMES: Record<StudentField, string[]> = {
  studentNumber: ['studentnummer', 'studentnr', 'studentnumber', 'studentid', 'studnr', 'nummer', 'number'],
  firstName: ['voornaam', 'roepnaam', 'firstname', 'givenname', 'first'],
  lastName: ['achternaam', 'familienaam', 'lastname', 'surname', 'familyname', 'last'],
  email: ['email', 'emailadres', 'mail', 'emailaddress', 'emailinstelling', 'emailhogeschool'],
  classCode: ['klas', 'klascode', 'groep', 'class', 'classcode', 'group', 'studiegroep'],
  locale: ['taal', 'voorkeurstaal', 'language', 'locale', 'lang'],
  priorEducation: ['vooropleiding', 'vooropl', 'vooropleidingsniveau', 'vooropleidingtype', 'toelatingsgrondslag', 'hoogstevooropleiding', 'prioreducation', 'previouseducation', 'admissionbasis'],
};

const normalise = (header: string) => header.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s_\-.]/g, '');

/**
 * A student-information-system's prior-education cell as a route: "MBO-4", "mbo niveau 4" → mbo;
 * "HAVO" → havo; "VWO", "atheneum", "gymnasium" → vwo; anything else said (a foreign diploma, a
 * 21+ admission test, …) → other; an empty cell → null. Never a row error: it is only a
 * suggestion, which the student confirms or corrects on "About me".
 */
export function priorEducationFrom(cell: string): PriorEducation | null {
  const text = cell.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim();
  if (text === '') return null;
  if (/\bmbo(?![a-z])|middelbaar beroeps/.test(text)) return 'mbo';
  if (/\bhavo(?![a-z])/.test(text)) return 'havo';
  if (/\bvwo(?![a-z])|atheneum|gymnasium/.test(text)) return 'vwo';
  return 'other';
}

/** Guesses the mapping from the header row; a column is used for one field only. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(STUDENT_FIELDS.map((f) => [f, null])) as ColumnMapping;
  const used = new Set<number>();
  for (const field of STUDENT_FIELDS) {
    const index = headers.findIndex((h, i) => !used.has(i) && HEADER_NAMES[field].includes(normalise(h)));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** Fields the mapping still lacks. */
export function missingFields(mapping: ColumnMapping): StudentField[] {
  return REQUIRED_FIELDS.filter((f) => mapping[f] === null);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STUDENT_NUMBER = /^[A-Za-z0-9-]{3,20}$/;
const CLASS_CODE = /^[\p{L}\p{N} _.-]{1,20}$/u;

/** Checks one row on its own; duplicates across rows are `checkRows`' business. */
export function checkRow(cells: readonly string[], mapping: ColumnMapping): RowCheck {
  const cell = (field: StudentField) => {
    const index = mapping[field] ?? null;
    return index === null ? '' : (cells[index] ?? '').trim();
  };
  const errors: RowErrorCode[] = [];
  const studentNumber = cell('studentNumber');
  const firstName = cell('firstName');
  const lastName = cell('lastName');
  const email = cell('email').toLowerCase();
  const classCode = cell('classCode').toUpperCase();
  const localeCell = cell('locale').toLowerCase();
  if (!studentNumber) errors.push('studentNumberMissing');
  else if (!STUDENT_NUMBER.test(studentNumber)) errors.push('studentNumberInvalid');
  if (!firstName) errors.push('firstNameMissing');
  if (!lastName) errors.push('lastNameMissing');
  if (!email) errors.push('emailMissing');
  else if (!EMAIL.test(email) || email.length > 254) errors.push('emailInvalid');
  if (!classCode) errors.push('classCodeMissing');
  else if (!CLASS_CODE.test(classCode)) errors.push('classCodeInvalid');
  const locale = localeCell === '' || ['nl', 'nederlands', 'dutch'].includes(localeCell) ? 'nl' : ['en', 'engels', 'english'].includes(localeCell) ? 'en' : null;
  if (locale === null) errors.push('localeInvalid');
  if (firstName.length > 100 || lastName.length > 100) errors.push('tooLong');
  if (errors.length > 0 || locale === null) return { ok: false, errors };
  return { ok: true, row: { studentNumber, firstName, lastName, email, classCode, locale, priorEducation: priorEducationFrom(cell('priorEducation')) } };
}

export type CheckedRow = { line: number; studentNumber: string; result: RowCheck };

/**
 * Checks every row, and marks the second and later rows with the same student number or e-mail
 * address as errors (the first one wins, so a re-export with a stray duplicate still imports).
 * `line` is the 1-based line in the file, counting the header as line 1.
 */
export function checkRows(rows: readonly (readonly string[])[], mapping: ColumnMapping): CheckedRow[] {
  const numbers = new Set<string>();
  const emails = new Set<string>();
  return rows.map((cells, i) => {
    const result = checkRow(cells, mapping);
    const studentNumber = (mapping.studentNumber === null ? '' : (cells[mapping.studentNumber] ?? '')).trim();
    if (result.ok) {
      const errors: RowErrorCode[] = [];
      if (numbers.has(result.row.studentNumber)) errors.push('duplicateStudentNumber');
      if (emails.has(result.row.email)) errors.push('duplicateEmail');
      numbers.add(result.row.studentNumber);
      emails.add(result.row.email);
      if (errors.length > 0) return { line: i + 2, studentNumber, result: { ok: false, errors } };
    }
    return { line: i + 2, studentNumber, result };
  });
}

/** A CSV cell as text: quoted when needed, and formula-looking text defused for spreadsheets. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvCell).join(',');
}
