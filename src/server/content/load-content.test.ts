import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countWords } from '../../contracts/content/building-blocks.js';
import { CONSENT_MAX_WORDS } from '../../contracts/content/consents.js';
import type { Content } from '../../contracts/content/content-files.js';
import {
  ContentError,
  findJsonErrorOffset,
  formatIssuePath,
  lineAndColumn,
  loadContent,
  parseJsonText,
} from './load-content.js';

const CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));

/** Runs `loadContent` and returns the ContentError it throws (fails the test otherwise). */
async function loadError(dir: string): Promise<ContentError> {
  try {
    await loadContent(dir);
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error('expected loadContent to throw a ContentError');
}

describe('loadContent on the real content directory', () => {
  let content: Content;
  beforeEach(async () => {
    content = await loadContent(CONTENT_DIR);
  });

  it('loads the activity library with at least 25 activities covering every theme', () => {
    expect(content.activities.activities.length).toBeGreaterThanOrEqual(25);
    const used = new Set(content.activities.activities.map((a) => a.theme));
    for (const theme of content.activities.themes) expect(used).toContain(theme.id);
  });

  it('loads the roadmap: 3 principles and factors numbered 1..14', () => {
    expect(content.roadmap.principles.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(content.roadmap.factors.map((f) => f.number)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    for (const f of content.roadmap.factors) expect(f.interventions.length).toBeGreaterThan(0);
  });

  it('loads the conversation guide with its five themes, in order', () => {
    const guide = content.questions.conversationGuide;
    expect(guide.themes.map((t) => t.focus)).toEqual(['challenges', 'individual', 'relational', 'contextual', 'closing']);
  });

  it('loads the five consent texts, each within the word limit', () => {
    expect(content.consents.consents.map((c) => c.id).sort()).toEqual(
      ['audio-recording', 'coaching-data', 'grouping-background', 'research-use', 'share-checkins-with-coach'],
    );
    for (const c of content.consents.consents) {
      expect(countWords(c.text.nl)).toBeLessThanOrEqual(CONSENT_MAX_WORDS);
      expect(countWords(c.text.en)).toBeLessThanOrEqual(CONSENT_MAX_WORDS);
    }
  });

  it('loads the check-in as a 0–10 scale and a help directory with inside and outside help', () => {
    expect([content.questions.checkin.min, content.questions.checkin.max]).toEqual([0, 10]);
    const kinds = new Set(content.helpDirectory.entries.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['inside', 'outside']));
  });
});

describe('loadContent on a broken copy', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'peerkracht-content-'));
    await cp(CONTENT_DIR, dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function readJson(file: string): Promise<Record<string, unknown>> {
    return JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  }
  async function writeJson(file: string, data: unknown): Promise<void> {
    await writeFile(path.join(dir, file), JSON.stringify(data, null, 2));
  }
  /** Narrowing helper for walking parsed JSON in a test. */
  function obj(v: unknown): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('expected an object');
    return v as Record<string, unknown>;
  }
  function arr(v: unknown): unknown[] {
    if (!Array.isArray(v)) throw new Error('expected an array');
    return v;
  }

  it('reports a JSON syntax error with file, line and column', async () => {
    await writeFile(path.join(dir, 'consents.json'), '{\n  "version": 1,\n  "consents": [\n    1,\n  ]\n}\n');
    const err = await loadError(dir);
    expect(err.file).toBe('consents.json');
    expect(err.message).toMatch(/^consents\.json: invalid JSON at line 5, column 3/);
  });

  it('reports a stray character as a syntax error at its own position', async () => {
    await writeFile(path.join(dir, 'activities.json'), '{\n  "version": 1,\n  "themes": x\n}');
    const err = await loadError(dir);
    expect(err.file).toBe('activities.json');
    expect(err.problem).toMatch(/^invalid JSON at line 3, column 13/);
  });

  it('reports a missing English text with its JSON path', async () => {
    const roadmap = await readJson('roadmap.json');
    const title = obj(obj(arr(roadmap.factors)[2]).title);
    delete title.en;
    await writeJson('roadmap.json', roadmap);
    const err = await loadError(dir);
    expect(err.file).toBe('roadmap.json');
    expect(err.problem).toContain('factors[2].title.en: required text is missing');
  });

  it('reports an empty text in a list with its JSON path', async () => {
    const activities = await readJson('activities.json');
    const step = obj(arr(obj(arr(activities.activities)[3]).steps)[1]);
    step.en = '   ';
    await writeJson('activities.json', activities);
    const err = await loadError(dir);
    expect(err.file).toBe('activities.json');
    expect(err.problem).toContain('activities[3].steps[1].en: must not be empty');
  });

  it('reports a duplicate id', async () => {
    const activities = await readJson('activities.json');
    const list = arr(activities.activities);
    obj(list[1]).id = obj(list[0]).id;
    await writeJson('activities.json', activities);
    const err = await loadError(dir);
    expect(err.file).toBe('activities.json');
    expect(err.problem).toMatch(/activities\[1\]\.id: duplicate activity id "[a-z0-9-]+"/);
  });

  it('reports an unknown stakeholder in the roadmap', async () => {
    const roadmap = await readJson('roadmap.json');
    const intervention = obj(arr(obj(arr(roadmap.factors)[0]).interventions)[0]);
    arr(intervention.stakeholders).push('nobody-at-all');
    await writeJson('roadmap.json', roadmap);
    const err = await loadError(dir);
    expect(err.file).toBe('roadmap.json');
    expect(err.problem).toMatch(/factors\[0\]\.interventions\[0\]\.stakeholders\[\d+\]: unknown stakeholder "nobody-at-all"/);
  });

  it('reports an unknown key', async () => {
    const help = await readJson('help-directory.json');
    obj(arr(help.entries)[0]).telefoon = '0800-0000';
    await writeJson('help-directory.json', help);
    const err = await loadError(dir);
    expect(err.file).toBe('help-directory.json');
    expect(err.problem).toContain('entries[0]: unknown key(s) "telefoon"');
  });

  it('reports a consent text that is too long', async () => {
    const consents = await readJson('consents.json');
    const text = obj(obj(arr(consents.consents)[0]).text);
    text.nl = 'woord '.repeat(CONSENT_MAX_WORDS + 1);
    await writeJson('consents.json', consents);
    const err = await loadError(dir);
    expect(err.file).toBe('consents.json');
    expect(err.problem).toContain(`consents[0].text.nl: has ${CONSENT_MAX_WORDS + 1} words`);
  });

  it('reports a missing file', async () => {
    await unlink(path.join(dir, 'questions.json'));
    const err = await loadError(dir);
    expect(err.file).toBe('questions.json');
    expect(err.problem).toMatch(/file not found/);
  });
});

describe('JSON helpers', () => {
  it('computes 1-based line and column', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });

  it('finds no error in valid JSON and the right offset in invalid JSON', () => {
    for (const ok of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]} ', '"s"', '0']) {
      expect(findJsonErrorOffset(ok)).toBeUndefined();
    }
    expect(findJsonErrorOffset('{"a":1,}')).toBe(7);
    expect(findJsonErrorOffset('{"a":tru}')).toBe(8);
    expect(findJsonErrorOffset('')).toBe(0);
    expect(findJsonErrorOffset('{"a":1} x')).toBe(8);
    expect(findJsonErrorOffset('[01]')).toBe(2);
  });

  it('accepts a byte-order mark and rejects an unterminated document at its end', () => {
    expect(parseJsonText('x.json', '\ufeff{"a":1}')).toEqual({ a: 1 });
    expect(() => parseJsonText('x.json', '{\n"a":')).toThrow(/^x\.json: invalid JSON at line 2, column 5/);
  });

  it('formats issue paths like JSON paths', () => {
    expect(formatIssuePath(['activities', 3, 'steps', 1, 'en'])).toBe('activities[3].steps[1].en');
    expect(formatIssuePath([])).toBe('(root)');
  });
});
