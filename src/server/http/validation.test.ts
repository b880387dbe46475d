import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nulCharacters, RequestValidationError, zodValidatorCompiler } from './validation';

describe('NUL characters in input', () => {
  it('finds every string with a NUL, with its path, in objects and arrays', () => {
    expect(nulCharacters({ a: 'ok', b: ['x', 'y\u0000'], c: { d: '\u0000' }, e: 3, f: null })).toEqual([
      { code: 'invalid_characters', path: ['b', 1] },
      { code: 'invalid_characters', path: ['c', 'd'] },
    ]);
    expect(nulCharacters({ a: 'tab\tand newline\n are fine' })).toEqual([]);
    // Half a surrogate pair cannot be stored either (jsonb refuses it); a whole emoji can.
    expect(nulCharacters({ a: '\uD800alone', b: 'end\uDC00', c: '👩🏽‍🎓' })).toEqual([
      { code: 'invalid_characters', path: ['a'] },
      { code: 'invalid_characters', path: ['b'] },
    ]);
  });

  it('makes the validator refuse the request with a field issue', () => {
    const validate = zodValidatorCompiler({ schema: z.object({ reason: z.string() }), method: 'PUT', url: '/x', httpPart: 'body' }) as (data: unknown) => { value?: unknown; error?: unknown };
    expect(validate({ reason: 'fine' })).toEqual({ value: { reason: 'fine' } });
    const refused = validate({ reason: 'zi\u0000ek' });
    expect(refused.error).toBeInstanceOf(RequestValidationError);
    expect((refused.error as RequestValidationError).issues).toEqual([{ code: 'invalid_characters', path: ['reason'] }]);
  });
});
