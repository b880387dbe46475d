import fs from 'node:fs';
import path from 'node:path';
import type { OutputBundle, OutputChunk, PluginContext } from 'rollup';
import type { Plugin } from 'vite';
import type { RouteDataCall } from '../contracts/preloads';
import { ROUTE_DATA } from './app/route-data';
import { lazyPages, messagesFile, type MessagesManifest } from './messages-plugin';

/** The file the build writes next to index.html and the server reads (src/server/web-client.ts). */
export const ROUTE_PRELOADS_FILE = 'route-preloads.json';

/**
 * One route of the router: its pattern, the files its page needs beyond what index.html loads, and
 * the API calls it makes first for a signed-in person (`app/route-data.ts`; `:params` as in the pattern)
 * and, per language, the messages its code names beyond the shell part (messages-plugin.ts).
 */
export type RoutePreload = { pattern: string; scripts: string[]; styles: string[]; data: RouteDataCall[]; messages: Record<'nl' | 'en', string[]> };

/**
 * Reads the router's table (src/web/app/router.tsx): which lazily loaded module each route pattern
 * shows. `const X = lazyPage(() => import('…'), 'X')` names the module; `{ path: '…', element: … <X /> … }`
 * uses it. Answers pattern → import specifier (relative to the router).
 */
export function routeModules(source: string): { pattern: string; specifier: string }[] {
  const modules = new Map<string, string>();
  for (const m of source.matchAll(/const\s+(\w+)\s*=\s*lazyPage\(\s*\(\)\s*=>\s*import\(\s*['"]([^'"]+)['"]\s*\)/g)) modules.set(m[1]!, m[2]!);
  const routes: { pattern: string; specifier: string }[] = [];
  for (const m of source.matchAll(/\{\s*path:\s*['"]([^'"]+)['"]\s*,\s*element:\s*(.*?)\s*\},?\s*$/gm)) {
    const used = [...m[2]!.matchAll(/<(\w+)[\s/>]/g)].map((e) => modules.get(e[1]!)).find((s) => s !== undefined);
    if (used) routes.push({ pattern: m[1]!, specifier: used });
  }
  return routes;
}

/**
 * Per route, the page's own chunk with the chunks and stylesheets it imports, minus what index.html
 * already loads (#20 item 7). The server puts them into index.html as `modulepreload` and
 * `preload` links for the requested path, so a first load fetches the page's code together with
 * the app's instead of after the app has started (one round trip or more less before the page shows).
 */
export function routePreloadsPlugin(routerFile: string, messages: () => MessagesManifest | null): Plugin {
  return {
    name: 'peerkracht-route-preloads',
    apply: 'build',
    enforce: 'post',
    // After Vite's own generateBundle, which drops the chunks that only carried a stylesheet (their
    // importers then name the stylesheet instead): the lists must name only files that are written.
    generateBundle: { order: 'post', handler: generate },
  };
  async function generate(this: PluginContext, _options: unknown, bundle: OutputBundle) {
    const chunks = Object.values(bundle).filter((f): f is OutputChunk => f.type === 'chunk');
    const byFile = new Map(chunks.map((c) => [c.fileName, c]));
    const entry = chunks.find((c) => c.isEntry);
    if (!entry) return;
    // What index.html loads already: the entry and its static imports.
    const initial = closure(entry, byFile);
    const routes: RoutePreload[] = [];
    const source = fs.readFileSync(routerFile, 'utf8');
    const manifest = messages();
    if (!manifest) this.error('route preloads: the message manifest is missing (messages-plugin.ts runs first)');
    const pageNames = new Map(lazyPages(source).map((p) => [p.specifier, p.name]));
    for (const { pattern, specifier } of routeModules(source)) {
      const resolved = await this.resolve(specifier, routerFile);
      // The page's own chunk, or the chunk it was merged into (a page another page also imports).
      const chunk = resolved ? (chunks.find((c) => c.facadeModuleId === resolved.id) ?? chunks.find((c) => c.moduleIds.includes(resolved.id))) : undefined;
      if (!chunk) this.error(`route ${pattern}: no chunk for ${specifier} (${path.relative(process.cwd(), routerFile)})`);
      const needed = [...closure(chunk, byFile)].filter((file) => !initial.has(file));
      const styles = new Set<string>();
      for (const file of needed) for (const css of byFile.get(file)?.viteMetadata?.importedCss ?? []) styles.add(css);
      const name = pageNames.get(specifier) ?? '';
      const part = (lng: 'nl' | 'en') => {
        const hash = manifest.pages[name]?.[lng];
        return hash ? [messagesFile(lng, name, hash)] : [];
      };
      routes.push({ pattern, scripts: needed, styles: [...styles], data: [...(ROUTE_DATA[pattern] ?? [])], messages: { nl: part('nl'), en: part('en') } });
    }
    for (const pattern of Object.keys(ROUTE_DATA)) if (!routes.some((r) => r.pattern === pattern)) this.error(`app/route-data.ts names ${pattern}, which is not a route of ${routerFile}`);
    if (routes.length < 20) this.error(`read only ${routes.length} routes from ${routerFile}: has the way routes are declared changed?`);
    this.emitFile({ type: 'asset', fileName: ROUTE_PRELOADS_FILE, source: JSON.stringify({ routes }) });
  }
}

/** A chunk and every chunk it imports statically, in load order (the chunk first). */
function closure(start: OutputChunk, byFile: Map<string, OutputChunk>): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    // Only files the build writes (a chunk Vite dropped is no longer in the bundle).
    for (const next of byFile.get(file)?.imports ?? []) if (byFile.has(next)) visit(next);
  };
  visit(start.fileName);
  return seen;
}
