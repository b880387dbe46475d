// Feature stylesheets cannot leak: a rule in src/web/features/<f>/*.css styles only markup of that
// feature. Every selector starts with a class the feature owns — one named with the feature's prefix
// (`.scheduling …`, `.rmap-…`), or one no code outside the feature uses. Element selectors
// (`fieldset`, `textarea`) and classes other features or shared components use (`.field`,
// `.check-field`, `.link-button`) belong in the shared stylesheet src/web/shared.css.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.join(import.meta.dirname);
const FEATURES = path.join(WEB, 'features');
/** A feature's class prefix: its name, unless it has always used a shorter one. */
const PREFIX: Record<string, string> = { resilience: 'rmap', sessions: 'session' };

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name));

/** The selectors of every style rule in a stylesheet (at-rule preludes such as @media skipped). */
export function selectorsOf(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const selectors: string[] = [];
  let prelude = '';
  let depth = 0;
  const atDepths: number[] = [];
  for (const ch of text) {
    if (ch === '{') {
      const head = prelude.trim();
      if (head.startsWith('@')) atDepths.push(depth);
      else if (depth === 0 || atDepths.includes(depth - 1)) selectors.push(...head.split(',').map((s) => s.trim()));
      depth += 1;
      prelude = '';
    } else if (ch === '}') {
      depth -= 1;
      if (atDepths.at(-1) === depth) atDepths.pop();
      prelude = '';
    } else if (ch === ';') {
      prelude = '';
    } else {
      prelude += ch;
    }
  }
  return selectors;
}

/** Why a selector of feature `feature` could style markup outside it, or null when it cannot. */
export function leakOf(selector: string, feature: string, usedOutside: (cls: string) => boolean): string | null {
  const first = /^[^\s>+~]+/.exec(selector)?.[0] ?? '';
  const classes = [...first.matchAll(/\.([A-Za-z_][\w-]*)/g)].map((m) => m[1] ?? '');
  if (classes.length === 0) return `"${selector}" starts with no class: it styles every page`;
  const prefix = PREFIX[feature] ?? feature;
  const owned = classes.some((c) => c === prefix || c.startsWith(`${prefix}-`) || !usedOutside(c));
  return owned ? null : `"${selector}" starts with .${classes.join('.')}, which code outside ${feature} uses`;
}

describe('feature stylesheets', () => {
  const features = readdirSync(FEATURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const everything = sourcesUnder(WEB).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  for (const feature of features) {
    const stylesheets = readdirSync(path.join(FEATURES, feature)).filter((f) => f.endsWith('.css'));
    if (stylesheets.length === 0) continue;
    it(`${feature}: every selector starts with a class the feature owns`, () => {
      const outside = everything.filter(({ file }) => !file.startsWith(path.join(FEATURES, feature) + path.sep));
      const usedOutside = (cls: string) => outside.some(({ text }) => new RegExp(`['"\`\\s{]${cls}['"\`\\s}$]`).test(text));
      const leaks = stylesheets.flatMap((sheet) =>
        selectorsOf(readFileSync(path.join(FEATURES, feature, sheet), 'utf8'))
          .map((selector) => leakOf(selector, feature, usedOutside))
          .filter((leak): leak is string => leak !== null)
          .map((leak) => `${sheet}: ${leak}`),
      );
      expect(leaks).toEqual([]);
    });
  }
});

describe('the checks themselves', () => {
  it('reads the selectors of rules, inside @media too', () => {
    expect(selectorsOf('/* c */ .a, .b > p { x: 1 } @media (min-width: 4rem) { .c dl { y: 2 } }')).toEqual(['.a', '.b > p', '.c dl']);
  });
  it('finds element selectors and shared classes, passes owned ones', () => {
    const shared = (c: string) => c === 'link-button';
    expect(leakOf('fieldset', 'grouping', shared)).toMatch(/no class/);
    expect(leakOf('.link-button', 'grouping', shared)).toMatch(/outside grouping/);
    expect(leakOf('.scheduling .link-button', 'scheduling', shared)).toBeNull();
    expect(leakOf('.rmap-token.is-selected .rmap-dot', 'resilience', shared)).toBeNull();
    expect(leakOf('.member-name', 'grouping', shared)).toBeNull();
  });
});
