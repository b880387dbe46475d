import ICAL from 'ical.js';
import type { BusyBlock } from './instance.js';

/** One concrete class meeting, in the institution's local time. */
export type TimetableOccurrence = {
  uid: string;
  summary: string;
  /** Local date "YYYY-MM-DD" and weekday ("mon".."sun"). */
  date: string;
  day: string;
  start: string;
  end: string;
  /** Location id after `locationOf`, null when the event has none (or it maps to none). */
  location: string | null;
};

/** All-day events (holidays, exam weeks, "self-study day"): not classes, reported separately. */
export type AllDayEvent = { uid: string; summary: string; date: string };

export type ParsedTimetable = {
  occurrences: TimetableOccurrence[];
  allDay: AllDayEvent[];
  /** Classes that recur in most teaching weeks: the weekly busy pattern the solver uses. */
  weeklyPattern: BusyBlock[];
};

export type ParseTimetableIcsOptions = {
  text: string;
  /** Teaching period, inclusive local dates "YYYY-MM-DD". */
  periodStart: string;
  periodEnd: string;
  /** Local time zone of the institution (default Europe/Amsterdam). */
  timeZone?: string;
  /** Maps a raw LOCATION ("AMS WBH 02A45") to a location id; default: the text before the first space. */
  locationOf?: (raw: string) => string | null;
  /** Share of teaching weeks a class must occur in to be in the weekly pattern (default 0.5). */
  patternShare?: number;
};

/** A broken file: nothing is imported, and the message says where and what. */
export class TimetableImportError extends Error {
  readonly line: number;
  readonly problem: string;

  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.name = 'TimetableImportError';
    this.line = line;
    this.problem = problem;
  }
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const MAX_OCCURRENCES_PER_EVENT = 1000;

/**
 * Parses an iCalendar export of a timetable (Untis, Syllabus Plus, Xedule, Outlook …) into dated
 * class meetings within the teaching period and a representative weekly pattern. Recurrence
 * (RRULE, RDATE, EXDATE, moved occurrences by RECURRENCE-ID) and time zones from VTIMEZONE are
 * resolved by ical.js; times are converted to the institution's zone, since the exports disagree
 * on whether they write UTC, a Windows zone name or Europe/Amsterdam. Pure: text in, data out.
 */
export function parseTimetableIcs(options: ParseTimetableIcsOptions): ParsedTimetable {
  checkStructure(options.text);
  let root: ICAL.Component;
  try {
    const jcal: unknown = ICAL.parse(options.text);
    if (!Array.isArray(jcal) || typeof jcal[0] !== 'string') throw new TimetableImportError(1, 'expected exactly one VCALENDAR');
    root = new ICAL.Component(jcal);
  } catch (error) {
    if (error instanceof TimetableImportError) throw error;
    throw locate(options.text, error);
  }
  if (root.name !== 'vcalendar') throw new TimetableImportError(1, 'the file is not a VCALENDAR');
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    const id = tz.getFirstPropertyValue('tzid');
    if (typeof id === 'string' && !ICAL.TimezoneService.has(id)) ICAL.TimezoneService.register(tz);
  }
  const zone = options.timeZone ?? 'Europe/Amsterdam';
  const locationOf = options.locationOf ?? ((raw: string) => raw.trim().split(/\s+/)[0] || null);
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const local = (date: Date): { date: string; time: string; day: string } => {
    const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
    const ymd = `${parts['year']}-${parts['month']}-${parts['day']}`;
    return { date: ymd, time: `${parts['hour']}:${parts['minute']}`, day: WEEKDAYS[new Date(`${ymd}T12:00:00Z`).getUTCDay()] ?? 'mon' };
  };

  const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const masters = new Map<string, ICAL.Event>();
  for (const e of events) if (!e.isRecurrenceException()) masters.set(e.uid, e);
  for (const e of events) if (e.isRecurrenceException()) masters.get(e.uid)?.relateException(e);

  const occurrences: TimetableOccurrence[] = [];
  const allDay: AllDayEvent[] = [];
  const inPeriod = (date: string): boolean => date >= options.periodStart && date <= options.periodEnd;
  const add = (event: ICAL.Event, start: ICAL.Time, end: ICAL.Time): void => {
    if (start.isDate) {
      const date = start.toString().slice(0, 10);
      if (inPeriod(date)) allDay.push({ uid: event.uid, summary: event.summary ?? '', date });
      return;
    }
    const s = local(start.toJSDate());
    const e = local(end.toJSDate());
    if (!inPeriod(s.date)) return;
    const raw = event.location ?? '';
    occurrences.push({
      uid: event.uid, summary: event.summary ?? '', date: s.date, day: s.day, start: s.time,
      end: e.date === s.date ? e.time : '24:00', location: raw.trim() === '' ? null : locationOf(raw),
    });
  };
  // Orphan exceptions (RECURRENCE-ID without a master) are still single meetings.
  for (const e of events) if (e.isRecurrenceException() && !masters.has(e.uid)) add(e, e.startDate, e.endDate);
  for (const event of masters.values()) {
    try {
      if (!event.startDate) throw new Error('event has no DTSTART');
      if (!event.isRecurring()) {
        add(event, event.startDate, event.endDate);
        continue;
      }
      const it = event.iterator();
      for (let n = 0, next = it.next(); next && n < MAX_OCCURRENCES_PER_EVENT; n++, next = it.next()) {
        if (next.toString().slice(0, 10) > options.periodEnd) break;
        const details = event.getOccurrenceDetails(next);
        add(details.item, details.startDate, details.endDate);
      }
    } catch (error) {
      if (error instanceof TimetableImportError) throw error;
      const lines = options.text.split(/\r?\n/);
      const line = lines.findIndex((l) => l.startsWith('UID') && l.endsWith(event.uid)) + 1;
      throw new TimetableImportError(line || 1, `event ${event.uid}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  occurrences.sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start) || a.uid.localeCompare(b.uid));
  return { occurrences, allDay, weeklyPattern: weeklyPattern(occurrences, options.patternShare ?? 0.5) };
}

/** Classes (weekday, time, location) that occur in at least `share` of the weeks with any class. */
export function weeklyPattern(occurrences: readonly TimetableOccurrence[], share: number): BusyBlock[] {
  const weekOf = (date: string): number => Math.floor((Date.parse(`${date}T12:00:00Z`) / 86_400_000 + 3) / 7);
  const teachingWeeks = new Set(occurrences.map((o) => weekOf(o.date)));
  const weeksPerClass = new Map<string, Set<number>>();
  for (const o of occurrences) {
    const key = JSON.stringify([o.day, o.start, o.end, o.location]);
    const weeks = weeksPerClass.get(key) ?? new Set<number>();
    weeks.add(weekOf(o.date));
    weeksPerClass.set(key, weeks);
  }
  const result: BusyBlock[] = [];
  for (const [key, weeks] of weeksPerClass) {
    if (weeks.size < share * teachingWeeks.size) continue;
    const [day, start, end, location] = JSON.parse(key) as [string, string, string, string | null];
    result.push({ day, start, end, location });
  }
  const order = (d: string): number => WEEKDAYS.indexOf(d as (typeof WEEKDAYS)[number]);
  return result.sort((a, b) => order(a.day) - order(b.day) || a.start.localeCompare(b.start));
}

/**
 * Line-level checks ical.js does not report with a position: content lines need a name and a
 * colon, and BEGIN/END must nest. Folded lines (starting with a space or tab) belong to the
 * line before.
 */
function checkStructure(text: string): void {
  const lines = text.split(/\r?\n/);
  const stack: { name: string; line: number }[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (line === '' || line.startsWith(' ') || line.startsWith('\t')) return;
    if (!/^[A-Za-z0-9-]+(;[^:]*)?:/.test(line)) throw new TimetableImportError(n, `not a content line (NAME:value): "${line.slice(0, 60)}"`);
    const [name, value = ''] = [line.slice(0, line.indexOf(':')).toUpperCase(), line.slice(line.indexOf(':') + 1).trim().toUpperCase()];
    if (name === 'BEGIN') stack.push({ name: value, line: n });
    if (name === 'END') {
      const open = stack.pop();
      if (!open) throw new TimetableImportError(n, `END:${value} without a matching BEGIN`);
      if (open.name !== value) throw new TimetableImportError(n, `END:${value} closes BEGIN:${open.name} of line ${open.line}`);
    }
  });
  const unclosed = stack.pop();
  if (unclosed) throw new TimetableImportError(unclosed.line, `BEGIN:${unclosed.name} is never closed`);
  if (!/^BEGIN:VCALENDAR/i.test(text.trimStart())) throw new TimetableImportError(1, 'the file does not start with BEGIN:VCALENDAR');
}

/** Finds the line an ical.js parse error refers to (it quotes the offending text). */
function locate(text: string, error: unknown): TimetableImportError {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /"([^"]+)"/.exec(message)?.[1];
  const lines = text.split(/\r?\n/);
  const index = quoted === undefined ? -1 : lines.findIndex((l) => l.includes(quoted));
  return new TimetableImportError(index + 1 || 1, message);
}
