/** Dates and slots in the reader's language (Amsterdam time). */
import i18n from '../../i18n';
import { formatDate as formatAny, formatDateTime as formatMoment } from '../../format';

export const formatDate = (date: string) => formatAny(date, 'long');

/** "2026-10-06" → "6 oktober" / "6 October". */
export const formatDayMonth = (date: string) => formatAny(date, 'dayMonth');

export const formatDateTime = (iso: string) => formatMoment(iso, 'short');

/** "2027-02-02" → "di 2 feb" / "Tue 2 Feb". */
export const formatWeekdayDate = (date: string) => formatAny(date, 'weekday');

/** "mon" → "maandag" / "Monday". */
export const dayName = (day: string) => i18n.t(`scheduling.days.${day}`);

export const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
