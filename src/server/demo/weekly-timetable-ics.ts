/**
 * Writes a weekly class timetable as an iCalendar file shaped like a Xedule export (VTIMEZONE
 * Europe/Amsterdam, one recurring event per class, RRULE weekly until the period's end). The demo
 * uploads these through the real import; tests use them as realistic input.
 */
import { addDays, weekdayOf } from '../../domain/sessions/zoned-time';

export type WeeklyClass = { day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri'; start: string; end: string; location: string; summary: string };

const BYDAY = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR' } as const;
const ISO = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5 } as const;

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const stamp = (date: string, time: string) => `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;

export function weeklyTimetableIcs(options: { name: string; classes: WeeklyClass[]; firstDate: string; lastDate: string }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Xedule//Rooster//NL', `X-WR-CALNAME:${options.name}`, ...VTIMEZONE];
  options.classes.forEach((c, i) => {
    const first = addDays(options.firstDate, (ISO[c.day] - weekdayOf(options.firstDate) + 7) % 7);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${options.name.replace(/\W/g, '')}-${i}-${c.day}@rooster.example`,
      'DTSTAMP:20260801T070000Z',
      `DTSTART;TZID=Europe/Amsterdam:${stamp(first, c.start)}`,
      `DTEND;TZID=Europe/Amsterdam:${stamp(first, c.end)}`,
      `RRULE:FREQ=WEEKLY;UNTIL=${stamp(addDays(options.lastDate, 1), '00:00')}Z;BYDAY=${BYDAY[c.day]}`,
      `SUMMARY:${c.summary}`,
      `LOCATION:${c.location}`,
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
