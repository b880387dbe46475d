import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexDocuments } from './index-html';

const TEMPLATE = `<!doctype html>
<html lang="nl">
  <head>
    <script type="application/json" id="peerkracht-messages">{"nl":"aaaaaaaa","en":"bbbbbbbb"}</script>
    <link rel="preload" href="/assets/messages-nl-aaaaaaaa.json" as="fetch" type="application/json" crossorigin="anonymous">
  </head>
  <body><div id="root"></div></body>
</html>`;

const home = {
  pattern: '/',
  scripts: ['assets/HomeRoute-x.js'],
  styles: [],
  data: ['/api/home', { call: '/api/sessions', roles: ['coachee', 'studentcoach'] }, { call: '/api/me/nominations', roles: ['coachee'], unless: ['studentcoach'] }],
  messages: { nl: ['/assets/messages-nl-HomeRoute-cccccccc.json'], en: ['/assets/messages-en-HomeRoute-dddddddd.json'] },
};
const session = { pattern: '/sessions/:sessionId', scripts: [], styles: [], data: ['/api/sessions/:sessionId'], messages: { nl: [], en: [] } };

describe('index.html per page and reader', () => {
  let dir: string;
  const write = (routes: unknown[]) => {
    fs.writeFileSync(path.join(dir, 'index.html'), TEMPLATE);
    fs.writeFileSync(path.join(dir, 'route-preloads.json'), JSON.stringify({ routes }));
  };
  const html = (document: { identity: Buffer }) => document.identity.toString('utf8');
  const preloaded = (text: string) => [...text.matchAll(/<link rel="preload" href="([^"]+)"/g)].map((m) => m[1]!);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-index-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('preloads the page’s code, and its data only for a live session, by the reader’s roles', () => {
    write([home, session]);
    const indexFor = indexDocuments(dir);
    const signedOut = html(indexFor('/', null));
    expect(signedOut).toContain('<link rel="modulepreload" crossorigin href="/assets/HomeRoute-x.js">');
    expect(preloaded(signedOut)).toEqual(['/assets/messages-nl-aaaaaaaa.json', '/assets/messages-nl-HomeRoute-cccccccc.json']);
    expect(preloaded(html(indexFor('/', { roles: ['coachee'], language: 'nl' })))).toContain('/api/me/nominations');
    const coach = preloaded(html(indexFor('/', { roles: ['studentcoach', 'coachee'], language: 'nl' })));
    expect(coach.filter((href) => href.startsWith('/api/'))).toEqual(['/api/home', '/api/sessions']);
    expect(preloaded(html(indexFor('/', { roles: ['beheerder'], language: 'nl' }))).filter((href) => href.startsWith('/api/'))).toEqual(['/api/home']);
    // A path's parameter is encoded into the call, never markup.
    expect(html(indexFor('/sessions/"><b>x', { roles: ['coachee'], language: 'nl' }))).toContain('href="/api/sessions/%22%3E%3Cb%3Ex"');
  });

  it('comes in the reader’s profile language: <html lang> and that language’s messages', () => {
    write([home]);
    const text = html(indexDocuments(dir)('/', { roles: ['coachee'], language: 'en' }));
    expect(text).toContain('<html lang="en">');
    const links = preloaded(text);
    expect(links).toContain('/assets/messages-en-bbbbbbbb.json');
    expect(links).toContain('/assets/messages-en-HomeRoute-dddddddd.json');
    expect(links.filter((href) => href.includes('messages-nl-'))).toEqual([]);
    // Signed out: Dutch, as built.
    expect(html(indexDocuments(dir)('/', null))).toContain('<html lang="nl">');
  });

  it('reads an older build, whose pages list their Dutch messages only', () => {
    write([{ ...home, messages: ['/assets/messages-nl-HomeRoute-cccccccc.json'] }]);
    const indexFor = indexDocuments(dir);
    expect(preloaded(html(indexFor('/', { roles: ['coachee'], language: 'nl' })))).toContain('/assets/messages-nl-HomeRoute-cccccccc.json');
    const english = preloaded(html(indexFor('/', { roles: ['coachee'], language: 'en' })));
    expect(english).toContain('/assets/messages-en-bbbbbbbb.json');
    expect(english.filter((href) => href.includes('messages-nl-'))).toEqual([]);
  });
});
