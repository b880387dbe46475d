/**
 * Fetches a timetable from a URL (a Xedule or Untis subscription link) when the deployment allows
 * it (PEERKRACHT_TIMETABLE_URLS=1). Guarded like any server-side fetch of a user-given address:
 * http(s) only, no private, loopback or link-local addresses unless explicitly allowed (checked on
 * the address actually connected to, so DNS tricks do not help), a time limit, a size limit and
 * at most three redirects, each checked again.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Config } from '../../config';
import { AppError } from '../../errors/app-error';

export type TimetableUrlSettings = Config['timetableUrls'];

const MAX_REDIRECTS = 3;

/** Addresses a server must not be made to call: loopback, private, link-local, unspecified, CGNAT, ULA. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return v6 === '::' || v6 === '::1' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe8') || v6.startsWith('fe9') || v6.startsWith('fea') || v6.startsWith('feb') || v6.startsWith('ff');
}

const failed = (reason: string) => new AppError('timetable_fetch_failed', `timetable fetch: ${reason}`, { reason });

/** A lookup that refuses private addresses, used by the socket itself (no time-of-check gap). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const list = Array.isArray(addresses) ? addresses : [];
      const blocked = list.find((a) => !allowPrivate && isPrivateAddress(a.address));
      if (blocked || list.length === 0) return callback(Object.assign(new Error('address not allowed'), { code: 'EPRIVATE' }), '', 4);
      if (options.all) return callback(null, list);
      const first = list[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

/** The display name of a fetched file: host and last path segment, never the query (it may hold a token). */
export function urlFileName(url: string): string {
  const u = new URL(url.replace(/^webcal:/i, 'https:'));
  const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
  return `${u.host}/${last}`.slice(0, 200);
}

export async function fetchTimetableUrl(settings: TimetableUrlSettings, raw: string): Promise<string> {
  if (!settings.enabled) throw new AppError('timetable_url_disabled');
  let url: URL;
  try {
    url = new URL(raw.replace(/^webcal:/i, 'https:'));
  } catch {
    throw failed('invalid_url');
  }
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw failed('scheme');
    if (url.username || url.password) throw failed('credentials_in_url');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !settings.allowPrivate && isPrivateAddress(host)) throw failed('private_address');
    const answer = await get(url, settings);
    if (answer.redirect) {
      url = new URL(answer.redirect, url);
      continue;
    }
    return answer.body ?? '';
  }
  throw failed('too_many_redirects');
}

function get(url: URL, settings: TimetableUrlSettings): Promise<{ body: string; redirect?: undefined } | { redirect: string; body?: undefined }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { lookup: guardedLookup(settings.allowPrivate), timeout: settings.timeoutMs, headers: { accept: 'text/calendar, */*;q=0.5', 'user-agent': 'peerkracht-timetable-import' } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        resolve({ redirect: response.headers.location });
        return;
      }
      if (status !== 200) {
        response.resume();
        reject(failed(`status_${status}`));
        return;
      }
      const declared = Number(response.headers['content-length'] ?? 0);
      if (declared > settings.maxBytes) {
        response.destroy();
        reject(failed('too_large'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > settings.maxBytes) {
          response.destroy();
          reject(failed('too_large'));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', () => reject(failed('network')));
    });
    // The socket timeout covers idle time; the overall deadline covers a slow trickle.
    const deadline = setTimeout(() => request.destroy(failed('timeout')), settings.timeoutMs);
    request.on('timeout', () => request.destroy(failed('timeout')));
    request.on('error', (error: Error & { code?: string }) => {
      reject(error instanceof AppError ? error : failed(error.code === 'EPRIVATE' ? 'private_address' : 'network'));
    });
    request.on('close', () => clearTimeout(deadline));
  });
}
