import ICAL from 'ical.js';
import { zoneOffsetMs } from '../sessions/zoned-time.js';
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
  /** Recurrence steps spent (candidate dates ical.js looked at, events and time zones together). */
  recurrenceSteps: number;
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
  /** Recurrence steps the whole file may take (default MAX_RECURRENCE_STEPS). */
  maxRecurrenceSteps?: number;
  /** Recurrence steps one rule may take (default MAX_STEPS_PER_RULE). */
  maxStepsPerRule?: number;
};

/**
 * Why a file was refused: a format error; a recurrence rule (RRULE) that yields no date or too
 * many to expand within the budget; a TZID with no VTIMEZONE that is no IANA zone either.
 */
export type TimetableImportReason = { kind: 'format' } | { kind: 'recurrence'; rule: string } | { kind: 'zone'; zone: string };

/** A broken file: nothing is imported, and the message says where and what. */
export class TimetableImportError extends Error {
  readonly line: number;
  readonly problem: string;
  readonly reason: TimetableImportReason;

  constructor(line: number, problem: string, reason: TimetableImportReason = { kind: 'format' }) {
    super(`line ${line}: ${problem}`);
    this.name = 'TimetableImportError';
    this.line = line;
    this.problem = problem;
    this.reason = reason;
  }
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const MAX_OCCURRENCES_PER_EVENT = 1000;
/**
 * Candidate dates ical.js may look at for one file. A weekly class from five years before the
 * period takes a few hundred; a rule that never matches (31 February) would take forever.
 */
export const MAX_RECURRENCE_STEPS = 100_000;
/**
 * Candidate dates one rule may take. Steps get dearer the further a rule runs past the present
 * (ical.js re-expands time zones as it goes), so a rule that never matches is stopped early:
 * 10,000 days is 27 years of a daily rule, and an event stops at 1,000 occurrences anyway.
 */
export const MAX_STEPS_PER_RULE = 10_000;
/** One step of a larger INTERVAL walks the calendar month by month inside ical.js, uncounted. */
const MAX_INTERVAL = 1000;
/** An event longer than this is not a class; its end would also be walked month by month. */
const MAX_EVENT_DAYS = 400;

/**
 * Counting recurrence steps. ical.js's RecurIterator.next() loops over candidate dates until one
 * passes the rule's limiting parts (`check_contracting_rules`, called once per candidate) and has
 * no limit of its own, so a rule that never matches loops forever inside one call. The wrapper
 * counts candidates against the budget of the parse that is running (parsing is synchronous, so
 * there is at most one) and throws when it is spent; outside a parse it only delegates. It covers
 * every iterator ical.js creates, including those that expand a VTIMEZONE's rules.
 */
class RecurrenceBudgetSpent extends Error {
  constructor(readonly rule: string) {
    super(`recurrence rule ${rule} needs more steps than allowed`);
  }
}
type Budget = { steps: number; readonly max: number; readonly maxPerRule: number; readonly perRule: WeakMap<object, number> };
let activeBudget: Budget | null = null;
type CountedIterator = { rule: ICAL.Recur; check_contracting_rules: (this: CountedIterator) => boolean };
const COUNTED = Symbol.for('peerkracht.ical.countedRecurIterator');
const iteratorPrototype = ICAL.RecurIterator.prototype as unknown as CountedIterator & { [COUNTED]?: true };
if (iteratorPrototype[COUNTED] !== true) {
  const check = iteratorPrototype.check_contracting_rules;
  iteratorPrototype.check_contracting_rules = function (this: CountedIterator): boolean {
    const budget = activeBudget;
    if (budget !== null) {
      const own = (budget.perRule.get(this) ?? 0) + 1;
      budget.perRule.set(this, own);
      if (++budget.steps > budget.max || own > budget.maxPerRule) throw new RecurrenceBudgetSpent(this.rule.toString());
    }
    return check.call(this);
  };
  iteratorPrototype[COUNTED] = true;
}

/**
 * Parses an iCalendar export of a timetable (Untis, Syllabus Plus, Xedule, Outlook …) into dated
 * class meetings within the teaching period and a representative weekly pattern. Recurrence
 * (RRULE, RDATE, EXDATE, moved occurrences by RECURRENCE-ID) and time zones from VTIMEZONE are
 * resolved by ical.js; times are converted to the institution's zone, since the exports disagree
 * on whether they write UTC, a Windows zone name or Europe/Amsterdam. Pure: text in, data out.
 */
export function parseTimetableIcs(options: ParseTimetableIcsOptions): ParsedTimetable {
  const budget: Budget = {
    steps: 0,
    max: options.maxRecurrenceSteps ?? MAX_RECURRENCE_STEPS,
    maxPerRule: options.maxStepsPerRule ?? MAX_STEPS_PER_RULE,
    perRule: new WeakMap(),
  };
  const outer = activeBudget;
  activeBudget = budget;
  try {
    return { ...parse(options), recurrenceSteps: budget.steps };
  } catch (error) {
    if (error instanceof RecurrenceBudgetSpent) throw recurrenceError(options.text, error.rule);
    throw error;
  } finally {
    activeBudget = outer;
  }
}

function parse(options: ParseTimetableIcsOptions): Omit<ParsedTimetable, 'recurrenceSteps'> {
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
  checkRules(root, options.text);
  // Time zones belong to this parse: the file's VTIMEZONEs, and for a TZID the file does not
  // define, the IANA zone of that name (from Intl), added to this file's tree. Nothing goes into
  // ical.js's process-wide TimezoneService, so one file cannot change how another is read.
  addIanaZones(root, options);
  const zone = options.timeZone ?? 'Europe/Amsterdam';
  const locationOf = options.locationOf ?? ((raw: string) => raw.trim().split(/\s+/)[0] || null);
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const pad = (n: number): string => String(n).padStart(2, '0');
  const local = (time: ICAL.Time): { date: string; time: string; day: string } => {
    let ymd: string;
    let hm: string;
    if (time.zone === ICAL.Timezone.localTimezone) {
      // Floating (no TZID, no Z): the clock time of wherever it is read — the institution's.
      ymd = `${String(time.year).padStart(4, '0')}-${pad(time.month)}-${pad(time.day)}`;
      hm = `${pad(time.hour)}:${pad(time.minute)}`;
    } else {
      const parts = Object.fromEntries(format.formatToParts(time.toJSDate()).map((p) => [p.type, p.value]));
      ymd = `${parts['year']}-${parts['month']}-${parts['day']}`;
      hm = `${parts['hour']}:${parts['minute']}`;
    }
    return { date: ymd, time: hm, day: WEEKDAYS[new Date(`${ymd}T12:00:00Z`).getUTCDay()] ?? 'mon' };
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
    const s = local(start);
    const e = local(end);
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
      if (Math.abs(event.duration.toSeconds()) > MAX_EVENT_DAYS * 86_400) throw new Error(`event lasts longer than ${MAX_EVENT_DAYS} days`);
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
      if (error instanceof TimetableImportError || error instanceof RecurrenceBudgetSpent) throw error;
      const lines = options.text.split(/\r?\n/);
      const line = lines.findIndex((l) => l.startsWith('UID') && l.endsWith(event.uid)) + 1;
      throw new TimetableImportError(line || 1, `event ${event.uid}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  occurrences.sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start) || a.uid.localeCompare(b.uid));
  return { occurrences, allDay, weeklyPattern: weeklyPattern(occurrences, options.patternShare ?? 0.5) };
}

/** The error for a rule that ran out of steps, at the first line that holds it (else line 1). */
function recurrenceError(text: string, rule: string): TimetableImportError {
  const line = text.split(/\r?\n/).findIndex((l) => {
    const match = /^RRULE(?:;[^:]*)?:(.*)$/i.exec(l);
    if (!match) return false;
    try {
      return ICAL.Recur.fromString(match[1] ?? '').toString() === rule;
    } catch {
      return false;
    }
  });
  return new TimetableImportError(line + 1 || 1, `the recurrence rule ${rule} yields no dates or too many to read`, { kind: 'recurrence', rule });
}

/** Rules ical.js would walk in uncounted steps: refused before anything is expanded. */
function checkRules(root: ICAL.Component, text: string): void {
  const visit = (component: ICAL.Component): void => {
    for (const property of component.getAllProperties('rrule')) {
      const rule = property.getFirstValue();
      if (rule instanceof ICAL.Recur && rule.interval > MAX_INTERVAL) throw recurrenceError(text, rule.toString());
    }
    component.getAllSubcomponents().forEach(visit);
  };
  visit(root);
}

/**
 * For every TZID the file uses but does not define, a VTIMEZONE of the IANA zone of that name
 * (Node's Intl has the IANA database), covering the years around the period, added to this
 * file's tree only. A name Intl does not know is refused, naming the zone and its first line.
 */
function addIanaZones(root: ICAL.Component, options: ParseTimetableIcsOptions): void {
  const defined = new Set(root.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))));
  const used = new Set<string>();
  const visit = (component: ICAL.Component): void => {
    if (component.name === 'vtimezone') return;
    for (const property of component.getAllProperties()) {
      const tzid = property.getParameter('tzid');
      if (typeof tzid === 'string' && !defined.has(tzid)) used.add(tzid);
    }
    component.getAllSubcomponents().forEach(visit);
  };
  visit(root);
  const fromYear = Number(options.periodStart.slice(0, 4)) - 1;
  const toYear = Number(options.periodEnd.slice(0, 4)) + 1;
  for (const zone of used) {
    if (!isIanaZone(zone)) {
      const line = options.text.split(/\r?\n/).findIndex((l) => /^[A-Za-z-]+;/.test(l) && l.includes(`TZID=${zone}`)) + 1;
      throw new TimetableImportError(line || 1, `time zone ${zone} is not defined in the file (VTIMEZONE) and is no known zone`, { kind: 'zone', zone });
    }
    root.addSubcomponent(new ICAL.Component(ICAL.parse(ianaVtimezone(zone, fromYear, toYear)) as unknown[]));
  }
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A VTIMEZONE text for an IANA zone from January of `fromYear` to the end of `toYear`: one
 * observance for the offset at the start (also used before it) and one per change, found by
 * looking at the offset every day and narrowing a change down to the minute.
 */
function ianaVtimezone(zone: string, fromYear: number, toYear: number): string {
  const DAY = 86_400_000;
  const MINUTE = 60_000;
  const offset = (ms: number): number => Math.round(zoneOffsetMs(new Date(ms), zone) / MINUTE) * MINUTE;
  const utcOffset = (ms: number): string => {
    const minutes = Math.abs(ms) / MINUTE;
    return `${ms < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
  };
  const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15);
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number): string[] =>
    [`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${utcOffset(from)}`, `TZOFFSETTO:${utcOffset(to)}`, `END:${kind}`];
  const begin = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const first = offset(begin);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observance('STANDARD', '16010101T000000', first, first)];
  let previous = first;
  for (let day = begin; day < end; day += DAY) {
    const next = offset(day + DAY);
    if (next === previous) continue;
    // The change lies in (day, day + DAY]: the first minute with the new offset.
    let low = day;
    let high = day + DAY;
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (offset(middle) === previous) low = middle;
      else high = middle;
    }
    lines.push(...observance(next > previous ? 'DAYLIGHT' : 'STANDARD', stamp(high + previous), previous, next));
    previous = next;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
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
