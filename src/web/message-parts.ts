/**
 * Which message groups (top-level keys of the catalogue) a piece of built code uses (#20 item 7:
 * a page loads the shell's messages plus only the ones its code uses). Pure, for the build
 * (messages-plugin.ts) and its guard test.
 *
 * A key is found by its literal: a string or template literal that starts with `<group>.`
 * (`'library.edit'`, `` `caseloads.formatLine.${x}` ``, `i18nKey:"…"` in compiled JSX, `'formats.' + x`).
 * A key whose group cannot be read from the code (`t(someVariable)`) is found where its literal is
 * written, which is in the same chunk or one it imports (checked by grep when this was built: every
 * `t(variable)` in src/web takes a literal written next to it). The server's errors arrive translated
 * (`message`), so `errors` is a feature part like any other. The small groups of the app's frame are
 * in the shell part whole (`SHELL_GROUPS`).
 */

import type { Messages } from '../i18n/catalogue';

/** Groups always in the shell part whole: the app's frame (loading, errors of a page, menu, roles). */
export const SHELL_GROUPS = ['app', 'nav', 'roles'] as const;

/**
 * The keys a piece of code names by a literal, as paths into the catalogue: `'library.edit'` →
 * library.edit; a template head `` `caseloads.formatLine.${x}` `` or `'formats.' + x` → the part
 * before the open end (caseloads.formatLine, formats); a head that ends inside a segment
 * (`` `home.card${x}` ``) → its last whole segment (home). Only literals of a known group count.
 */
export function keyPaths(code: string, groups: ReadonlySet<string>): string[][] {
  const paths: string[][] = [];
  for (const m of code.matchAll(/["'`]([a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z0-9_-]*)+)(\$\{)?/g)) {
    const segments = m[1]!.split('.');
    if (!groups.has(segments[0]!)) continue;
    // An empty last segment ('formats.' + x) or one cut off by an interpolation is not a key of its own.
    if (segments.at(-1) === '' || m[2] !== undefined) segments.pop();
    while (segments.at(-1) === '') segments.pop();
    if (segments.length > 0) paths.push(segments);
  }
  return paths;
}

/**
 * The messages at some paths, with what they hold: a subtree whole, a message with its plural and
 * context forms (`count_one`, `count_other` for `count`). Paths that name nothing are left out.
 */
export function pick(messages: Messages, paths: string[][]): Messages {
  const result: Messages = {};
  for (const path of paths) {
    const found = at(messages, path);
    if (found) copyInto(result, found);
  }
  return result;
}

function at(from: Messages, [segment, ...rest]: string[]): Messages | null {
  if (segment === undefined) return null;
  if (rest.length === 0) {
    const found = Object.entries(from).filter(([key]) => key === segment || key.startsWith(`${segment}_`));
    return found.length > 0 ? Object.fromEntries(found) : null;
  }
  const next = from[segment];
  if (next === undefined || typeof next === 'string') return null;
  const inner = at(next, rest);
  return inner ? { [segment]: inner } : null;
}

/** Merges `from` into `to` as fresh objects (the catalogue's own objects are never shared or changed). */
function copyInto(to: Messages, from: Messages): Messages {
  for (const [key, value] of Object.entries(from)) {
    const existing = to[key];
    to[key] = typeof value === 'string' ? value : copyInto(typeof existing === 'object' ? existing : {}, value);
  }
  return to;
}

/** The code of a build's chunks, as far as the split needs it. */
export type ChunkInfo = { fileName: string; code: string; imports: string[]; dynamicImports: string[]; isEntry: boolean };

/**
 * The split of a build: the keys of the shell part (the groups always there whole, and the paths the
 * always-loaded code names) and, per page (by chunk), the paths its code names beyond those.
 */
export type Split = { shell: string[][]; pages: Map<string, string[][]> };

/**
 * The shell part: the keys the entry and everything it reaches without going through a page name
 * (its static imports, and what those load lazily that is not a page: a lazily loaded field), plus
 * `SHELL_GROUPS` whole. Only the keys, not their groups: the navigation names one message of most
 * features. A page's part: the paths its chunk and everything that reaches (static and lazy imports,
 * not other pages, not the shell's code) name, outside `SHELL_GROUPS`.
 */
export function split(chunks: ChunkInfo[], pageChunks: ReadonlySet<string>, groups: ReadonlySet<string>): Split {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const pathsOf = new Map<string, string[][]>();
  const paths = (file: string) => {
    let found = pathsOf.get(file);
    if (!found) {
      found = keyPaths(byFile.get(file)?.code ?? '', groups);
      pathsOf.set(file, found);
    }
    return found;
  };
  /** Every chunk reachable from `start`, not counting another page loaded lazily (the router's links). */
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const visit = (file: string, lazily: boolean) => {
      if (seen.has(file) || !byFile.has(file)) return;
      if (lazily && pageChunks.has(file)) return;
      seen.add(file);
      const chunk = byFile.get(file)!;
      for (const next of chunk.imports) visit(next, false);
      for (const next of chunk.dynamicImports) visit(next, true);
    };
    visit(start, false);
    return seen;
  };
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error('message split: the build has no entry chunk');
  const whole = new Set<string>(SHELL_GROUPS.filter((g) => groups.has(g)));
  const shell: string[][] = [...whole].map((g) => [g]);
  const always = reach(entry.fileName);
  for (const file of always) shell.push(...paths(file).filter((p) => !whole.has(p[0]!)));
  const pages = new Map<string, string[][]>();
  for (const page of pageChunks) {
    const own: string[][] = [];
    // What a page shares with the shell (modules Vite put into the entry) names keys of the shell part.
    for (const file of reach(page)) if (!always.has(file)) own.push(...paths(file).filter((p) => !whole.has(p[0]!)));
    pages.set(page, own);
  }
  return { shell, pages };
}
