/**
 * Server-side translation with the same message files the web client uses (src/i18n/*.json),
 * so an error message reads the same wherever it appears.
 */
import { catalogues, type Messages } from './catalogue';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];


function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const pluralRules = { nl: new Intl.PluralRules('nl'), en: new Intl.PluralRules('en') };

/** The message for a key, with i18next's plural forms (`key_one`, `key_other`) picked by `count`. */
function template(locale: Locale, key: string, count: unknown): string | undefined {
  const messages = catalogues[locale];
  if (typeof count === 'number') {
    const plural = lookup(messages, `${key}_${pluralRules[locale].select(count)}`) ?? lookup(messages, `${key}_other`);
    if (plural !== undefined) return plural;
  }
  return lookup(messages, key);
}

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const text = template(locale, key, params.count) ?? template('nl', key, params.count) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

/** Picks nl or en from an Accept-Language header; Dutch is the default. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'nl';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((r) => isLocale(r.lang))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang === 'en' ? 'en' : 'nl';
}
