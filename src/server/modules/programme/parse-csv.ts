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
    throw unreadable(text, error);
  }
  const [headers, ...rows] = records;
  if (!headers || headers.length === 0) throw new AppError('import_unreadable', 'no header row');
  return { headers, rows };
}

/**
 * A broken file names the line and the problem where the parser can tell (quotes, the usual
 * damage from hand edits); anything else is "not a CSV file". The log message holds no content.
 */
function unreadable(text: string, error: unknown): AppError {
  const e = (error ?? {}) as { code?: unknown; lines?: unknown; bytes?: unknown };
  if (e.code === 'CSV_QUOTE_NOT_CLOSED' && typeof e.bytes === 'number') {
    // The parser reports where the file ended; `bytes` is where the unclosed field's record went
    // on from, which is on the line the quote was opened.
    const line = Buffer.from(text).subarray(0, e.bytes).toString().split('\n').length;
    return new AppError('import_quote_not_closed', 'csv quote not closed', { line });
  }
  if ((e.code === 'CSV_INVALID_CLOSING_QUOTE' || e.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') && typeof e.lines === 'number') {
    return new AppError('import_invalid_quote', 'csv text after a closing quote', { line: e.lines });
  }
  return new AppError('import_unreadable', typeof e.code === 'string' ? e.code : 'csv parse failed');
}
