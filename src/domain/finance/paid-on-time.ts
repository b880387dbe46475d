/**
 * "Paid on time": the share of approved statements and claims paid by their promised date, per
 * month and per year of the promised date. An item counts once its promised date has passed (or
 * it was paid): paid on or before the date is on time; paid later, or still unpaid after it, is
 * late. Items not yet due and unpaid do not count yet.
 */
export type PayableItem = { promisedPayDate: string; paidOn: string | null };
export type OnTimeFigure = { period: string; due: number; onTime: number; late: number; share: number | null };

const figure = (period: string, due: number, onTime: number): OnTimeFigure => ({ period, due, onTime, late: due - onTime, share: due === 0 ? null : onTime / due });

/** Per month (`YYYY-MM`) and per year (`YYYY`), oldest first; `today` is YYYY-MM-DD. */
export function paidOnTime(items: readonly PayableItem[], today: string): { months: OnTimeFigure[]; years: OnTimeFigure[] } {
  const months = new Map<string, { due: number; onTime: number }>();
  const years = new Map<string, { due: number; onTime: number }>();
  for (const item of items) {
    const due = item.paidOn !== null || item.promisedPayDate < today;
    if (!due) continue;
    const onTime = item.paidOn !== null && item.paidOn <= item.promisedPayDate;
    for (const [map, key] of [[months, item.promisedPayDate.slice(0, 7)], [years, item.promisedPayDate.slice(0, 4)]] as const) {
      const c = map.get(key) ?? { due: 0, onTime: 0 };
      c.due += 1;
      if (onTime) c.onTime += 1;
      map.set(key, c);
    }
  }
  const sorted = (map: Map<string, { due: number; onTime: number }>) => [...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => figure(k, c.due, c.onTime));
  return { months: sorted(months), years: sorted(years) };
}

/** Whether an item is overdue on `today`: unpaid and its promised date has passed. */
export const isOverdue = (item: PayableItem, today: string) => item.paidOn === null && item.promisedPayDate < today;
