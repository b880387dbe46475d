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

export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const issues: IssueLike[] = result.error.issues.map((issue) => {
      const { input, ...rest } = issue;
      return { ...rest, received: input === undefined ? 'undefined' : typeof input };
    });
    return { error: new RequestValidationError(issues) };
  };
