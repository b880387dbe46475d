/**
 * A fast first load (#20 item 7): the built client's files are sent precompressed (brotli, else
 * gzip) as the browser accepts, hashed assets with a year-long immutable cache and index.html
 * revalidated every time, without the document-only security headers (~600 bytes a file). Raw HTTP (node:http) so that nothing decompresses on the way.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/catalogue';
import { callApi, e2eSuite } from './support/suite';

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
const get = (url: string, headers: Record<string, string>) =>
  new Promise<Raw>((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });

describe('the web client’s files', () => {
  const suite = e2eSuite();

  it('are sent precompressed as the browser accepts, with long caching for hashed assets only', async () => {
    const index = await get(`${suite.server.url}/`, { 'accept-encoding': 'identity' });
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(index.body.toString('utf8'))?.[1];
    expect(script, 'index.html names its script').toBeDefined();
    const onDisk = path.resolve('dist/web', script!.slice(1));

    const br = await get(`${suite.server.url}${script}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/javascript/);
    // A script carries the headers that apply to it; the document-only ones go with pages only.
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(br.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(br.headers['content-security-policy']).toBeUndefined();
    expect(br.headers['x-frame-options']).toBeUndefined();
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(br.body.equals(fs.readFileSync(`${onDisk}.br`))).toBe(true);

    const gz = await get(`${suite.server.url}${script}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(fs.readFileSync(`${onDisk}.gz`))).toBe(true);

    const plain = await get(`${suite.server.url}${script}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(fs.readFileSync(onDisk))).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);

    // A client-side route gets index.html, compressed too, and never cached for long.
    const route = await get(`${suite.server.url}/me/compensation`, { 'accept-encoding': 'br' });
    expect(route.headers['content-encoding']).toBe('br');
    expect(route.headers['cache-control']).toBe('no-cache');
  });

  it('index.html preloads the code of the page it opens, and the session call', async () => {
    const preloads = async (pathname: string) => {
      const response = await get(`${suite.server.url}${pathname}`, { 'accept-encoding': 'identity' });
      expect(response.status, pathname).toBe(200);
      const html = response.body.toString('utf8');
      expect(html, `${pathname}: the session call is preloaded`).toContain('<link rel="preload" href="/api/auth/session" as="fetch" crossorigin="anonymous"');
      return [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/assets\/([\w-]+)-[\w-]{8}\.js">/g)].map((m) => m[1]!);
    };
    // The app's own chunks everywhere; the page's chunk where the path names a page.
    expect(await preloads('/sign-in')).toEqual(expect.arrayContaining(['react', 'i18n', 'SignInPage']));
    expect(await preloads('/')).toContain('HomeRoute');
    expect(await preloads('/resilience')).toContain('MyMapPage');
    const session = await preloads('/sessions/4f1c2a9e-0000-4000-8000-000000000001');
    expect(session).toContain('SessionPage');
    expect(session).not.toContain('NewSessionPage');
    // A static segment wins over a parameter, as in the router.
    const newSession = await preloads('/sessions/new');
    expect(newSession).toContain('NewSessionPage');
    expect(newSession).not.toContain('SessionPage');
    // Code only the first page needs never goes along: no react-aria, zod or charts for sign-in.
    expect((await preloads('/sign-in')).filter((name) => /^(DateTimeField|FocusScope|zod|echarts)$/.test(name))).toEqual([]);
    // Every preloaded file is one the build wrote (a missing one would come back as index.html).
    for (const pathname of ['/', '/sessions/4f1c2a9e-0000-4000-8000-000000000001', '/resilience']) {
      const html = (await get(`${suite.server.url}${pathname}`, { 'accept-encoding': 'identity' })).body.toString('utf8');
      for (const [, rel, href] of html.matchAll(/<link rel="(modulepreload|preload)"[^>]* href="(\/assets\/[^"]+)">/g)) {
        const file = await get(`${suite.server.url}${href}`, { 'accept-encoding': 'br' });
        expect(file.status, href).toBe(200);
        expect(file.headers['content-type'], href).toMatch(rel === 'modulepreload' ? /javascript/ : /text\/css/);
      }
    }
    // A path no route knows gets index.html as built (the app shows its "not found").
    expect(await preloads('/no/such/page')).toEqual(['react', 'i18n']);

    // Compressed as the browser accepts, the same page; revalidated by its ETag.
    const plain = await get(`${suite.server.url}/sessions/new`, { 'accept-encoding': 'identity' });
    const br = await get(`${suite.server.url}/sessions/new`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await get(`${suite.server.url}/sessions/new`, { 'accept-encoding': 'gzip' });
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.headers.etag).toBe(plain.headers.etag);
    const again = await get(`${suite.server.url}/sessions/new`, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Each page has its own document (and ETag): another route's is not taken for it.
    expect((await get(`${suite.server.url}/sign-in`, { 'accept-encoding': 'identity' })).headers.etag).not.toBe(br.headers.etag);
  });

  it('index.html preloads a page’s first data for a live session, and only then', async () => {
    const dataPreloads = async (pathname: string, cookie: string | null) => {
      const response = await get(`${suite.server.url}${pathname}`, { 'accept-encoding': 'identity', ...(cookie ? { cookie } : {}) });
      expect(response.status, pathname).toBe(200);
      expect(response.headers.vary).toContain('cookie');
      return [...response.body.toString('utf8').matchAll(/<link rel="preload" href="(\/api\/[^"]*)" as="fetch" crossorigin="anonymous">/g)].map((m) => m[1]!).filter((href) => href !== '/api/auth/session');
    };
    // The cookie must name a live session: a stale one (signed out elsewhere) would only be refused.
    const signedIn = await suite.signedIn('coachee');
    const cookie = (await signedIn.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    await signedIn.context().close();
    expect(await dataPreloads('/', 'pk_session=anything')).toEqual([]);
    const coach = await suite.signedIn('studentcoach');
    const coachCookie = (await coach.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    await coach.context().close();
    expect(await dataPreloads('/', coachCookie)).toEqual(['/api/home', '/api/me/trainings', '/api/regrouping/mine', '/api/sessions', '/api/programme-updates', '/api/attendance-signals', '/api/me/evaluations', '/api/me/year-reports', '/api/roadmaps']);
    // The home: the menu's summary and the coachee's own cards, nothing of another role's cards.
    expect(await dataPreloads('/', cookie)).toEqual(['/api/home', '/api/hundred-day/mine', '/api/me/nominations', '/api/regrouping/mine', '/api/sessions', '/api/me/evaluations', '/api/roadmaps']);
    expect(await dataPreloads('/resilience', cookie)).toEqual(['/api/home', '/api/resilience/my-map']);
    const id = '4f1c2a9e-0000-4000-8000-000000000001';
    expect(await dataPreloads(`/sessions/${id}`, cookie)).toEqual(['/api/home', `/api/sessions/${id}`, '/api/session-questions']);
    // Signed out (sign-in, or a page that sends you there): nothing that would only be refused.
    expect(await dataPreloads('/', null)).toEqual([]);
    expect(await dataPreloads(`/sessions/${id}`, null)).toEqual([]);
    expect(await dataPreloads('/sign-in', cookie)).toEqual([]);
    // A path's parameter goes into the link encoded, never as markup.
    const odd = (await get(`${suite.server.url}/sessions/%22%3E%3Cb%3Ex`, { 'accept-encoding': 'identity', cookie })).body.toString('utf8');
    expect(odd).not.toContain('"><b>x');
    expect(odd).toContain('<link rel="preload" href="/api/sessions/%22%3E%3Cb%3Ex" as="fetch" crossorigin="anonymous">');
  });

  it('a coach’s session page asks each of its first calls once, the preloaded ones included', async () => {
    const signedIn = await suite.signedIn('studentcoach');
    const { sessions } = await signedIn.evaluate(async () => (await (await fetch('/api/sessions')).json()) as { sessions: { id: string; type: string }[] });
    const session = sessions.find((s) => s.type === 'community');
    if (!session) throw new Error('the demo coach has no community session');
    const cookies = await signedIn.context().cookies();
    const page = await suite.open();
    await page.context().addCookies(cookies);
    const requests: string[] = [];
    const scripts: string[] = [];
    page.on('request', (request) => {
      requests.push(new URL(request.url()).pathname);
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const loaded = page.waitForEvent('load');
    await page.goto(`${suite.server.url}/sessions/${session.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // react-aria (the "move this session" date fields) waits until the page has loaded.
    await loaded;
    await page.getByRole('group', { name: 'Datum', exact: true }).waitFor();
    await suite.settled(page);
    for (const call of ['/api/auth/session', '/api/home', `/api/sessions/${session.id}`, '/api/session-questions']) expect(requests.filter((url) => url === call), call).toHaveLength(1);
    expect(requests.filter((url, i) => requests.indexOf(url) !== i)).toEqual([]);
    expect(scripts.some((url) => /\/DateTimeField-[\w-]+\.js$/.test(url))).toBe(true);
  });

  it('a page and its preloaded data are in one language: the profile’s, whatever the phone’s own language', async () => {
    const signedIn = await suite.signedIn('studentcoach');
    const { sessions } = await signedIn.evaluate(async () => (await (await fetch('/api/sessions')).json()) as { sessions: { id: string; type: string; startsAt: string }[] });
    // The community session nearest to now: the demo gives it a session plan (as bench:web opens).
    const session = sessions.filter((s) => s.type === 'community').sort((a, b) => Math.abs(Date.parse(a.startsAt) - Date.now()) - Math.abs(Date.parse(b.startsAt) - Date.now()))[0];
    if (!session) throw new Error('the demo coach has no community session');
    const cookies = await signedIn.context().cookies();
    /** The session page opened afresh (nothing chosen in this browser) on a phone set to `locale`, and the message files it fetched. */
    const open = async (locale: string) => {
      const page = await suite.open({ locale });
      await page.context().addCookies(cookies);
      const messages: string[] = [];
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/assets/messages-')) messages.push(path);
      });
      await page.goto(`${suite.server.url}/sessions/${session.id}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await suite.settled(page);
      return Object.assign(page, { messages });
    };
    // The demo plan's first activity, in each language (content/activities.json).
    const [nl, en] = ['Klets-kwartiertje (check-in)', 'Chat quarter (check-in)'];
    // A Dutch profile on a phone set to English: Dutch pages, Dutch data (the preload's header is the phone's).
    const dutch = await open('en-US');
    await dutch.getByRole('link', { name: nl }).waitFor();
    await expect(dutch.getByText(en).count()).resolves.toBe(0);
    await expect(dutch.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).resolves.toBe(true);
    expect(dutch.messages.filter((path) => path.startsWith('/assets/messages-en-')), dutch.messages.join(', ')).toEqual([]);
    // An English profile (chosen on another device) on a phone set to Dutch: English pages and data.
    await callApi(signedIn, 'PUT', '/api/me/locale', { locale: 'en' });
    try {
      const english = await open('nl-NL');
      await english.getByRole('link', { name: en }).waitFor();
      await expect(english.getByText(nl).count()).resolves.toBe(0);
      await expect(english.getByRole('navigation', { name: 'Main menu' }).isVisible()).resolves.toBe(true);
      // index.html came in English: the app started in it, and only the English messages (shell
      // and page part, both preloaded) were fetched, once each — no Dutch first, no second round.
      await expect(english.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      expect(english.messages.filter((path) => path.startsWith('/assets/messages-nl-')), english.messages.join(', ')).toEqual([]);
      expect(english.messages.filter((path) => /^\/assets\/messages-en-SessionPage-\w{8}\.json$/.test(path)), english.messages.join(', ')).toHaveLength(1);
      expect(english.messages.filter((path) => /^\/assets\/messages-en-\w{8}\.json$/.test(path)), english.messages.join(', ')).toHaveLength(1);
      const html = await get(`${suite.server.url}/sessions/${session.id}`, { 'accept-encoding': 'identity', cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') });
      const text = html.body.toString('utf8');
      expect(text).toContain('<html lang="en">');
      expect(text).toMatch(/<link rel="preload" href="\/assets\/messages-en-\w{8}\.json" as="fetch"/);
      expect(text).toMatch(/<link rel="preload" href="\/assets\/messages-en-SessionPage-\w{8}\.json" as="fetch"/);
      expect(text).not.toContain('/assets/messages-nl-');
    } finally {
      await callApi(signedIn, 'PUT', '/api/me/locale', { locale: 'nl' });
    }
  });

  /**
   * A fresh browser (an empty cache: a first load) carrying the session of `who`, signed in
   * elsewhere, and the API paths it asks, in order.
   */
  async function afresh(who: string) {
    const signedIn = await suite.signedIn(who);
    const cookies = await signedIn.context().cookies();
    const page = await suite.open();
    await page.context().addCookies(cookies);
    const calls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) calls.push(new URL(request.url()).pathname);
    });
    return { page, calls };
  }

  it('a coach’s home asks each of its calls once: the preloaded cards take the preloaded answers', async () => {
    const { page, calls } = await afresh('studentcoach');
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await suite.settled(page);
    for (const call of ['/api/home', '/api/sessions', '/api/me/trainings', '/api/attendance-signals', '/api/roadmaps']) expect(calls.filter((url) => url === call), call).toHaveLength(1);
    expect(calls.filter((url, i) => calls.indexOf(url) !== i)).toEqual([]);
  });

  it('signs in with at most 135 KiB of JavaScript, each file and the session call fetched once', async () => {
    const page = await suite.open();
    const requests: string[] = [];
    const scripts: { url: string; bytes: number }[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      void request.sizes().then((sizes) => scripts.push({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize }));
    });
    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await suite.settled(page);
    await expect.poll(() => scripts.some((s) => /\/SignInPage-[\w-]+\.js$/.test(s.url)), { message: 'the sign-in page’s chunk was loaded' }).toBe(true);
    const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
    expect(total, `JavaScript transferred for sign-in: ${scripts.map((s) => `${s.url} ${s.bytes}`).join(', ')}`).toBeLessThanOrEqual(135 * 1024);
    // The date fields' react-aria and the schemas' zod are for other pages.
    expect(scripts.filter((s) => /\/(DateTimeField|FocusScope|zod|echarts)-[\w-]+\.js$/.test(s.url))).toEqual([]);
    // The preloads are used: nothing is fetched twice (the page's chunk, the session call).
    const twice = requests.filter((url, i) => requests.indexOf(url) !== i);
    expect(twice).toEqual([]);
    expect(requests.filter((url) => url === '/api/auth/session')).toHaveLength(1);
  });

  // The coachee's first load measured as a phone receives it: every script's bytes on the wire.
  const BUDGET = 150 * 1024;

  it('transfers at most 150 KiB of JavaScript, brotli-compressed, and a page’s code only when it is opened', async () => {
    // Sign in once, then open home in a fresh context (an empty cache) carrying the session.
    const { page, calls } = await afresh('coachee');
    const scripts: { url: string; bytes: number; body: number; encoding: string | undefined; cache: string | undefined }[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      void (async () => {
        const response = await request.response();
        const sizes = await request.sizes();
        scripts.push({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize, body: sizes.responseBodySize, encoding: response?.headers()['content-encoding'], cache: response?.headers()['cache-control'] });
      })();
    });
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await suite.settled(page);
    await expect.poll(() => scripts.some((s) => /\/HomeRoute-[\w-]+\.js$/.test(s.url)), { message: 'the home page’s chunk was loaded' }).toBe(true);

    const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
    expect(total, `JavaScript transferred for the coachee’s home: ${scripts.map((s) => `${s.url} ${s.bytes}`).join(', ')}`).toBeLessThanOrEqual(BUDGET);
    for (const s of scripts) {
      expect(s.cache, s.url).toBe('public, max-age=31536000, immutable');
      // Tiny chunks are not worth compressing (the build skips files under 512 bytes).
      if (s.encoding !== 'br') expect(s.body, `${s.url} sent uncompressed`).toBeLessThan(512);
    }
    // The menu and the page share one /api/home, the one index.html preloaded; no call is made twice.
    expect(calls.filter((url) => url === '/api/home')).toHaveLength(1);
    expect(calls.filter((url, i) => calls.indexOf(url) !== i)).toEqual([]);
    // Code for other pages stays on the server until it is needed.
    expect(scripts.filter((s) => /\/(SessionsPage|SessionPage|MyMapPage|StyleGuidePage|GroupingPage|Field|echarts)-[\w-]+\.js$/.test(s.url))).toEqual([]);

    const sessionsChunk = page.waitForResponse((response) => /\/assets\/SessionsPage-[\w-]+\.js$/.test(new URL(response.url()).pathname));
    await suite.menu(page, 'Bijeenkomsten');
    await sessionsChunk;
    await page.getByRole('heading', { level: 1, name: 'Bijeenkomsten' }).waitFor();
  });

  it('shows a clear message with a reload button when a page’s code cannot be loaded (after a deploy)', async () => {
    const page = await suite.open({ allowedStatuses: [404] });
    await suite.signIn(page, 'coachee');
    // The old version's chunk is gone from the server.
    await page.route(/\/assets\/SessionsPage-[\w-]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await suite.menu(page, 'Bijeenkomsten');
    await page.getByRole('heading', { level: 1, name: 'Deze pagina kon niet laden' }).waitFor();
    // The header and menu stay; the reload button brings the page back once the file is there.
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(true);
    await page.unroute(/\/assets\/SessionsPage-[\w-]+\.js$/);
    await page.getByRole('button', { name: 'Pagina opnieuw laden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bijeenkomsten' }).waitFor();
  });

  // Messages per page (#20 item 7): the shell's part at start, each page's part with its code.
  const GROUPS = new Set(Object.keys(catalogues.nl));
  /** Text that is a message key (i18next shows the key when its message is missing). */
  const rawKeys = (texts: string[]) =>
    [...new Set(texts.flatMap((text) => [...text.matchAll(/\b[a-z][a-zA-Z]*(?:\.[a-zA-Z0-9_-]+)+\b/g)].map((m) => m[0])))].filter((key) => GROUPS.has(key.split('.')[0]!));

  /**
   * A fresh browser (empty cache) in a language, carrying `cookies`, that records every text put
   * into the page while it loads: a key shown for a moment (before its messages arrived) counts.
   */
  async function watched(lng: 'nl' | 'en', cookies: Awaited<ReturnType<ReturnType<Page['context']>['cookies']>>) {
    const page = await suite.open();
    await page.context().addCookies(cookies);
    await page.context().addInitScript((language: string) => {
      localStorage.setItem('peerkracht.language', language);
      const seen: string[] = [];
      (window as unknown as { seenTexts: string[] }).seenTexts = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'characterData') seen.push(record.target.textContent ?? '');
          for (const node of record.addedNodes) if (node.nodeName !== 'SCRIPT' && node.nodeName !== 'STYLE') seen.push(node.textContent ?? '');
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    }, lng);
    return page;
  }

  /** Everything the page showed since it was opened, and shows now (the document's title too). */
  const shown = (page: Page) => page.evaluate(() => [...(window as unknown as { seenTexts: string[] }).seenTexts, document.body.innerText, document.title]);

  /** Waits until the page at `path` shows its own heading and has its data. */
  async function arrived(page: Page, path: string, lng: 'nl' | 'en', before: string | null) {
    await expect.poll(() => page.evaluate(() => location.pathname), { message: path }).toBe(path);
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(async () => ((await heading.count()) > 0 ? await heading.first().innerText() : before), { message: `${path}: its heading` }).not.toBe(before);
    await suite.settled(page);
    expect(await page.evaluate(() => document.documentElement.lang), path).toBe(lng);
  }

  it.each(['nl', 'en'] as const)('pages opened directly and reached in the app show no message keys (%s)', async (lng) => {
    const coachee = await suite.signedIn('coachee');
    const coach = await suite.signedIn('studentcoach');
    const coordinator = await suite.signedIn('coordinator');
    const { sessions } = await callApi<{ sessions: { id: string; type: string }[] }>(coach, 'GET', '/api/sessions');
    const session = sessions.find((s) => s.type === 'community');
    if (!session) throw new Error('the demo coach has no community session');
    const structure = await callApi<{ programmes: { nameNl: string; intakes: { id: string; month: string }[] }[] }>(coordinator, 'GET', '/api/programme/structure');
    const intake = structure.programmes.find((p) => p.nameNl === 'Social Work')!.intakes.find((i) => i.month === 'february')!.id;
    const who = [
      { cookies: [], from: '/forgot-password', paths: ['/sign-in'] },
      { cookies: await coachee.context().cookies(), from: '/', paths: ['/', '/resilience'] },
      { cookies: await coach.context().cookies(), from: '/', paths: [`/sessions/${session.id}`] },
      { cookies: await coordinator.context().cookies(), from: '/', paths: [`/programme/intakes/${intake}`, `/programme/intakes/${intake}/grouping`, '/compensation'] },
    ];
    {
      for (const { cookies, from, paths } of who) {
        for (const path of paths) {
          // Opened directly: a first load with an empty cache.
          const direct = await watched(lng, cookies);
          await direct.goto(`${suite.server.url}${path}`);
          await arrived(direct, path, lng, null);
          expect(rawKeys(await shown(direct)), `${path} (${lng}) opened directly`).toEqual([]);
          // Reached in the app: the page's code and messages are fetched when it is shown.
          if (path === from) continue;
          const inApp = await watched(lng, cookies);
          await inApp.goto(`${suite.server.url}${from}`);
          await arrived(inApp, from, lng, null);
          const heading = await inApp.getByRole('heading', { level: 1 }).first().innerText();
          await inApp.evaluate((to) => {
            history.pushState(null, '', to);
            dispatchEvent(new PopStateEvent('popstate'));
          }, path);
          await arrived(inApp, path, lng, heading);
          expect(rawKeys(await shown(inApp)), `${path} (${lng}) reached from ${from}`).toEqual([]);
          await inApp.context().close();
          await direct.context().close();
        }
      }
    }
  }, 300_000);

  it('the home’s first load fetches only the shell’s and the home’s Dutch messages, a tenth of the whole catalogue', async () => {
    const signedIn = await suite.signedIn('coachee');
    // A Dutch profile (an English browser earlier in this file brought the profile to English).
    await callApi(signedIn, 'PUT', '/api/me/locale', { locale: 'nl' });
    const cookies = await signedIn.context().cookies();
    const page = await suite.open();
    await page.context().addCookies(cookies);
    const requests: string[] = [];
    const messages: { url: string; bytes: number }[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    page.on('requestfinished', (request) => {
      if (!/\/assets\/messages-/.test(request.url())) return;
      void request.sizes().then((sizes) => messages.push({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize }));
    });
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await suite.settled(page);
    await expect.poll(() => messages.length, { message: 'the shell’s and the home’s messages' }).toBe(2);
    // In either order: sorting would depend on the content hashes.
    const urls = messages.map((m) => m.url);
    expect(urls.filter((url) => /^\/assets\/messages-nl-HomeRoute-[\w-]{8}\.json$/.test(url)), urls.join(', ')).toHaveLength(1);
    expect(urls.filter((url) => /^\/assets\/messages-nl-[\w-]{8}\.json$/.test(url)), urls.join(', ')).toHaveLength(1);
    // The whole Dutch catalogue was 52 KB compressed (205 KB); the two parts are about 6 KB.
    const total = messages.reduce((sum, m) => sum + m.bytes, 0);
    expect(total, messages.map((m) => `${m.url} ${m.bytes}`).join(', ')).toBeLessThan(10 * 1024);
    // Both were preloaded from index.html and fetched once.
    const html = (await get(`${suite.server.url}/`, { 'accept-encoding': 'identity', cookie: 'pk_session=x' })).body.toString('utf8');
    for (const { url } of messages) {
      expect(html, url).toContain(`<link rel="preload" href="${url}" as="fetch" type="application/json" crossorigin="anonymous">`);
      expect(requests.filter((r) => r === url), url).toHaveLength(1);
    }
  });
});
