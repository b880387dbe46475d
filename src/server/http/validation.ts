/**
 * The zod validator for route schemas. Ours rather than the type provider's so that issues keep
 * their input (to tell "missing" from "wrong type") and become one AppError with field messages.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { ZodType } from 'zod';
import { AppError } from '../errors/app-error';
import type { IssueLike } from '../errors/validation-messages';

export class RequestValidationError extends AppError {
  constructor(readonly issues: IssueLike[]) {
    super('validation_failed', 'request validation failed');
  }
}

/** Half of a UTF-16 surrogate pair on its own: no character at all, so UTF-8 cannot carry it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Where the input holds a character PostgreSQL cannot store — a NUL, or a lone surrogate (jsonb
 * refuses it, text would silently get U+FFFD instead; found by the fuzzer, issue 23): every place,
 * so the request fails with a field message instead of failing in the database.
 */
export function nulCharacters(value: unknown, path: PropertyKey[] = [], found: IssueLike[] = []): IssueLike[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || LONE_SURROGATE.test(value)) found.push({ code: 'invalid_characters', path: [...path] });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulCharacters(item, [...path, i], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulCharacters(item, [...path, key], found);
  }
  return found;
}

export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) {
      const nul = nulCharacters(result.data);
      return nul.length > 0 ? { error: new RequestValidationError(nul) } : { value: result.data };
    }
    const issues: IssueLike[] = result.error.issues.map((issue) => {
      const { input, ...rest } = issue;
      return { ...rest, received: input === undefined ? 'undefined' : typeof input };
    });
    return { error: new RequestValidationError(issues) };
  };
