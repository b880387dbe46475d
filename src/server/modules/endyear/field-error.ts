/** A validation failure on one field of the end-of-year report, with its message in the reader's language. */
import { translate, type Locale } from '../../../i18n/translate';
import { AppError } from '../../errors/app-error';

export function fieldError(locale: Locale, path: string, key: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('validation_failed', `${path} ${key}`, {}, [{ path, message: translate(locale, `endyear.errors.${key}`, params) }]);
}
