import { describe, expect, it } from 'vitest';
import { TimetableImportError } from '../../domain/scheduling/timetable-ics';
import { weeklyTimetableIcs } from '../demo/weekly-timetable-ics';
import { parseTimetableInWorker, TIMETABLE_PARSES_AT_ONCE, timetableParseLoad, TimetableTooComplexError } from './parse-timetable';

const DATES = { firstDate: '2026-09-07', lastDate: '2026-11-06' };
const PERIOD = { periodStart: DATES.firstDate, periodEnd: DATES.lastDate };
const never = weeklyTimetableIcs({ name: 'x', classes: [{ day: 'mon', start: '09:00', end: '10:30', location: 'AMS 02.14', summary: 'Les' }], ...DATES }).replace(/RRULE:[^\r]*/, 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31');

describe('parseTimetableInWorker (worker thread)', () => {
  it('parses in a worker and keeps the raw LOCATION text for the caller to map', async () => {
    const text = weeklyTimetableIcs({ name: 'x', classes: [{ day: 'wed', start: '13:00', end: '15:00', location: 'AMS 03.01', summary: 'Les' }], ...DATES });
    const parsed = await parseTimetableInWorker({ text, ...PERIOD });
    expect(parsed.weeklyPattern).toEqual([{ day: 'wed', start: '13:00', end: '15:00', location: 'AMS 03.01' }]);
  }, 30_000);

  it('a refused file comes back as a TimetableImportError with its reason', async () => {
    const error = await parseTimetableInWorker({ text: never, ...PERIOD }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimetableImportError);
    expect((error as TimetableImportError).reason).toEqual({ kind: 'recurrence', rule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31' });
  }, 30_000);

  it('the time limit stops a parse that would not end (here: no step budget) and says so', async () => {
    const error = await parseTimetableInWorker({ text: never, ...PERIOD, maxRecurrenceSteps: Number.POSITIVE_INFINITY, maxStepsPerRule: Number.POSITIVE_INFINITY }, { timeLimitMs: 1_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimetableTooComplexError);
  }, 30_000);

  it(`parses at most ${TIMETABLE_PARSES_AT_ONCE} files at once; the rest wait their turn and all finish`, async () => {
    const slow = { text: never, ...PERIOD, maxRecurrenceSteps: Number.POSITIVE_INFINITY, maxStepsPerRule: Number.POSITIVE_INFINITY };
    const quick = weeklyTimetableIcs({ name: 'x', classes: [{ day: 'fri', start: '09:00', end: '10:00', location: 'AMS 02.14', summary: 'Les' }], ...DATES });
    // Two files that would never end take both slots until their time limit; the third waits.
    const stuck = [1, 2].map(() => parseTimetableInWorker(slow, { timeLimitMs: 2_000 }).catch((e: unknown) => e));
    const waiting = parseTimetableInWorker({ text: quick, ...PERIOD });
    expect(timetableParseLoad()).toEqual({ active: TIMETABLE_PARSES_AT_ONCE, waiting: 1 });
    for (const error of await Promise.all(stuck)) expect(error).toBeInstanceOf(TimetableTooComplexError);
    expect((await waiting).weeklyPattern).toEqual([{ day: 'fri', start: '09:00', end: '10:00', location: 'AMS 02.14' }]);
    expect(timetableParseLoad()).toEqual({ active: 0, waiting: 0 });
  }, 30_000);
});
