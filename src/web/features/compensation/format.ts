/** Money, hours and months as a coach reads them, in the chosen language. */
const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'nl-NL');

export const euros = (cents: number, lang: string) => new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100);
export const hours = (minutes: number, lang: string) => new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minutes / 60);
export const monthName = (month: string, lang: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 15)).toLocaleDateString(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' });
export const dayName = (date: string, lang: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** The month before the current one (YYYY-MM), in Amsterdam. */
export const lastMonth = () => {
  const [y, m] = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
