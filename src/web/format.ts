/**
 * Dates and times as the programme reads them: always Amsterdam time (whatever the browser's
 * time zone), in the chosen language, never with seconds. Every screen formats through here;
 * ESLint refuses `toLocaleDateString`, `toLocaleTimeString`, `new Date(…).toLocaleString` and
 * `new Intl.DateTimeFormat` elsewhere in the web client.
 */
// The one i18next instance (configured in ./i18n.ts): its language is the one chosen.
import i18n from 'i18next';

export const TIME_ZONE = 'Europe/Amsterdam';

type Language = string | undefined;

const localeOf = (language: Language) => ((language ?? i18n.language) === 'en' ? 'en-GB' : 'nl-NL');

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// Building an Intl.DateTimeFormat costs far more than formatting with one (a list of 20 sessions
// spent ~25 ms of a phone's first render building them, #20 item 7): each is built once and kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/**
 * A calendar date ("2026-10-06") is a day, not an instant: it is shown as that day everywhere.
 * An instant (an ISO timestamp or a Date) is shown as the day it is in Amsterdam.
 */
function format(value: string | Date, options: Intl.DateTimeFormatOptions, language: Language): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) {
    return formatter(localeOf(language), { ...options, timeZone: 'UTC' }).format(new Date(`${value}T12:00:00Z`));
  }
  return formatter(localeOf(language), { ...options, timeZone: TIME_ZONE }).format(typeof value === 'string' ? new Date(value) : value);
}

const DATE_STYLES = {
  /** 6 oktober 2026 */
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  /** 6 okt 2026 */
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  /** dinsdag 6 oktober 2026 */
  full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  /** di 6 okt */
  weekday: { weekday: 'short', day: 'numeric', month: 'short' },
  /** 6 oktober */
  dayMonth: { day: 'numeric', month: 'long' },
  /** 6 okt */
  short: { day: 'numeric', month: 'short' },
  /** oktober 2026 */
  monthYear: { month: 'long', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof DATE_STYLES;

const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } satisfies Intl.DateTimeFormatOptions;

/** A date, e.g. "6 oktober 2026" / "6 October 2026". */
export function formatDate(value: string | Date, style: DateStyle = 'long', language?: Language): string {
  return format(value, DATE_STYLES[style], language);
}

/** A date with its time of day in 24 hours, e.g. "6 okt 2026, 15:30"; never seconds. */
export function formatDateTime(value: string | Date, style: DateStyle = 'medium', language?: Language): string {
  return format(value, { ...DATE_STYLES[style], ...CLOCK }, language);
}

/**
 * Builds the first Amsterdam formatter ahead of time. The first `Intl.DateTimeFormat` with a time
 * zone loads the browser's time-zone data: ~55 ms on a phone-speed CPU (4× slowed), against ~1 ms
 * for every later one (#20 item 7). `main.tsx` calls this while the app waits for its messages
 * and data, so that cost is not paid in the page's first render after the data has arrived.
 */
export function prepareFormatting(language: 'nl' | 'en'): void {
  formatter(localeOf(language), { ...DATE_STYLES.weekday, ...CLOCK, timeZone: TIME_ZONE });
}

/** The time of day in Amsterdam, e.g. "15:30". */
export function formatTime(value: string | Date, language?: Language): string {
  return format(value, CLOCK, language);
}

/** An instant's Amsterdam date and time as form fields hold them: { date: "2026-10-06", time: "15:30" }. */
export function amsterdamParts(value: string | Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    formatter('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', ...CLOCK })
      .formatToParts(typeof value === 'string' ? new Date(value) : value)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Today's date in Amsterdam, "2026-10-06". */
export function todayInAmsterdam(now: Date = new Date()): string {
  return amsterdamParts(now).date;
}
