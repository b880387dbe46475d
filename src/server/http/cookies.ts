/**
 * Cookie names and attributes. Behind https the `__Host-` prefix pins the cookie to this exact
 * origin (Secure, Path=/, no Domain); over plain http on a laptop that prefix is not allowed.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';

export type CookiePolicy = {
  session: string;
  csrf: string;
  /** A sign-in awaiting its MFA code (five minutes). */
  pendingMfa: string;
  /** An OpenID Connect sign-in in progress: its state (ten minutes). */
  oidc: string;
  options: CookieSerializeOptions;
};

export function cookiePolicy(publicUrl: string): CookiePolicy {
  const secure = publicUrl.startsWith('https://');
  const prefix = secure ? '__Host-' : '';
  return {
    session: `${prefix}pk_session`,
    csrf: `${prefix}pk_csrf`,
    pendingMfa: `${prefix}pk_mfa`,
    oidc: `${prefix}pk_oidc`,
    options: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
  };
}
