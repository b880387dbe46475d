/** Maps every error to one JSON shape with a translated message; no stack traces leave the server. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { translate } from '../../i18n/translate';
import { AppError, fromDatabaseError, TooManyAttemptsError } from '../errors/app-error';
import { fieldErrors, fieldMessage } from '../errors/validation-messages';
import { isClientAbort } from './logging';
import { RequestValidationError } from './validation';

function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyCode = (error as FastifyError).code;
  if (fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) return new AppError('malformed_json');
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large');
  if (fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new AppError('malformed_json');
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('validation_failed');
  if ((error as FastifyError).statusCode === 429) return new AppError('rate_limited');
  return fromDatabaseError(error) ?? new AppError('internal', error.message);
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (isClientAbort(error, request)) {
    // Not a server error, and nobody is left to answer: one info line with the request id.
    request.log.info('request aborted by the client');
    void reply.status(400).send();
    return;
  }
  const appError = toAppError(error);
  if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
  else request.log.info({ code: appError.code }, 'request failed');
  const locale = request.locale;
  const fields =
    error instanceof RequestValidationError
      ? fieldErrors(locale, error.issues)
      : appError.fields.length > 0
        ? appError.fields.map((field) => ({ path: field.path, message: fieldMessage(locale, field.message) }))
        : undefined;
  if (appError instanceof TooManyAttemptsError) void reply.header('retry-after', String(appError.retryAfterSeconds));
  void reply.status(appError.status).send({
    error: {
      code: appError.code,
      message: translate(locale, appError.messageKey, appError.params),
      ...(fields ? { fields } : {}),
    },
    requestId: request.id,
  });
}
