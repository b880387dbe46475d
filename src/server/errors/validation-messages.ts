/** Turns zod issues into field-level messages in the user's language. */
import type { Locale } from '../../i18n/translate';
import { translate } from '../../i18n/translate';
import type { FieldError } from './app-error';

/** The parts of a zod 4 issue we read; other fields are ignored. */
export type IssueLike = {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  expected?: unknown;
  received?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  divisor?: unknown;
  keys?: readonly string[];
  format?: unknown;
  values?: readonly unknown[];
};

type T = (key: string, params?: Record<string, string | number>) => string;

const FORMATS: Record<string, string> = {
  email: 'invalidEmail',
  url: 'invalidUrl',
  date: 'invalidDate',
  time: 'invalidTime',
  datetime: 'invalidDateTime',
  uuid: 'invalidReference',
  guid: 'invalidReference',
};

const EXPECTED: Record<string, string> = {
  string: 'enterText',
  number: 'enterNumber',
  int: 'enterWholeNumber',
  bigint: 'enterWholeNumber',
  boolean: 'chooseYesNo',
  date: 'enterDate',
};

/** A date bound in words, in the person's language and the programme's time zone. */
function dateInWords(locale: Locale, value: unknown): string {
  const date = value instanceof Date ? value : new Date(Number(value));
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(date);
}

function bound(t: T, locale: Locale, issue: IssueLike, side: 'min' | 'max'): string {
  const inclusive = issue.inclusive !== false;
  const value = side === 'min' ? issue.minimum : issue.maximum;
  const limit = Number(value);
  switch (issue.origin) {
    case 'string':
      return side === 'min' ? (limit <= 1 ? t('required') : t('tooShort', { minimum: limit })) : t('tooLong', { maximum: limit });
    case 'array':
    case 'set':
      return side === 'min' ? t('tooFewItems', { minimum: limit }) : t('tooManyItems', { maximum: limit });
    case 'date': {
      const date = dateInWords(locale, value);
      if (side === 'min') return t(inclusive ? 'dateFrom' : 'dateAfter', { date });
      return t(inclusive ? 'dateUntil' : 'dateBefore', { date });
    }
    case 'file':
      return t(side === 'min' ? 'fileTooSmall' : 'fileTooBig');
    default:
      if (side === 'min') return t(inclusive ? 'atLeast' : 'above', { minimum: limit });
      return t(inclusive ? 'atMost' : 'below', { maximum: limit });
  }
}

function messageFor(locale: Locale, issue: IssueLike): string {
  const t: T = (key, params = {}) => translate(locale, `validation.${key}`, params);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined' || issue.received === undefined) return t('required');
      return t(EXPECTED[String(issue.expected)] ?? 'invalid');
    case 'too_small':
      return bound(t, locale, issue, 'min');
    case 'too_big':
      return bound(t, locale, issue, 'max');
    case 'not_multiple_of':
      return t('multipleOf', { divisor: Number(issue.divisor) });
    case 'unrecognized_keys':
      return t('unknownField');
    case 'invalid_format':
      return t(FORMATS[String(issue.format)] ?? 'invalidFormat');
    case 'invalid_value':
      // z.literal(true): a box that must be ticked (a consent, an agreement).
      return issue.values?.length === 1 && issue.values[0] === true ? t('mustTick') : t('invalidOption');
    case 'invalid_characters':
      return t('invalidCharacters');
    case 'custom':
      // A refinement's message is a code (`end_before_start`) or an internal English note.
      return (issue.message && knownCode(locale, issue.message)) ?? t('invalid');
    default:
      return t('invalid');
  }
}

/**
 * A field message a use case or a refinement gives as a code (`required`, `end_before_start`):
 * its translation from `validation` or `validation.custom`. A message that is no known code is
 * already in words (a use case translated it) and is passed on; an unknown code-like message
 * becomes the general "this value is not right", so no code ever reaches a screen.
 */
export function fieldMessage(locale: Locale, message: string): string {
  return knownCode(locale, message) ?? (/\s/.test(message) ? message : translate(locale, 'validation.invalid'));
}

function knownCode(locale: Locale, code: string): string | undefined {
  for (const key of [`validation.custom.${code}`, `validation.${code}`]) {
    const text = translate(locale, key);
    if (text !== key) return text;
  }
  return undefined;
}

export function fieldErrors(locale: Locale, issues: readonly IssueLike[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    // One entry per unknown key, so the client can point at each offending field.
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: messageFor(locale, issue) }));
    }
    return [{ path: base, message: messageFor(locale, issue) }];
  });
}
