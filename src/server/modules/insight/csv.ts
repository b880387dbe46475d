/**
 * A dashboard table as CSV (semicolon-separated, as Dutch spreadsheets expect, with a BOM so
 * Excel reads UTF-8). Suppressed cells are written as the words the page shows ("<5"), never as
 * a number. Cells that start like a formula are quoted with a leading apostrophe.
 */
import type { InsightTable } from '../../../contracts/insight';

export function formatCell(value: string | number | null, kind: InsightTable['columns'][number]['kind'], suppressedText: string, locale: 'nl' | 'en'): string {
  if (value === null) return suppressedText;
  if (typeof value === 'string') return value;
  const decimal = (n: number, digits: number) => {
    const text = n.toFixed(digits);
    return locale === 'nl' ? text.replace('.', ',') : text;
  };
  switch (kind) {
    case 'share':
      return `${Math.round(value * 100)}%`;
    case 'cents':
      return decimal(value / 100, 2);
    case 'hours':
    case 'mean':
      return decimal(value, 1);
    default:
      return String(value);
  }
}

function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tableCsv(table: InsightTable, suppressedText: string, locale: 'nl' | 'en'): string {
  const lines = [table.columns.map((c) => csvCell(c.label)), ...table.rows.map((row) => row.map((v, i) => csvCell(formatCell(v, table.columns[i]?.kind ?? 'text', suppressedText, locale))))];
  return `\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;
}
