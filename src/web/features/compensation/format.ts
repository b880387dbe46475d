/** Money, hours and months as a coach reads them, in the chosen language. */
import { formatDate, todayInAmsterdam } from '../../format';

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'nl-NL');

export const euros = (cents: number, lang: string) => new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100);
export const hours = (minutes: number, lang: string) => new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minutes / 60);
export const monthName = (month: string, lang: string) => formatDate(`${month}-15`, 'monthYear', lang);
export const dayName = (date: string, lang: string) => formatDate(date, 'long', lang);
/** The month before the current one (YYYY-MM), in Amsterdam. */
export const lastMonth = () => {
  const [y, m] = todayInAmsterdam().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
