/** CSV at the edge: a student-information-system export as header + rows of cells. */
import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors/app-error';

/** Osiris and Excel in Dutch settings write semicolons; others commas or tabs. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n/) === -1 ? undefined : text.search(/\r?\n/));
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best), [',', 0] as readonly [string, number])[0];
}

export function parseCsv(text: string): { headers: string[]; rows: string[][] } {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new AppError('import_unreadable', error instanceof Error ? error.message : 'csv parse failed');
  }
  const [headers, ...rows] = records;
  if (!headers || headers.length === 0) throw new AppError('import_unreadable', 'no header row');
  return { headers, rows };
}
