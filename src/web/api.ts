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

let sessionRequest: Promise<SessionResponse> | null = null;
/**
 * The current session with its CSRF token. Calls made while one is under way share it: two
 * anonymous calls at once would each be given a different token and race for the CSRF cookie.
 */
export function requestSession(): Promise<SessionResponse> {
  sessionRequest ??= send<SessionResponse>('/api/auth/session', 'GET', undefined)
    .then((session) => {
      rememberCsrf(session);
      return session;
    })
    .finally(() => {
      sessionRequest = null;
    });
  return sessionRequest;
}

const writeListeners = new Set<() => void>();
/**
 * Calls `listener` after every successful change sent to the server (any method but GET). Data
 * that is kept for a while rather than asked again on every page (the home's, `home-query.ts`)
 * is marked out of date here, so the next page that shows it asks again.
 */
export function onWrite(listener: () => void): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

export async function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  if (method === 'GET') return send<T>(path, method, options.body);
  const result = await write<T>(path, method, options.body);
  for (const listener of writeListeners) listener();
  return result;
}

async function write<T>(path: string, method: string, body: unknown): Promise<T> {
  // A form can be sent before the page's first session call has answered (a slow phone): wait
  // for the token rather than send a request the server must refuse.
  if (!csrfToken) await requestSession();
  try {
    return await send<T>(path, method, body);
  } catch (error) {
    // The token changed meanwhile (signed in or out in another tab): fetch it once and retry.
    if (!(error instanceof ApiError && error.code === 'csrf_failed')) throw error;
    await requestSession();
    return send<T>(path, method, body);
  }
}

let reads = new AbortController();
/**
 * Stops every read under way (signing out): a read that reached the server after the session
 * ended would be refused. The session call itself is never stopped.
 */
export function abortReads(): void {
  reads.abort();
  reads = new AbortController();
}

async function send<T>(path: string, method: string, body: unknown): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': i18n.language, accept: 'application/json' };
  // A file (a photo) goes as it is; everything else as JSON.
  const file = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = file ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(method === 'GET' && path !== '/api/auth/session' ? { signal: reads.signal } : {}),
    body: body === undefined ? undefined : file ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (data as ErrorResponse | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'internal', error?.message ?? i18n.t('app.errorGeneric'), error?.fields);
  }
  return data as T;
}
