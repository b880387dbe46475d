/**
 * A fast first load (#20 item 7): the built client's files are sent precompressed (brotli, else
 * gzip) as the browser accepts, hashed assets with a year-long immutable cache and index.html
 * revalidated every time, without the document-only security headers (~600 bytes a file). Raw HTTP (node:http) so that nothing decompresses on the way.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eSuite } from './support/suite';

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

  // The coachee's first load measured as a phone receives it: every script's bytes on the wire.
  const BUDGET = 150 * 1024;

  it('transfers at most 150 KiB of JavaScript, brotli-compressed, and a page’s code only when it is opened', async () => {
    // Sign in once, then open home in a fresh context (an empty cache) carrying the session.
    const signedIn = await suite.signedIn('coachee');
    const cookies = await signedIn.context().cookies();
    const page = await suite.open();
    await page.context().addCookies(cookies);
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
});
