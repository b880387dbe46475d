import type { FastifyReply } from 'fastify';
import type { CookiePolicy } from '../../http/cookies';
import type { OpenedSession } from './open-session';

/**
 * Sets the cookie an opened sign-in needs: the session cookie, or, when the MFA code is awaited,
 * the pending sign-in's cookie (five minutes, only the MFA route reads it).
 */
export function setSignInCookies(reply: FastifyReply, cookies: CookiePolicy, opened: OpenedSession): void {
  if (opened.kind === 'session') {
    void reply.setCookie(cookies.session, opened.sessionToken, { ...cookies.options, expires: opened.expiresAt });
    void reply.clearCookie(cookies.pendingMfa, { path: '/' });
  } else {
    void reply.setCookie(cookies.pendingMfa, opened.pendingToken, { ...cookies.options, expires: opened.expiresAt });
  }
}
