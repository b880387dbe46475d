import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogue';
import { localeFromAcceptLanguage, translate } from './translate';

type Tree = { [key: string]: string | Tree };
const { nl, en }: { nl: Tree; en: Tree } = catalogues;
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const lookup = (tree: Tree, key: string) => key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string;

describe('messages', () => {
  it('has the same keys in Dutch and English', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it('has no empty message and the same placeholders in both languages', () => {
    for (const key of keys(nl)) {
      expect(lookup(nl, key).trim(), key).not.toBe('');
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(nl, key)));
    }
  });

  it('gives every message with a count its plural forms, in both languages', () => {
    // i18next picks `key_one` / `key_other` by the count, so "1 studenten" cannot happen.
    const bare = keys(nl).filter((key) => lookup(nl, key).includes('{{count}}') && !/_(one|other)$/.test(key));
    expect(bare).toEqual([]);
    for (const key of keys(nl).filter((k) => /_(one|other)$/.test(k))) {
      const stem = key.replace(/_(one|other)$/, '');
      expect(keys(nl), `${stem} needs both forms`).toEqual(expect.arrayContaining([`${stem}_one`, `${stem}_other`]));
    }
  });

  it('picks the plural form on the server too', () => {
    expect(translate('nl', 'home.members', { count: 1 })).toBe('1 deelnemer');
    expect(translate('nl', 'home.members', { count: 0 })).toBe('0 deelnemers');
    expect(translate('en', 'home.members', { count: 7 })).toBe('7 members');
  });

  it('interpolates parameters', () => {
    expect(translate('en', 'validation.tooShort', { minimum: 10 })).toBe('Use at least 10 characters.');
    expect(translate('nl', 'validation.tooShort', { minimum: 10 })).toBe('Gebruik minstens 10 tekens.');
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, 'nl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,en;q=0.5,nl;q=0.8', 'nl'],
    ['fr', 'nl'],
  ])('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
