import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTimetableCsv } from './timetable-csv.js';

const dir = path.resolve(import.meta.dirname, '../../../test/fixtures/timetables');

describe('parseTimetableCsv', () => {
  it('reads weekly rows per person; an empty location is off campus', () => {
    const parsed = parseTimetableCsv(readFileSync(path.join(dir, 'timetable.csv'), 'utf8'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.people).toEqual([
      { id: 's001', busy: [{ day: 'mon', start: '09:00', end: '10:30', location: 'AMS' }, { day: 'wed', start: '13:00', end: '14:30', location: 'DIE' }] },
      { id: 's002', busy: [{ day: 'tue', start: '10:45', end: '12:15', location: 'AMS' }] },
      { id: 'k001', busy: [{ day: 'fri', start: '17:00', end: '21:00', location: null }] },
    ]);
  });

  it('answers per row with the line and the problem', () => {
    const text = 'person,day,start,end,location\ns1,mon,09:00,10:30,AMS\ns2,maandag,09:00,10:30,AMS\ns3,tue,9:00,10:30,AMS\ns4,wed,11:00,10:00,AMS\ns5,thu,09:00\n';
    const parsed = parseTimetableCsv(text);
    expect(parsed.people.map((p) => p.id)).toEqual(['s1']);
    expect(parsed.errors).toEqual([
      { line: 3, problem: 'unknown day "maandag" (use mon … sun)' },
      { line: 4, problem: 'start "9:00" is not a time HH:MM' },
      { line: 5, problem: 'start must be before end' },
      { line: 6, problem: 'expected 5 columns, found 3' },
    ]);
  });

  it('rejects a file without the expected header', () => {
    expect(parseTimetableCsv('naam,dag\n').errors).toEqual([{ line: 1, problem: 'expected the header "person,day,start,end,location"' }]);
  });
});
