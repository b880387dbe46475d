import type { AttributeTable } from './attribute-model.js';
import type { DiversityAttribute, StudentForGrouping } from './student-grouping-types.js';

export type EncodedStudents = {
  readonly table: AttributeTable;
  /** valueNames[a][code] = the original string. */
  readonly valueNames: readonly (readonly string[])[];
};

/** Turns string attributes into small integer codes so the search works on flat typed arrays. */
export function encodeStudents(students: readonly StudentForGrouping[], attributes: readonly DiversityAttribute[]): EncodedStudents {
  const A = attributes.length;
  const n = students.length;
  const values = new Int32Array(n * A).fill(-1);
  const valueNames: string[][] = attributes.map(() => []);
  const codes = attributes.map(() => new Map<string, number>());
  students.forEach((student, i) => {
    attributes.forEach((attribute, a) => {
      const raw = student.attributes[attribute.key];
      if (raw === null || raw === undefined || raw === '') return;
      let code = codes[a]!.get(raw);
      if (code === undefined) {
        code = valueNames[a]!.length;
        codes[a]!.set(raw, code);
        valueNames[a]!.push(raw);
      }
      values[i * A + a] = code;
    });
  });
  return {
    table: {
      n,
      attributeCount: A,
      valueCounts: Int32Array.from(valueNames.map((names) => names.length)),
      weights: Float64Array.from(attributes.map((attribute) => attribute.weight ?? 1)),
      values,
    },
    valueNames,
  };
}
