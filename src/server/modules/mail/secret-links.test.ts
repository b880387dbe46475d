import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newToken } from '../identity/secrets';
import { REDACTED, SECRET_LINK_KINDS, redactSecretLinks, secretLink, type SecretLinkKind } from './secret-links';

const KINDS = Object.keys(SECRET_LINK_KINDS) as SecretLinkKind[];
const BASES = ['https://peerkracht.example.nl', 'https://peerkracht.example.nl/', 'http://localhost:3000', 'https://example.test/sub/path/'];
// Any text that may surround a link in a mail: letters, punctuation, line breaks, quotes.
const surrounding = fc.string({ unit: fc.constantFrom(...'ab Z.,:;!?()"\'<>\n\r\t-_/#=éß'.split('')), maxLength: 40 });
const tokens = fc.oneof(
  fc.constant(null).map(() => newToken()),
  fc.string({ unit: fc.constantFrom(...'ABCxyz0189-_'.split('')), minLength: 1, maxLength: 80 }),
);

describe('secret links', () => {
  it('builds every kind of link that works without signing in', () => {
    expect(secretLink('https://pk.example/', 'passwordReset', 'TOKEN')).toBe('https://pk.example/reset-password#token=TOKEN');
    expect(secretLink('https://pk.example', 'rsvp', 'TOKEN')).toBe('https://pk.example/rsvp#TOKEN');
    expect(secretLink('https://pk.example', 'calendarFeed', 'TOKEN')).toBe('https://pk.example/api/calendar/TOKEN.ics');
  });

  it.each(KINDS)('hides the token of a %s link and keeps the rest of the link', (kind) => {
    const token = newToken();
    const link = secretLink('https://pk.example', kind, token);
    const redacted = redactSecretLinks(`Hoi,\n\nKlik hier:\n${link}\n\npeerkracht`);
    expect(redacted).not.toContain(token);
    expect(redacted).toContain(secretLink('https://pk.example', kind, REDACTED));
    expect(redacted.startsWith('Hoi,\n\nKlik hier:\nhttps://pk.example/')).toBe(true);
    expect(redacted.endsWith('\n\npeerkracht')).toBe(true);
  });

  it('never lets a token of any kind, on any base URL, in any surrounding text, through', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.constantFrom(...BASES), tokens, surrounding, surrounding, (kind, base, token, before, after) => {
        const text = `${before}${secretLink(base, kind, token)}${after}`;
        const redacted = redactSecretLinks(text);
        expect(redacted.includes(secretLink(base, kind, token))).toBe(false);
        expect(redacted).toContain(REDACTED);
      }),
    );
  });

  it('hides a token-shaped word in any other link too, so a new kind of link cannot slip through', () => {
    fc.assert(
      fc.property(surrounding, (before) => {
        const token = newToken();
        const redacted = redactSecretLinks(`${before}https://pk.example/some-new-link?code=${token}&x=1`);
        expect(redacted).not.toContain(token);
        expect(redacted).toContain(`?code=${REDACTED}&x=1`);
      }),
    );
  });

  it('hides several links in one text, with a marker of the caller’s choice', () => {
    const [a, b] = [newToken(), newToken()];
    const text = `${secretLink('https://pk.example', 'rsvp', a)} en ${secretLink('https://pk.example', 'passwordReset', b)}.`;
    expect(redactSecretLinks(text, '[verborgen]')).toBe('https://pk.example/rsvp#[verborgen] en https://pk.example/reset-password#token=[verborgen].');
  });

  it('leaves links and text without a secret alone', () => {
    const text = [
      'Hoi Ada,',
      'https://pk.example/sessions/0b9f6c1e-8d2a-4c55-9a3f-2f1e7b6d4c10',
      'https://pk.example/handovers/0b9f6c1e-8d2a-4c55-9a3f-2f1e7b6d4c10',
      'https://pk.example/forgot-password',
      'https://pk.example/support/signals',
      'Referentie SIG-2026-0042, dinsdag 6 oktober, 15:30. Lokaal 2.14 — kom je?',
      '/api/sessions/0b9f6c1e-8d2a-4c55-9a3f-2f1e7b6d4c10/rsvp',
    ].join('\n');
    expect(redactSecretLinks(text)).toBe(text);
  });
});
