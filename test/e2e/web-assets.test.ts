/**
 * A fast first load (#20 item 7): the built client's files are sent precompressed (brotli, else
 * gzip) as the browser accepts, hashed assets with a year-long immutable cache and index.html
 * revalidated every time. Raw HTTP (node:http) so that nothing decompresses on the way.
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
});
