import { readFileSync } from 'node:fs';
import fc from 'fast-check';
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

/** A minimal export: one event, optionally a VTIMEZONE and an RRULE. */
function calendar(options: { dtstart: string; dtend: string; rrule?: string; vtimezone?: string[]; extra?: string[] }): string {
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//NL',
    ...(options.vtimezone ?? []),
    'BEGIN:VEVENT', 'UID:class-1@rooster.example', 'DTSTAMP:20260801T070000Z',
    options.dtstart, options.dtend,
    ...(options.rrule === undefined ? [] : [options.rrule]),
    ...(options.extra ?? []),
    'SUMMARY:Les', 'LOCATION:AMS 02.14', 'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}
const autumn = { periodStart: '2026-09-07', periodEnd: '2026-11-06' };
const amsterdam = { dtstart: 'DTSTART;TZID=Europe/Amsterdam:20260907T090000', dtend: 'DTEND;TZID=Europe/Amsterdam:20260907T103000' };
const errorOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('parseTimetableIcs: recurrence rules are bounded', () => {
  it('a rule that never yields a date (31 February) stops within the step budget and names the rule and its line', () => {
    const text = calendar({ ...amsterdam, rrule: 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31' });
    const error = errorOf(() => parseTimetableIcs({ text, ...autumn }));
    expect(error).toBeInstanceOf(TimetableImportError);
    expect((error as TimetableImportError).reason).toEqual({ kind: 'recurrence', rule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31' });
    expect((error as TimetableImportError).line).toBe(9);
  });

  it('a rule in a VTIMEZONE is bounded too', () => {
    const vtimezone = ['BEGIN:VTIMEZONE', 'TZID:Europe/Amsterdam', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'RRULE:FREQ=SECONDLY', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE'];
    const error = errorOf(() => parseTimetableIcs({ text: calendar({ ...amsterdam, vtimezone }), ...autumn }));
    expect((error as TimetableImportError).reason).toEqual({ kind: 'recurrence', rule: 'FREQ=SECONDLY' });
    expect((error as TimetableImportError).line).toBe(8);
  });

  it('an interval too large to step through is refused before expanding', () => {
    const error = errorOf(() => parseTimetableIcs({ text: calendar({ ...amsterdam, rrule: 'RRULE:FREQ=DAILY;INTERVAL=999999999999' }), ...autumn }));
    expect((error as TimetableImportError).reason).toEqual({ kind: 'recurrence', rule: 'FREQ=DAILY;INTERVAL=999999999999' });
  });

  it('an event that lasts longer than 400 days is refused (its end would be walked month by month)', () => {
    const text = calendar({ ...amsterdam, dtend: 'DTEND;TZID=Europe/Amsterdam:99991231T103000', rrule: 'RRULE:FREQ=WEEKLY;COUNT=1000' });
    const error = errorOf(() => parseTimetableIcs({ text, ...autumn }));
    expect(error).toBeInstanceOf(TimetableImportError);
    expect((error as TimetableImportError).problem).toContain('longer than 400 days');
  });

  it('property: any RRULE, in an event or a VTIMEZONE, finishes within the step budget', () => {
    const budget = 20_000;
    const part = (name: string, values: fc.Arbitrary<string>) => fc.option(values.map((v) => `${name}=${v}`), { nil: undefined });
    const list = (min: number, max: number) => fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(','));
    const day = fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU');
    const rule = fc
      .tuple(
        fc.constantFrom('SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
        part('INTERVAL', fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 2_000_000_000 })).map(String)),
        part('COUNT', fc.integer({ min: 1, max: 100_000 }).map(String)),
        part('UNTIL', fc.constantFrom('20261231T000000Z', '99991231T235959Z', '19700101T000000Z')),
        part('BYMONTH', list(1, 12)),
        part('BYMONTHDAY', list(-31, 31).filter((s) => !s.split(',').includes('0'))),
        part('BYDAY', fc.array(fc.tuple(fc.constantFrom('', '1', '-1', '5', '-5', '53'), day).map(([n, d]) => n + d), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(','))),
        part('BYYEARDAY', list(-366, 366).filter((s) => !s.split(',').includes('0'))),
        part('BYWEEKNO', list(-53, 53).filter((s) => !s.split(',').includes('0'))),
        part('BYHOUR', list(0, 23)),
        part('BYSETPOS', list(-3, 3).filter((s) => !s.split(',').includes('0'))),
      )
      .map(([freq, ...parts]) => ['FREQ=' + freq, ...parts.filter((p) => p !== undefined)].join(';'));
    fc.assert(
      fc.property(rule, fc.boolean(), fc.constantFrom('00010101', '19000101', '20260907', '99990101'), (r, inZone, startDay) => {
        const vtimezone = ['BEGIN:VTIMEZONE', 'TZID:Europe/Amsterdam', 'BEGIN:STANDARD', 'DTSTART:19701025T030000', `RRULE:${inZone ? r : 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'}`, 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE'];
        const [dtstart, dtend] = [`DTSTART;TZID=Europe/Amsterdam:${startDay}T090000`, `DTEND;TZID=Europe/Amsterdam:${startDay}T103000`];
        const text = calendar({ dtstart, dtend, vtimezone, rrule: inZone ? 'RRULE:FREQ=WEEKLY;COUNT=3' : `RRULE:${r}` });
        try {
          const parsed = parseTimetableIcs({ text, ...autumn, maxRecurrenceSteps: budget });
          expect(parsed.recurrenceSteps).toBeLessThanOrEqual(budget);
        } catch (error) {
          expect(error).toBeInstanceOf(TimetableImportError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseTimetableIcs: time zones', () => {
  it('a TZID without a VTIMEZONE is the IANA zone it names, on both sides of the DST change', () => {
    const t = parseTimetableIcs({ text: calendar({ ...amsterdam, rrule: 'RRULE:FREQ=WEEKLY;COUNT=9' }), ...autumn });
    expect(t.occurrences.map((o) => `${o.date} ${o.start}-${o.end}`)).toContain('2026-10-19 09:00-10:30');
    expect(t.occurrences.map((o) => `${o.date} ${o.start}-${o.end}`)).toContain('2026-11-02 09:00-10:30');
    expect(new Set(t.occurrences.map((o) => `${o.day} ${o.start}-${o.end}`))).toEqual(new Set(['mon 09:00-10:30']));
    const newYork = parseTimetableIcs({ text: calendar({ dtstart: 'DTSTART;TZID=America/New_York:20261102T090000', dtend: 'DTEND;TZID=America/New_York:20261102T100000' }), ...autumn });
    // 09:00 in New York on 2 November (EST, UTC-5; Amsterdam is on CET, UTC+1) is 15:00 in Amsterdam.
    expect(newYork.occurrences[0]).toMatchObject({ date: '2026-11-02', start: '15:00', end: '16:00' });
  });

  it('an unknown TZID without a VTIMEZONE is refused, naming the zone and its line', () => {
    const text = calendar({ dtstart: 'DTSTART;TZID=Mars/Olympus_Mons:20260907T090000', dtend: 'DTEND;TZID=Mars/Olympus_Mons:20260907T103000' });
    const error = errorOf(() => parseTimetableIcs({ text, ...autumn }));
    expect(error).toBeInstanceOf(TimetableImportError);
    expect((error as TimetableImportError).reason).toEqual({ kind: 'zone', zone: 'Mars/Olympus_Mons' });
    expect((error as TimetableImportError).line).toBe(7);
  });

  it("a file's VTIMEZONE applies to that file only: a later file without one reads the real zone", () => {
    const plus14 = ['BEGIN:VTIMEZONE', 'TZID:Europe/Amsterdam', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+1400', 'TZOFFSETTO:+1400', 'END:STANDARD', 'END:VTIMEZONE'];
    const malicious = parseTimetableIcs({ text: calendar({ ...amsterdam, vtimezone: plus14 }), ...autumn, periodStart: '2026-09-01' });
    expect(malicious.occurrences[0]).toMatchObject({ date: '2026-09-06', start: '21:00' });
    const clean = parseTimetableIcs({ text: calendar(amsterdam), ...autumn });
    expect(clean.occurrences[0]).toMatchObject({ date: '2026-09-07', start: '09:00', end: '10:30' });
  });

  it('a floating time (no TZID, no Z) is read in the institution zone, whatever the server zone', () => {
    const serverZone = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
    try {
      const t = parseTimetableIcs({ text: calendar({ dtstart: 'DTSTART:20260907T090000', dtend: 'DTEND:20260907T103000' }), ...autumn });
      expect(t.occurrences[0]).toMatchObject({ date: '2026-09-07', start: '09:00', end: '10:30' });
    } finally {
      if (serverZone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = serverZone;
    }
  });
});
