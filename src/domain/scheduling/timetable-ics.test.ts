import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTimetableIcs, TimetableImportError } from './timetable-ics.js';

const dir = path.resolve(import.meta.dirname, '../../../test/fixtures/timetables');
const fixture = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
const period = { periodStart: '2024-09-02', periodEnd: '2024-11-08' };
/** Campus = the three letters before the building name in every export we have seen. */
const campus = (raw: string): string | null => /^(AMS|DIE)/.exec(raw.trim())?.[1] ?? null;

describe('parseTimetableIcs', () => {
  it('Untis: one event per meeting, autumn break left out, weekly pattern', () => {
    const t = parseTimetableIcs({ text: fixture('untis.ics'), ...period, locationOf: campus });
    expect(t.occurrences).toHaveLength(27);
    expect(t.occurrences[0]).toMatchObject({ date: '2024-09-02', day: 'mon', start: '09:00', end: '10:30', location: 'AMS', summary: 'Programmeren' });
    expect(t.weeklyPattern).toEqual([
      { day: 'mon', start: '09:00', end: '10:30', location: 'AMS' },
      { day: 'mon', start: '10:45', end: '12:15', location: 'AMS' },
      { day: 'wed', start: '13:00', end: '14:30', location: 'DIE' },
    ]);
  });

  it('Syllabus Plus: UTC times become local times on both sides of the DST change', () => {
    const t = parseTimetableIcs({ text: fixture('syllabus-plus.ics'), ...period, locationOf: campus });
    const statistics = t.occurrences.filter((o) => o.summary.startsWith('Statistiek'));
    expect(new Set(statistics.map((o) => `${o.day} ${o.start}-${o.end}`))).toEqual(new Set(['tue 14:45-16:15']));
    expect(statistics.map((o) => o.date)).toContain('2024-10-29');
    expect(t.weeklyPattern).toEqual([
      { day: 'tue', start: '14:45', end: '16:15', location: 'DIE' },
      { day: 'thu', start: '09:00', end: '10:30', location: 'AMS' },
    ]);
  });

  it('Xedule: RRULE with UNTIL/COUNT, EXDATE and folded lines', () => {
    const t = parseTimetableIcs({ text: fixture('xedule.ics'), ...period, locationOf: campus });
    const tuesdays = t.occurrences.filter((o) => o.day === 'tue').map((o) => o.date);
    expect(tuesdays).toHaveLength(9);
    expect(tuesdays).not.toContain('2024-10-22');
    const thursdays = t.occurrences.filter((o) => o.day === 'thu');
    expect(thursdays).toHaveLength(9);
    expect(thursdays[0]).toMatchObject({ start: '16:30', end: '18:00', location: 'DIE' });
  });

  it('Outlook: Windows zone, moved occurrence, all-day event reported but not a class, no location', () => {
    const t = parseTimetableIcs({ text: fixture('outlook.ics'), ...period, locationOf: campus });
    const law = t.occurrences.filter((o) => o.summary.startsWith('Werkcollege'));
    expect(law).toHaveLength(9);
    expect(law.find((o) => o.date === '2024-09-19')).toMatchObject({ day: 'thu', start: '13:00', location: 'DIE' });
    expect(law.map((o) => o.date)).not.toContain('2024-09-18');
    expect(t.allDay).toEqual([{ uid: '040000008200E00074C5B7101A82E00800000000C3D4', summary: 'Studiedag (geen les)', date: '2024-10-02' }]);
    const job = t.occurrences.filter((o) => o.summary === 'Bijbaan');
    expect(job).toHaveLength(10);
    expect(job[0]).toMatchObject({ location: null, start: '17:00', end: '21:00' });
    expect(t.weeklyPattern).toContainEqual({ day: 'wed', start: '09:00', end: '10:30', location: 'AMS' });
    expect(t.weeklyPattern).toContainEqual({ day: 'fri', start: '17:00', end: '21:00', location: null });
  });

  it.each([
    ['broken-unclosed.ics', 7, 'closes BEGIN:VEVENT of line 3'],
    ['broken-line.ics', 6, 'not a content line'],
  ])('%s: an error with the line and the problem, nothing imported', (name, line, problem) => {
    let error: unknown;
    try {
      parseTimetableIcs({ text: fixture(name), ...period });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TimetableImportError);
    expect((error as TimetableImportError).line).toBe(line);
    expect((error as TimetableImportError).problem).toContain(problem);
  });

  it('an invalid recurrence rule names the event line', () => {
    const text = fixture('xedule.ics').replace('RRULE:FREQ=WEEKLY;COUNT=10', 'RRULE:FREQ=SOMETIMES;COUNT=10');
    expect(() => parseTimetableIcs({ text, ...period })).toThrow(TimetableImportError);
  });
});
