/** The one way the web client talks to the server: cookies, CSRF header, the chosen language. */
import type { ErrorResponse, SessionResponse } from '../contracts/identity';
import i18n from './i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
export const rememberCsrf = (session: SessionResponse) => {
  csrfToken = session.csrfToken;
};

export async function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { 'accept-language': i18n.language, accept: 'application/json' };
  // A file (a photo) goes as it is; everything else as JSON.
  const file = options.body instanceof Blob;
  if (options.body !== undefined) headers['content-type'] = file ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : file ? (options.body as Blob) : JSON.stringify(options.body),
  });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (data as ErrorResponse | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'internal', error?.message ?? i18n.t('app.errorGeneric'), error?.fields);
  }
  return data as T;
}
