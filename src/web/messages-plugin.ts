import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { OutputChunk, PluginContext } from 'rollup';
import type { Plugin } from 'vite';
import { catalogues } from '../i18n/catalogue';
import { keyPaths, pick, split } from './message-parts';

const ID = 'virtual:peerkracht-messages';
const RESOLVED = `\0${ID}`;

/** The id of the JSON data block in index.html that tells the client where its messages are. */
export const MESSAGES_ELEMENT = 'peerkracht-messages';

/**
 * Where the parts are: per language the hash of each part's file (the file's address is
 * `messagesFile`). index.html carries the shell part's (it is on every first load's critical path,
 * so it stays small); the shell part's file carries the pages', next to its messages.
 */
export type MessagesManifest = {
  /** Per language, the shell part's hash. */
  shell: Record<'nl' | 'en', string>;
  /**
   * Per page (the name `lazyPage` is given in the router), per language, the hash of the messages its
   * code names beyond the shell part (of both, where two pages share a name); a page that names none
   * has none.
   */
  pages: Record<string, Record<'nl' | 'en', string>>;
};

/** The address of a part's file: the shell part (`page` null) or a page's. */
export const messagesFile = (lng: 'nl' | 'en', page: string | null, hash: string) => `/assets/messages-${lng}${page === null ? '' : `-${page}`}-${hash}.json`;

/**
 * Reads the router's lazily loaded pages: `lazyPage(() => import('…'), 'Name')` → name and import
 * specifier (relative to the router).
 */
export function lazyPages(source: string): { name: string; specifier: string }[] {
  return [...source.matchAll(/lazyPage\(\s*\(\)\s*=>\s*import\(\s*['"]([^'"]+)['"]\s*\)\s*,\s*['"](\w+)['"]\s*\)/g)].map((m) => ({ name: m[2]!, specifier: m[1]! }));
}

/**
 * The message catalogue split per page (#20 item 7): a first load waits only for the shell part (the
 * messages the entry and the always-loaded layout, navigation and components name, found by
 * scanning the built code, message-parts.ts) and the opened page's part (the messages its code
 * names), not for every feature's texts. Each part is a hashed JSON file per language, cached for a
 * year like every hashed asset. index.html carries a small manifest (a JSON data block) naming the
 * files; the Dutch shell part is preloaded from it, and the server adds the page's part per route
 * (route-preloads.json). In the dev server the module hands over the whole catalogue.
 */
export function messagesPlugin(routerFile: string): Plugin<{ manifest: () => MessagesManifest | null }> {
  let serve = false;
  let manifest: MessagesManifest | null = null;
  return {
    name: 'peerkracht-messages',
    api: { manifest: () => manifest },
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (serve) {
        return [
          "import { catalogues } from '/../i18n/catalogue.ts';",
          'export const loadShell = async (lng) => catalogues[lng];',
          'export const loadPart = async () => ({});',
          'export const pageParts = () => [];',
        ].join('\n');
      }
      return [
        `const element = document.getElementById(${JSON.stringify(MESSAGES_ELEMENT)});`,
        "const shell = element ? JSON.parse(element.textContent ?? '') : null;",
        '/** The pages\' parts, from the first shell part that arrived. */',
        'let pages = {};',
        '// A file that cannot be fetched (a deploy removed it, the network dropped) is handled as a page',
        '// chunk that cannot be (app/chunk-error.ts): the page offers a reload.',
        'async function get(url) {',
        '  let response;',
        "  try { response = await fetch(url, { credentials: 'same-origin' }); }",
        '  catch { throw new Error(`ChunkLoadError: messages ${url}`); }',
        '  if (!response.ok) throw new Error(`ChunkLoadError: messages ${url}: ${response.status}`);',
        '  return response.json();',
        '}',
        "if (!shell) throw new Error('index.html carries no message manifest');",
        `const file = ${messagesFile.toString()};`,
        'export async function loadShell(lng) {',
        '  const part = await get(file(lng, null, shell[lng]));',
        '  pages = part.pages;',
        '  return part.messages;',
        '}',
        'export const loadPart = (lng, page) => get(file(lng, page, pages[page][lng]));',
        'export const pageParts = (page) => (pages[page] ? [page] : []);',
      ].join('\n');
    },
    // Before Vite writes index.html (its own generateBundle), so that transformIndexHtml has the manifest.
    generateBundle: {
      order: 'pre',
      async handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((f): f is OutputChunk => f.type === 'chunk');
        manifest = await build.call(this, chunks);
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        if (!manifest) return [];
        return [
          { tag: 'script', attrs: { type: 'application/json', id: MESSAGES_ELEMENT }, children: JSON.stringify(manifest.shell), injectTo: 'head' },
          { tag: 'link', attrs: { rel: 'preload', href: messagesFile('nl', null, manifest.shell.nl), as: 'fetch', type: 'application/json', crossorigin: 'anonymous' }, injectTo: 'head' },
        ];
      },
    },
  };

  async function build(this: PluginContext, chunks: OutputChunk[]): Promise<MessagesManifest> {
    const groups = new Set(Object.keys(catalogues.nl));
    const pageOf = new Map<string, Set<string>>();
    const pageChunks = new Set<string>();
    for (const { name, specifier } of lazyPages(fs.readFileSync(routerFile, 'utf8'))) {
      const resolved = await this.resolve(specifier, routerFile);
      const chunk = resolved ? (chunks.find((c) => c.facadeModuleId === resolved.id) ?? chunks.find((c) => c.moduleIds.includes(resolved.id))) : undefined;
      if (!chunk) this.error(`messages: page ${name}: no chunk for ${specifier}`);
      // Two modules may export a page of the same name (finance's and compensation's MyCompensationPage):
      // the name then stands for the parts of both.
      pageOf.set(name, new Set([...(pageOf.get(name) ?? []), chunk.fileName]));
      pageChunks.add(chunk.fileName);
    }
    if (pageOf.size < 20) this.error(`messages: read only ${pageOf.size} pages from the router: has the way pages are declared changed?`);
    // A message that nests another (`$t(key)`) would need that key in the same part: not supported.
    if (JSON.stringify(catalogues).includes('$t(')) this.error('messages: a message nests another ($t(…)); a page part would not carry the nested key');
    // The guard: a key the code names that no catalogue has would show as the key itself on the
    // screen (or a part would silently miss it): the build stops and names it.
    for (const chunk of chunks) {
      for (const path of keyPaths(chunk.code, groups)) {
        if (Object.keys(pick(catalogues.nl, [path])).length === 0 || Object.keys(pick(catalogues.en, [path])).length === 0) this.error(`messages: ${chunk.fileName} names the key ${path.join('.')}, which is in no message catalogue (src/i18n)`);
      }
    }
    const { shell, pages } = split(
      chunks.map((c) => ({ fileName: c.fileName, code: c.code, imports: c.imports, dynamicImports: c.dynamicImports, isEntry: c.isEntry })),
      pageChunks,
      groups,
    );
    const emit = (lng: 'nl' | 'en', page: string | null, content: unknown) => {
      const source = JSON.stringify(content);
      const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8).replace(/[-_]/g, 'x');
      this.emitFile({ type: 'asset', fileName: messagesFile(lng, page, hash).slice(1), source });
      return hash;
    };
    const files: MessagesManifest['pages'] = {};
    for (const [name, chunkFiles] of pageOf) {
      const paths = [...chunkFiles].flatMap((file) => pages.get(file) ?? []);
      const nl = pick(catalogues.nl, paths);
      if (Object.keys(nl).length === 0) continue;
      files[name] = { nl: emit('nl', name, nl), en: emit('en', name, pick(catalogues.en, paths)) };
    }
    // The shell part's file: its messages and where the pages' parts are.
    const shellPart = (lng: 'nl' | 'en') => emit(lng, null, { messages: pick(catalogues[lng], shell), pages: files });
    return { shell: { nl: shellPart('nl'), en: shellPart('en') }, pages: files };
  }
}
