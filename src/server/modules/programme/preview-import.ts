import type { ImportPreviewResponse } from '../../../contracts/programme';
import { guessMapping, missingFields, type ColumnMapping } from '../../../domain/programme/student-rows';
import type { Services } from '../../context';
import { countExisting, importSuggestsPriorEducation, splitRows } from './import-students';
import { parseCsv } from './parse-csv';

const SAMPLE_ROWS = 20;
const MAX_ERRORS_SHOWN = 1000;

export type PreviewImportOptions = { services: Services; institutionId: string; csv: string; mapping: ColumnMapping | null };

/** Reads the file, proposes (or applies) a column mapping, and checks every row without writing. */
export async function previewImport({ services, institutionId, csv, mapping }: PreviewImportOptions): Promise<ImportPreviewResponse> {
  const { headers, rows } = parseCsv(csv);
  const used = mapping ?? guessMapping(headers);
  const missing = missingFields(used);
  const { good, bad, checked } = missing.length === 0 ? splitRows(rows, used) : { good: [], bad: [], checked: [] };
  const existing = await countExisting(services.db, institutionId, good.map((g) => g.row.studentNumber));
  return {
    headers,
    mapping: { ...used, priorEducation: used.priorEducation ?? null },
    missingFields: missing,
    total: rows.length,
    valid: good.length,
    existing,
    priorEducationSuggestions: await importSuggestsPriorEducation(services.db, institutionId),
    sample: rows.slice(0, SAMPLE_ROWS).map((cells, i) => {
      const result = checked[i]?.result;
      return { line: i + 2, cells: [...cells], errors: result && !result.ok ? result.errors : [] };
    }),
    rowErrors: bad.slice(0, MAX_ERRORS_SHOWN),
  };
}
