/** Turns zod issues into field-level messages in the user's language. */
import type { Locale } from '../../i18n/translate';
import { translate } from '../../i18n/translate';
import type { FieldError } from './app-error';

/** The parts of a zod 4 issue we read; other fields are ignored. */
export type IssueLike = {
  code: string;
  path: readonly PropertyKey[];
  expected?: unknown;
  received?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  keys?: readonly string[];
  format?: unknown;
  values?: readonly unknown[];
};

function messageFor(locale: Locale, issue: IssueLike): string {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `validation.${key}`, params);
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' || issue.received === undefined
        ? t('required')
        : t('invalidType', { expected: t(`types.${String(issue.expected)}`) });
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('required');
      return issue.origin === 'string'
        ? t('tooShort', { minimum: Number(issue.minimum) })
        : issue.origin === 'array'
          ? t('tooFewItems', { minimum: Number(issue.minimum) })
          : t('tooSmall', { minimum: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('tooLong', { maximum: Number(issue.maximum) })
        : issue.origin === 'array'
          ? t('tooManyItems', { maximum: Number(issue.maximum) })
          : t('tooBig', { maximum: Number(issue.maximum) });
    case 'unrecognized_keys':
      return t('unknownField');
    case 'invalid_format':
      return issue.format === 'email' ? t('invalidEmail') : t('invalidFormat');
    case 'invalid_value':
      return t('invalidOption', { options: (issue.values ?? []).map(String).join(', ') });
    case 'invalid_characters':
      return t('invalidCharacters');
    default:
      return t('invalid');
  }
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
