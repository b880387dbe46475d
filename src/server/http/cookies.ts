/**
 * Cookie names and attributes. Behind https the `__Host-` prefix pins the cookie to this exact
 * origin (Secure, Path=/, no Domain); over plain http on a laptop that prefix is not allowed.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';

export type CookiePolicy = { session: string; csrf: string; options: CookieSerializeOptions };

export function cookiePolicy(publicUrl: string): CookiePolicy {
  const secure = publicUrl.startsWith('https://');
  const prefix = secure ? '__Host-' : '';
  return {
    session: `${prefix}pk_session`,
    csrf: `${prefix}pk_csrf`,
    options: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
  };
}
