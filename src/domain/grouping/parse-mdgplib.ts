import { assertFeasibleBounds } from './group-bounds.js';
import { GroupingError } from './grouping-error.js';
import type { MdgpInstance } from './mdgp-instance.js';

/**
 * Parses the MDGPLIB text format:
 * header `<n> <m> <ss|ds> <a_1> <b_1> … <a_m> <b_m>`, then one `<i> <j> <d_ij>` line per
 * unordered pair. Every problem is reported with its 1-based line number, because these files
 * are large and hand-edited ones are the usual source of trouble.
 */
export function parseMdgplib(text: string): MdgpInstance {
  const lines = text.split(/\r?\n/);
  let lineIndex = 0;
  while (lineIndex < lines.length && lines[lineIndex]!.trim() === '') lineIndex++;
  if (lineIndex >= lines.length) throw malformed(1, 'the file is empty');

  const headerLine = lineIndex + 1;
  const header = lines[lineIndex]!.trim().split(/\s+/);
  const n = parseCount(header[0], headerLine, 'n');
  const m = parseCount(header[1], headerLine, 'm');
  const kind = header[2];
  if (kind !== 'ss' && kind !== 'ds') throw malformed(headerLine, `expected 'ss' or 'ds' as third field, found '${kind ?? ''}'`);
  if (header.length !== 3 + 2 * m) {
    throw malformed(headerLine, `expected ${2 * m} size bounds for ${m} groups, found ${header.length - 3}`);
  }
  const lower = new Int32Array(m);
  const upper = new Int32Array(m);
  for (let g = 0; g < m; g++) {
    lower[g] = parseCount(header[3 + 2 * g], headerLine, `a_${g + 1}`);
    upper[g] = parseCount(header[4 + 2 * g], headerLine, `b_${g + 1}`);
    if (upper[g]! < lower[g]!) throw malformed(headerLine, `group ${g} has a_g = ${lower[g]} > b_g = ${upper[g]}`);
  }
  const bounds = { lower, upper };
  assertFeasibleBounds(n, bounds);

  const distance = new Float64Array(n * n);
  const seen = new Uint8Array(n * n);
  let pairs = 0;
  let lastLine = headerLine;
  for (lineIndex++; lineIndex < lines.length; lineIndex++) {
    const raw = lines[lineIndex]!.trim();
    if (raw === '') continue;
    const lineNo = lineIndex + 1;
    lastLine = lineNo;
    const fields = raw.split(/\s+/);
    if (fields.length !== 3) throw malformed(lineNo, `expected '<i> <j> <d_ij>', found ${fields.length} fields`);
    const i = parseIndex(fields[0]!, n, lineNo);
    const j = parseIndex(fields[1]!, n, lineNo);
    if (i === j) throw malformed(lineNo, `pair (${i}, ${j}) joins an element with itself`);
    const d = Number(fields[2]);
    if (!Number.isFinite(d)) throw malformed(lineNo, `distance '${fields[2]}' is not a number`);
    if (seen[i * n + j] === 1) throw malformed(lineNo, `pair (${i}, ${j}) appears twice`);
    seen[i * n + j] = 1;
    seen[j * n + i] = 1;
    distance[i * n + j] = d;
    distance[j * n + i] = d;
    pairs++;
  }
  const expected = (n * (n - 1)) / 2;
  if (pairs !== expected) throw malformed(lastLine + 1, `expected ${expected} distance lines for n = ${n}, found ${pairs}`);
  return { n, bounds, distance };
}

function malformed(line: number, problem: string): GroupingError {
  return new GroupingError('malformed_instance', `line ${line}: ${problem}`, { line, problem });
}

function parseCount(field: string | undefined, line: number, name: string): number {
  const value = Number(field);
  if (field === undefined || !Number.isInteger(value) || value < 0) {
    throw malformed(line, `${name} must be a non-negative integer, found '${field ?? ''}'`);
  }
  return value;
}

function parseIndex(field: string, n: number, line: number): number {
  const value = Number(field);
  if (!Number.isInteger(value) || value < 0 || value >= n) throw malformed(line, `element index '${field}' is outside 0..${n - 1}`);
  return value;
}
