/** Dates and slots in the reader's language (Amsterdam time). */
import i18n from '../../i18n';

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'nl-NL');

export const formatDate = (date: string) =>
  new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** "2026-10-06" → "6 oktober" / "6 October". */
export const formatDayMonth = (date: string) =>
  new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

/** "mon" → "maandag" / "Monday". */
export const dayName = (day: string) => i18n.t(`scheduling.days.${day}`);

export const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
