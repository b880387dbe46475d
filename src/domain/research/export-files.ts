/**
 * The three files of a research export (issue 19): `data.csv` (UTF-8, comma-separated, the
 * pseudonym first), `codebook.json` (every variable with its type, value labels in Dutch and
 * English and whether it is a quasi-identifier) and `README.md` (the study, the consent text
 * version, the counts and the suppression applied). Pure: the server gathers the values, this
 * makes them k-anonymous and writes the files. Free text never gets here: every value is a code
 * or a number.
 */
import { anonymise, SUPPRESSED } from './k-anonymity';

export type Localised = { nl: string; en: string };

export type ExportVariable = {
  id: string;
  type: 'category' | 'integer' | 'number';
  quasiIdentifier: boolean;
  label: Localised;
  description: Localised;
};

export type PersonValues = {
  pseudonym: string;
  /** Per quasi-identifier (in variable order): the ladder of codes, exact first. */
  ladders: Record<string, string[]>;
  /** Per other variable: a number, a category code (never free text), or null for "not applicable". */
  measures: Record<string, number | string | null>;
};

export type ExportInput = {
  study: { id: string; title: string; question: string; periodStart: string; periodEnd: string; programmes: Localised[] };
  variables: ExportVariable[];
  /** Code → label of every code a quasi-identifier's ladders may hold. */
  valueLabels: Record<string, Record<string, Localised>>;
  people: PersonValues[];
  k: number;
  consent: { id: string; version: number };
  /** People in the study's programmes, and how many of them held the research consent. */
  population: number;
  madeAt: string;
};

export type ExportFiles = {
  csv: string;
  codebook: unknown;
  readme: string;
  counts: { rows: number; k: number; consenting: number; suppressedRows: number; suppressedCells: number; levels: Record<string, number> };
};

const SUPPRESSED_LABEL: Localised = { nl: 'Onderdrukt (k-anonimiteit)', en: 'Suppressed (k-anonymity)' };

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const formatValue = (type: ExportVariable['type'], value: number | string | null) =>
  value === null ? '' : typeof value === 'string' ? value : type === 'integer' ? String(Math.round(value)) : String(Math.round(value * 100) / 100);

export function buildExportFiles(input: ExportInput): ExportFiles {
  const qis = input.variables.filter((v) => v.quasiIdentifier);
  const ordered = [...input.people].sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
  const result = anonymise({ k: input.k, rows: ordered.map((p) => qis.map((v) => p.ladders[v.id] ?? [SUPPRESSED])) });

  const header = ['pseudonym', ...input.variables.map((v) => v.id)];
  const lines = [header.join(',')];
  ordered.forEach((person, i) => {
    const generalised = result.values[i];
    if (!generalised) return;
    const cells = input.variables.map((v) => (v.quasiIdentifier ? generalised[qis.indexOf(v)]! : formatValue(v.type, person.measures[v.id] ?? null)));
    lines.push([person.pseudonym, ...cells].map(csvCell).join(','));
  });

  const levels = Object.fromEntries(qis.map((v, i) => [v.id, result.levels[i]!]));
  const codebook = {
    study: input.study.id,
    k: input.k,
    missingValue: '',
    variables: [
      { id: 'pseudonym', type: 'string', quasiIdentifier: false, label: { nl: 'Pseudoniem (alleen binnen dit onderzoek)', en: 'Pseudonym (within this study only)' }, description: { nl: 'Een sleutel-hash per persoon en per onderzoek: niet terug te rekenen en niet te koppelen aan andere onderzoeken.', en: 'A keyed hash per person and per study: it cannot be reversed or linked to other studies.' } },
      ...input.variables.map((v) => ({
        id: v.id,
        type: v.type,
        quasiIdentifier: v.quasiIdentifier,
        label: v.label,
        description: v.description,
        ...(v.quasiIdentifier ? { valueLabels: { ...(input.valueLabels[v.id] ?? {}), [SUPPRESSED]: SUPPRESSED_LABEL } } : input.valueLabels[v.id] || v.type === 'category' ? { valueLabels: input.valueLabels[v.id] ?? {} } : {}),
      })),
    ],
  };

  const counts = { rows: result.keptRows, k: input.k, consenting: input.people.length, suppressedRows: result.suppressedRows, suppressedCells: result.suppressedCells, levels };
  const readme = [
    `# ${input.study.title}`,
    '',
    `Study ${input.study.id}, exported ${input.madeAt}.`,
    '',
    '## Research question',
    '',
    input.study.question,
    '',
    '## Scope',
    '',
    `- Period: ${input.study.periodStart} to ${input.study.periodEnd}`,
    `- Programmes: ${input.study.programmes.map((p) => p.en).join(', ')}`,
    `- Variables: ${input.variables.map((v) => v.id).join(', ')} (see codebook.json)`,
    `- Quasi-identifiers: ${qis.map((v) => v.id).join(', ') || 'none'}`,
    '',
    '## Consent',
    '',
    `Only people who held the consent \`${input.consent.id}\` (text version ${input.consent.version}) at the moment of this export are in it.`,
    `People in the study's programmes: ${input.population}; holding the consent: ${input.people.length}.`,
    '',
    '## Pseudonyms',
    '',
    'The first column is a pseudonym: HMAC-SHA256 of the person with a secret key of this study only, which never leaves the server. The same person has the same pseudonym in every export of this study and a different one in every other study.',
    '',
    '## Anonymity',
    '',
    `The file is k-anonymous with k = ${input.k}: every combination of quasi-identifier values in data.csv is shared by at least ${input.k} rows.`,
    `- Rows exported: ${result.keptRows}`,
    `- Rows suppressed (left out): ${result.suppressedRows}`,
    `- Cells suppressed (a quasi-identifier shown as \`${SUPPRESSED}\`): ${result.suppressedCells}`,
    `- Generalisation per quasi-identifier (0 = exact): ${qis.map((v) => `${v.id} ${levels[v.id]}`).join(', ') || 'none'}`,
    '',
    'Free text (notes, reasons, logbooks, the words on a resilience map) is never exported. Publish only figures about groups of at least 5 people.',
    '',
  ].join('\n');

  return { csv: `${lines.join('\r\n')}\r\n`, codebook, readme, counts };
}
