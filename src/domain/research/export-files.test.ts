import { describe, expect, it } from 'vitest';
import { buildExportFiles, type ExportInput } from './export-files';
import { isKAnonymous } from './k-anonymity';

const variables: ExportInput['variables'] = [
  { id: 'programme', type: 'category', quasiIdentifier: true, label: { nl: 'Opleiding', en: 'Programme' }, description: { nl: 'o', en: 'p' } },
  { id: 'class', type: 'category', quasiIdentifier: true, label: { nl: 'Klas', en: 'Class' }, description: { nl: 'k', en: 'c' } },
  { id: 'attendanceRate', type: 'number', quasiIdentifier: false, label: { nl: 'Aanwezigheid', en: 'Attendance rate' }, description: { nl: 'a', en: 'a' } },
];
const person = (n: number, klass: string, rate: number | null) => ({ pseudonym: `p${String(n).padStart(3, '0')}`, ladders: { programme: ['P1', '*'], class: [klass, '*'] }, measures: { attendanceRate: rate } });
const input = (people: ExportInput['people']): ExportInput => ({
  study: { id: 's1', title: 'Attendance, "really"', question: 'Does it help?', periodStart: '2026-09-01', periodEnd: '2027-07-01', programmes: [{ nl: 'Social Work', en: 'Social Work' }] },
  variables,
  valueLabels: { programme: { P1: { nl: 'Social Work', en: 'Social Work' } }, class: { A: { nl: 'A', en: 'A' }, B: { nl: 'B', en: 'B' } } },
  people,
  k: 5,
  consent: { id: 'research-use', version: 1 },
  population: 20,
  madeAt: '2026-12-06',
});

describe('buildExportFiles', () => {
  it('writes the pseudonym first, codes and numbers, sorted by pseudonym, k-anonymous', () => {
    const files = buildExportFiles(input([...Array.from({ length: 6 }, (_, i) => person(10 - i, 'A', 0.5 + i / 100)), ...Array.from({ length: 2 }, (_, i) => person(20 + i, 'B', null))]));
    const [header, ...rows] = files.csv.trimEnd().split('\r\n');
    expect(header).toBe('pseudonym,programme,class,attendanceRate');
    expect(rows[0]).toBe('p005,P1,*,0.55');
    expect(rows).toHaveLength(8);
    expect(rows.at(-1)).toBe('p021,P1,*,');
    expect(isKAnonymous(rows.map((r) => r.split(',').slice(1, 3)), 5)).toBe(true);
    expect(files.counts).toMatchObject({ rows: 8, k: 5, consenting: 8, suppressedRows: 0, suppressedCells: 8, levels: { programme: 0, class: 1 } });
  });

  it('describes every variable in the codebook, with the suppressed value labelled', () => {
    const files = buildExportFiles(input(Array.from({ length: 5 }, (_, i) => person(i, 'A', 1))));
    const codebook = files.codebook as { variables: { id: string; quasiIdentifier: boolean; valueLabels?: Record<string, { nl: string; en: string }> }[] };
    expect(codebook.variables.map((v) => [v.id, v.quasiIdentifier])).toEqual([['pseudonym', false], ['programme', true], ['class', true], ['attendanceRate', false]]);
    expect(codebook.variables[2]!.valueLabels!['*']!.nl).toMatch(/Onderdrukt/);
  });

  it('says in the README what was suppressed, and exports no row below k', () => {
    const files = buildExportFiles(input(Array.from({ length: 3 }, (_, i) => person(i, 'A', 1))));
    expect(files.csv).toBe('pseudonym,programme,class,attendanceRate\r\n');
    expect(files.readme).toContain('Rows suppressed (left out): 3');
    expect(files.readme).toContain('text version 1');
  });
});
