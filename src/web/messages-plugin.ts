import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { OutputChunk, PluginContext } from 'rollup';
import type { Plugin } from 'vite';
import { catalogues, type Messages } from '../i18n/catalogue';
import { pick, split } from './message-parts';

const ID = 'virtual:peerkracht-messages';
const RESOLVED = `\0${ID}`;

/** The id of the JSON data block in index.html that tells the client where its messages are. */
export const MESSAGES_ELEMENT = 'peerkracht-messages';

/** What the build writes into index.html: the files of each language's parts, and each page's parts. */
export type MessagesManifest = {
  /** Per language, the shell part's file. */
  shell: Record<'nl' | 'en', string>;
  /** Per language, each feature part's file (one part per top-level key of the catalogue). */
  parts: Record<'nl' | 'en', Record<string, string>>;
  /** Per page (the name `lazyPage` is given in the router), the feature parts its code uses (of both, where two pages share a name). */
  pages: Record<string, string[]>;
};

/**
 * Reads the router's lazily loaded pages: `lazyPage(() => import('…'), 'Name')` → name and import
 * specifier (relative to the router).
 */
export function lazyPages(source: string): { name: string; specifier: string }[] {
  return [...source.matchAll(/lazyPage\(\s*\(\)\s*=>\s*import\(\s*['"]([^'"]+)['"]\s*\)\s*,\s*['"](\w+)['"]\s*\)/g)].map((m) => ({ name: m[2]!, specifier: m[1]! }));
}

/**
 * The message catalogue split per page (#20 item 7): a first load waits only for the shell part (the
 * messages of the entry and the always-loaded layout, navigation and components, found by scanning
 * the built code) and the parts the opened page's code uses, not for every feature's texts. Each
 * part is a hashed JSON file per language, cached for a year like every hashed asset. index.html
 * carries a small manifest (a JSON data block) naming the files and each page's parts; the Dutch
 * shell part is preloaded from it, and the server adds the page's parts per route
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
        "const manifest = element ? JSON.parse(element.textContent ?? '') : null;",
        '// A file that cannot be fetched (a deploy removed it, the network dropped) is handled as a page',
        '// chunk that cannot be (app/chunk-error.ts): the page offers a reload.',
        'async function get(url) {',
        '  let response;',
        "  try { response = await fetch(url, { credentials: 'same-origin' }); }",
        '  catch { throw new Error(`ChunkLoadError: messages ${url}`); }',
        '  if (!response.ok) throw new Error(`ChunkLoadError: messages ${url}: ${response.status}`);',
        '  return response.json();',
        '}',
        "if (!manifest) throw new Error('index.html carries no message manifest');",
        'export const loadShell = (lng) => get(manifest.shell[lng]);',
        'export const loadPart = (lng, part) => get(manifest.parts[lng][part]);',
        'export const pageParts = (page) => manifest.pages[page] ?? [];',
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
          { tag: 'script', attrs: { type: 'application/json', id: MESSAGES_ELEMENT }, children: JSON.stringify(manifest).replace(/</g, '\\u003c'), injectTo: 'head' },
          { tag: 'link', attrs: { rel: 'preload', href: manifest.shell.nl, as: 'fetch', type: 'application/json', crossorigin: 'anonymous' }, injectTo: 'head' },
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
    const { shell, pages } = split(
      chunks.map((c) => ({ fileName: c.fileName, code: c.code, imports: c.imports, dynamicImports: c.dynamicImports, isEntry: c.isEntry })),
      pageChunks,
      groups,
    );
    const emit = (name: string, messages: Messages) => {
      const source = JSON.stringify(messages);
      const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8).replace(/[-_]/g, 'x');
      const fileName = `assets/${name}-${hash}.json`;
      this.emitFile({ type: 'asset', fileName, source });
      return `/${fileName}`;
    };
    const parts = { nl: {} as Record<string, string>, en: {} as Record<string, string> };
    const used = new Set([...pages.values()].flat());
    for (const lng of ['nl', 'en'] as const) for (const group of [...used].sort()) parts[lng][group] = emit(`messages-${lng}-${group}`, pick(catalogues[lng], [[group]]));
    return {
      shell: { nl: emit('messages-nl', pick(catalogues.nl, shell)), en: emit('messages-en', pick(catalogues.en, shell)) },
      parts,
      pages: Object.fromEntries([...pageOf].map(([name, files]) => [name, [...new Set([...files].flatMap((file) => pages.get(file) ?? []))].sort()])),
    };
  }
}
