/**
 * What the request log may hold: method, URL and request id — never personal data, and never a
 * secret token (a calendar feed's token is in its URL path). Fastify's own serializers, with
 * every secret link in a URL or an error message redacted.
 */
import type { FastifyRequest } from 'fastify';
import pino from 'pino';
import { redactSecretLinks } from '../modules/mail/public';

export const logSerializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: redactSecretLinks(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
  err: (error: Error) => {
    const serialized = pino.stdSerializers.err(error);
    return { ...serialized, message: redactSecretLinks(serialized.message), stack: redactSecretLinks(serialized.stack) };
  },
};

/** A request whose client went away before it had sent the whole request (a closed tab, a lost signal). */
export function isClientAbort(error: Error, request: FastifyRequest): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  const abortError = code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE';
  return abortError && !request.raw.complete && request.raw.socket.destroyed;
}
