import type { BusyBlock } from './instance.js';
import { parseClock } from './time.js';

export type TimetableCsvRowError = { line: number; problem: string };

export type ParsedTimetableCsv = {
  /** Weekly busy blocks per person, from the valid rows. */
  people: { id: string; busy: BusyBlock[] }[];
  /** One entry per rejected row: the caller shows them and decides whether to import the rest. */
  errors: TimetableCsvRowError[];
};

const DAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/**
 * Timetable rows from a student-information-system export: header `person,day,start,end,location`
 * (location empty = unavailable off campus), one weekly class per row. Every row is checked on
 * its own and reported with its line number, as for the student import.
 */
export function parseTimetableCsv(text: string): ParsedTimetableCsv {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const expected = ['person', 'day', 'start', 'end', 'location'];
  if (expected.some((h, i) => header[i] !== h)) {
    return { people: [], errors: [{ line: 1, problem: `expected the header "${expected.join(',')}"` }] };
  }
  const byPerson = new Map<string, BusyBlock[]>();
  const errors: TimetableCsvRowError[] = [];
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const cells = raw.split(',').map((c) => c.trim());
    const [person = '', day = '', start = '', end = '', location = ''] = cells;
    const problem =
      cells.length !== 5 ? `expected 5 columns, found ${cells.length}`
      : person === '' ? 'person is empty'
      : !DAYS.has(day.toLowerCase()) ? `unknown day "${day}" (use mon … sun)`
      : parseClock(start) === null ? `start "${start}" is not a time HH:MM`
      : parseClock(end) === null ? `end "${end}" is not a time HH:MM`
      : (parseClock(start) ?? 0) >= (parseClock(end) ?? 0) ? 'start must be before end'
      : null;
    if (problem) {
      errors.push({ line, problem });
      return;
    }
    const list = byPerson.get(person) ?? [];
    list.push({ day: day.toLowerCase(), start, end, location: location === '' ? null : location });
    byPerson.set(person, list);
  });
  return { people: [...byPerson].map(([id, busy]) => ({ id, busy })), errors };
}
