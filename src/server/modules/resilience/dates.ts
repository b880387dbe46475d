/** Calendar dates as the programme sees them: in the Netherlands. */
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export const localDate = (at: Date): string => DAY.format(at);
