/**
 * Loads and validates the seed content (content/*.json) against the schemas in src/contracts/content/
 * (one file per content file; `content-files.ts` lists them).
 *
 * Every problem becomes a {@link ContentError} naming the file and the problem: a JSON syntax
 * error with its line and column, or schema errors with their JSON path
 * (e.g. `activities[3].steps[1].en: required text is missing`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { CONTENT_FILES, type Content, type ContentKey } from '../../contracts/content/content-files.js';

/** A content file could not be read, parsed or validated. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  /** File name relative to the content directory, e.g. `activities.json`. */
  readonly file: string;
  /** What is wrong, without the file name. */
  readonly problem: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`${file}: ${problem}`, options);
    this.file = file;
    this.problem = problem;
  }
}

/** 1-based line and column of a 0-based character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

/**
 * Offset of the first JSON syntax error in `text`, or `undefined` when `text` is valid JSON.
 * A small strict JSON scanner; used because the position in `JSON.parse` error messages differs
 * between Node versions and is sometimes missing.
 */
export function findJsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  class Stop extends Error {
    constructor(readonly at: number) {
      super('JSON scan stopped');
    }
  }
  const fail = (at: number): never => {
    throw new Stop(at);
  };
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string): void => {
    for (let k = 0; k < word.length; k++) {
      if (text[i] !== word[k]) fail(i);
      i++;
    }
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= n) fail(i);
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) fail(i);
      if (c === 92) {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(i + k);
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i++;
        } else {
          fail(i);
        }
      } else {
        i++;
      }
    }
  };
  const number = (): void => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (/[1-9]/.test(text[i] ?? '')) while (/[0-9]/.test(text[i] ?? '')) i++;
    else fail(i);
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail(i);
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail(i);
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(i);
        string();
        ws();
        if (text[i] !== ':') fail(i);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(i);
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(i);
      }
    } else if (c === '"') {
      string();
    } else if (c === 't') {
      literal('true');
    } else if (c === 'f') {
      literal('false');
    } else if (c === 'n') {
      literal('null');
    } else if (c === '-' || /[0-9]/.test(c ?? '')) {
      number();
    } else {
      fail(i);
    }
  };
  try {
    value();
    ws();
    if (i < n) fail(i);
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    throw e;
  }
}

/** Parses JSON text; throws a ContentError with line and column on a syntax error. */
export function parseJsonText(file: string, text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const fromMessage = /at position (\d+)/.exec(message);
    const offset =
      findJsonErrorOffset(body) ?? (fromMessage?.[1] !== undefined ? Number(fromMessage[1]) : body.length);
    const { line, column } = lineAndColumn(body, offset);
    const reason = message
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/\s+in JSON at position \d+/, '')
      .replace(/, ".*" is not valid JSON$/s, '');
    throw new ContentError(file, `invalid JSON at line ${line}, column ${column}: ${reason}`, { cause: e });
  }
}

/** Formats a zod issue path as a JSON path: `activities[3].steps[1].en`. */
export function formatIssuePath(issuePath: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of issuePath) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined$/.test(message)) {
    message = issue.expected === 'string' ? 'required text is missing' : `required ${issue.expected} is missing`;
  } else if (issue.code === 'unrecognized_keys') {
    message = `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return `${formatIssuePath(issue.path)}: ${message}`;
}

/** Most schema problems listed in one error message; the rest are counted. */
const MAX_LISTED_ISSUES = 10;

/** Validates parsed JSON of one content file; throws a ContentError listing the problems. */
export function validateContentFile<K extends ContentKey>(key: K, data: unknown): Content[K] {
  const { file, schema } = CONTENT_FILES[key];
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues;
    const listed = issues.slice(0, MAX_LISTED_ISSUES).map(describeIssue);
    const more = issues.length > MAX_LISTED_ISSUES ? `; and ${issues.length - MAX_LISTED_ISSUES} more` : '';
    const noun = issues.length === 1 ? 'problem' : 'problems';
    throw new ContentError(file, `${issues.length} schema ${noun}: ${listed.join('; ')}${more}`, {
      cause: result.error,
    });
  }
  return result.data as Content[K];
}

/** Parses and validates the text of one content file. */
export function parseContentFile<K extends ContentKey>(key: K, text: string): Content[K] {
  return validateContentFile(key, parseJsonText(CONTENT_FILES[key].file, text));
}

async function loadOne<K extends ContentKey>(dir: string, key: K): Promise<Content[K]> {
  const { file } = CONTENT_FILES[key];
  let text: string;
  try {
    text = await readFile(path.join(dir, file), 'utf8');
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    const problem = code === 'ENOENT' ? `file not found in ${dir}` : `cannot read file (${code || String(e)})`;
    throw new ContentError(file, problem, { cause: e });
  }
  return parseContentFile(key, text);
}

/**
 * Reads and validates every content file in `dir` (normally the repository's `content/`).
 * Throws the first {@link ContentError} found, in the order of CONTENT_FILES.
 */
export async function loadContent(dir: string): Promise<Content> {
  const settled = await Promise.allSettled([
    loadOne(dir, 'activities'),
    loadOne(dir, 'roadmap'),
    loadOne(dir, 'helpDirectory'),
    loadOne(dir, 'questions'),
    loadOne(dir, 'consents'),
    loadOne(dir, 'fiscalLimits'),
    loadOne(dir, 'researchVariables'),
    loadOne(dir, 'handbook'),
  ]);
  for (const r of settled) if (r.status === 'rejected') throw r.reason;
  const [activities, roadmap, helpDirectory, questions, consents, fiscalLimits, researchVariables, handbook] = settled;
  if (
    activities.status !== 'fulfilled' ||
    roadmap.status !== 'fulfilled' ||
    helpDirectory.status !== 'fulfilled' ||
    questions.status !== 'fulfilled' ||
    consents.status !== 'fulfilled' ||
    fiscalLimits.status !== 'fulfilled' ||
    researchVariables.status !== 'fulfilled' ||
    handbook.status !== 'fulfilled'
  ) {
    throw new Error('unreachable: a rejected content file was not reported');
  }
  return {
    activities: activities.value,
    roadmap: roadmap.value,
    helpDirectory: helpDirectory.value,
    questions: questions.value,
    consents: consents.value,
    fiscalLimits: fiscalLimits.value,
    researchVariables: researchVariables.value,
    handbook: handbook.value,
  };
}
