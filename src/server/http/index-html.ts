import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** One route of the web client and the files its page needs beyond index.html's (the build writes them). */
type RoutePreload = { pattern: string; scripts: string[]; styles: string[] };

/** index.html for one route, ready to send: as is, brotli and gzip, with its ETag. */
export type IndexDocument = { identity: Buffer; br: Buffer; gzip: Buffer; etag: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The web client's index.html per requested path (#20 item 7: a fast first load). The build lists
 * per route pattern the page's own chunk with the chunks and stylesheets it imports
 * (`route-preloads.json`, src/web/route-preloads-plugin.ts); this adds them to index.html as
 * `modulepreload` / `preload` links, so the browser fetches the page's code alongside the app's
 * instead of only when the app has started and rendered the route. The route is matched as the
 * router does: a static segment wins over a parameter (/sessions/new over /sessions/:sessionId).
 * An unknown path gets index.html as built. Each variant is built once (until the build changes)
 * and compressed once; nothing of the request but its path is used.
 */
export function indexDocuments(webDist: string): (pathname: string) => IndexDocument {
  const indexFile = path.join(webDist, 'index.html');
  const preloadsFile = path.join(webDist, 'route-preloads.json');
  let built = -1;
  let template = '';
  let matchers: { route: RoutePreload; params: number; regex: RegExp }[] = [];
  const cache = new Map<string, IndexDocument>();
  const load = () => {
    // A new build (a deploy without a restart, or a rebuild in development) is picked up.
    const mtime = fs.statSync(indexFile).mtimeMs;
    if (mtime === built) return;
    built = mtime;
    cache.clear();
    template = fs.readFileSync(indexFile, 'utf8');
    const routes = fs.existsSync(preloadsFile) ? (JSON.parse(fs.readFileSync(preloadsFile, 'utf8')) as { routes: RoutePreload[] }).routes : [];
    matchers = routes.map((route) => ({
      route,
      params: route.pattern.split('/').filter((s) => s.startsWith(':')).length,
      regex: new RegExp(`^${route.pattern.split('/').map((s) => (s.startsWith(':') ? '[^/]+' : escapeRegExp(s))).join('/')}/?$`),
    }));
  };
  return (pathname) => {
    load();
    const route = matchers.filter((m) => m.regex.test(pathname)).sort((a, b) => a.params - b.params)[0]?.route ?? null;
    const key = route?.pattern ?? '';
    let document = cache.get(key);
    if (!document) {
      document = compressed(withPreloads(template, route));
      cache.set(key, document);
    }
    return document;
  };
}

/** index.html with the route's preload links at the end of its head. */
function withPreloads(template: string, route: RoutePreload | null): string {
  if (!route || (route.scripts.length === 0 && route.styles.length === 0)) return template;
  // crossorigin as in Vite's own loader (app/lazy-page.tsx → import()), so the browser reuses the preload.
  const links = [
    ...route.scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ...route.styles.map((file) => `<link rel="preload" as="style" crossorigin href="/${file}">`),
  ];
  return template.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
}

function compressed(html: string): IndexDocument {
  const identity = Buffer.from(html, 'utf8');
  return {
    identity,
    br: zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzip: zlib.gzipSync(identity, { level: 9 }),
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
  };
}
