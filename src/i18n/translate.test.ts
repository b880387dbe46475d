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

  it('interpolates parameters', () => {
    expect(translate('en', 'validation.tooShort', { minimum: 10 })).toBe('At least 10 characters.');
    expect(translate('nl', 'validation.tooShort', { minimum: 10 })).toBe('Minstens 10 tekens.');
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
