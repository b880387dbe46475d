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
/** An amount as the coordinator types it: "2,50" in Dutch, "2.50" in English. */
export const moneyText = (cents: number, lang: string) => new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);
/** Cents from a typed amount ("2,50", "2.50", "€ 5", "5"); NaN when it is not an amount with at most two decimals. */
export const centsFromText = (text: string): number => {
  const match = /^\s*(?:€\s*)?(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return Number.NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
};
