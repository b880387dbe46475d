import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { dataCallsFor, type RouteDataCall } from '../../contracts/preloads';
import type { Locale } from '../../i18n/translate';

/**
 * One route of the web client, the files its page needs beyond index.html's (its scripts, styles and
 * Dutch message parts) and the API calls it makes first for a signed-in person (the build writes
 * them; `data` and `messages` are missing in an older build).
 */
type RoutePreload = { pattern: string; scripts: string[]; styles: string[]; data?: RouteDataCall[]; messages?: Record<Locale, string[]> | string[] };

/** Who asks, as far as index.html needs to know: the live session's roles and profile language. */
export type IndexReader = { roles: readonly string[]; language: Locale };

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
 * and compressed once.
 *
 * When the browser holds a live session (`reader`: its cookie resolves to a session that needs no
 * MFA set-up first; null otherwise), the page's first API calls are preloaded too
 * (`<link rel="preload" as="fetch">`, src/web/app/route-data.ts), so its data is on its way with
 * the scripts; a call for some roles only (a coachee's home card) when the person holds one. The
 * document is in the person's profile language: `<html lang>` (the app starts in it unless this
 * browser chose another, src/web/i18n.ts) and that language's message parts preloaded; signed out,
 * Dutch. Of the person nothing else goes into the document but which of those calls their page
 * makes. A call with a parameter (a session's id) is filled in from the path; those variants are
 * built per request (a small file, compressed at a lower level) rather than kept.
 */
export function indexDocuments(webDist: string): (pathname: string, reader: IndexReader | null) => IndexDocument {
  const indexFile = path.join(webDist, 'index.html');
  const preloadsFile = path.join(webDist, 'route-preloads.json');
  let built = -1;
  let template = '';
  let matchers: { route: RoutePreload; params: number; regex: RegExp; names: string[] }[] = [];
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
      regex: new RegExp(`^${route.pattern.split('/').map((s) => (s.startsWith(':') ? '([^/]+)' : escapeRegExp(s))).join('/')}/?$`),
      names: route.pattern.split('/').filter((s) => s.startsWith(':')),
    }));
  };
  return (pathname, reader) => {
    load();
    const match = matchers.filter((m) => m.regex.test(pathname)).sort((a, b) => a.params - b.params)[0] ?? null;
    const route = match?.route ?? null;
    const calls = reader && match ? dataCallsFor(match.route.data ?? [], reader.roles) : [];
    const language = reader?.language ?? 'nl';
    // A call with a parameter differs per path: built for this request, not kept.
    if (calls.some((call) => call.includes('/:'))) return compressed(withPreloads(inLanguage(template, language), route, dataCalls(match!, pathname, calls), language), 5);
    // Otherwise one document per route, language and set of calls (a handful per route: the roles' cards).
    const key = `${route?.pattern ?? ''} ${language} ${calls.join(' ')}`;
    let document = cache.get(key);
    if (!document) {
      document = compressed(withPreloads(inLanguage(template, language), route, calls, language));
      cache.set(key, document);
    }
    return document;
  };
}

/** The route's first API calls with its parameters filled in from the (decoded) path, encoded again. */
function dataCalls(match: { regex: RegExp; names: string[] }, pathname: string, calls: readonly string[]): string[] {
  const values = match.regex.exec(pathname)?.slice(1) ?? [];
  const params = new Map(match.names.map((name, i) => [name, values[i] ?? '']));
  return calls.map((call) =>
    call
      .split('/')
      .map((s) => (s.startsWith(':') ? encodeURIComponent(params.get(s) ?? '') : s))
      .join('/'),
  );
}

/**
 * index.html in a language: `<html lang>`, and the shell message part preloaded in it (the build
 * writes the Dutch one; the hashes of both are in the document's messages element).
 */
function inLanguage(template: string, language: Locale): string {
  if (language === 'nl') return template;
  const hashes = /<script type="application\/json" id="peerkracht-messages">(\{[^<]*\})<\/script>/.exec(template)?.[1];
  const shell = hashes ? (JSON.parse(hashes) as Partial<Record<Locale, string>>) : {};
  if (!shell.nl || !shell.en) return template;
  return template.replace('<html lang="nl">', '<html lang="en">').replace(`/assets/messages-nl-${shell.nl}.json`, `/assets/messages-en-${shell.en}.json`);
}

/** index.html with the route's preload links at the end of its head. */
function withPreloads(template: string, route: RoutePreload | null, data: string[], language: Locale): string {
  // An older build lists the Dutch parts only.
  const parts = route?.messages;
  const messages = Array.isArray(parts) ? (language === 'nl' ? parts : []) : (parts?.[language] ?? []);
  if (!route || (route.scripts.length === 0 && route.styles.length === 0 && data.length === 0 && messages.length === 0)) return template;
  // crossorigin as in Vite's own loader (app/lazy-page.tsx → import()), so the browser reuses the preload.
  // The data calls as the session's preload in index.html: the browser reuses them for the client's
  // fetch (same URL, mode cors, credentials same-origin: src/web/api.ts).
  const links = [
    ...route.scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ...route.styles.map((file) => `<link rel="preload" as="style" crossorigin href="/${file}">`),
    // The page's message parts as the client fetches them (src/web/messages-plugin.ts), in the
    // document's language (a choice made in this browser alone is in its storage, unseen here).
    ...messages.map((file) => `<link rel="preload" href="${file}" as="fetch" type="application/json" crossorigin="anonymous">`),
    ...data.map((call) => `<link rel="preload" href="${call}" as="fetch" crossorigin="anonymous">`),
  ];
  return template.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
}

function compressed(html: string, quality = 11): IndexDocument {
  const identity = Buffer.from(html, 'utf8');
  return {
    identity,
    br: zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzip: zlib.gzipSync(identity, { level: quality === 11 ? 9 : 6 }),
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
  };
}
