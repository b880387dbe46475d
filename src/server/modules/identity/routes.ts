/** HTTP routes of the identity context: parse, call one use case, map. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CompletePasswordResetRequest,
  ErrorResponse,
  OkResponse,
  RequestMagicLinkRequest,
  RequestPasswordResetRequest,
  SessionResponse,
  SetLocaleRequest,
  SignInRequest,
  SignInWithLinkRequest,
} from '../../../contracts/identity';
import { SignInSessionsResponse, SignOutOthersResponse } from '../../../contracts/people';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { endSignInSession, endSignInSessions, listSignInSessions } from './sign-in-sessions';
import type { CookiePolicy } from '../../http/cookies';
import { newToken } from './secrets';
import { completePasswordReset } from './complete-password-reset';
import { identityRepository } from './repository';
import { requestMagicLink } from './request-magic-link';
import { requestPasswordReset } from './request-password-reset';
import { signInWithLink } from './sign-in-with-link';
import { signIn } from './sign-in';
import { describeSession } from './describe-session';
import { mfaRepository } from './mfa-repository';
import { mfaRoutes } from './mfa-routes';
import { setSignInCookies } from './sign-in-reply';
import { digest } from './secrets';
import { resolveSession, type SignedIn } from './resolve-session';
import { z } from 'zod';

function signedInOf(request: { signedIn: SignedIn | null }): SignedIn {
  if (!request.signedIn) throw new AppError('unauthenticated');
  return request.signedIn;
}

type Options = { services: Services; cookies: CookiePolicy };

export const identityRoutes: FastifyPluginAsyncZod<Options> = async (app, { services, cookies }) => {
  app.get(
    '/api/auth/session',
    {
      config: { access: { public: true } },
      schema: { tags: ['identity'], summary: 'The current session and a CSRF token', response: { 200: SessionResponse } },
    },
    async (request, reply) => {
      let csrfToken = request.signedIn?.csrfToken ?? request.cookies[cookies.csrf];
      if (!csrfToken) {
        csrfToken = newToken();
        void reply.setCookie(cookies.csrf, csrfToken, cookies.options);
      }
      const pendingToken = request.signedIn ? undefined : request.cookies[cookies.pendingMfa];
      const pending = pendingToken ? await mfaRepository(services.db).findPending(digest(pendingToken), services.now()) : undefined;
      return describeSession(services, request.signedIn, csrfToken, pending !== undefined);
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with e-mail and password',
        body: SignInRequest,
        response: { 200: SessionResponse, 401: ErrorResponse, 400: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      // Attempt limits (attempt-limits.ts) count request.ip: the address after the trusted proxies.
      const opened = await signIn({ services, ...request.body, address: request.ip, userAgent: request.headers['user-agent'] });
      setSignInCookies(reply, cookies, opened);
      // With MFA on, the answer has no person yet and says the code is awaited (mfa.pending).
      if (opened.kind === 'mfa') return describeSession(services, null, request.cookies[cookies.csrf] ?? newToken(), true);
      const signedIn = await resolveSession(services, opened.sessionToken);
      return describeSession(services, signedIn, opened.csrfToken);
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      config: { access: { signedIn: true, duringMfaSetup: true } },
      schema: { tags: ['identity'], summary: 'Sign out of this session', response: { 200: OkResponse } },
    },
    async (request, reply) => {
      if (request.signedIn) await identityRepository(services.db).deleteSession(request.signedIn.tokenHash);
      void reply.clearCookie(cookies.session, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['identity'],
        summary: 'Send a password-reset link (same answer whether or not the account exists)',
        body: RequestPasswordResetRequest,
        response: { 202: OkResponse, 403: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      await requestPasswordReset({ services, email: request.body.email, address: request.ip });
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['identity'],
        summary: 'Set a new password with a reset token',
        body: CompletePasswordResetRequest,
        response: { 200: OkResponse, 400: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request) => {
      await completePasswordReset({ services, ...request.body, address: request.ip });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/magic-link',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['identity'],
        summary: 'Mail a single-use sign-in link, valid 15 minutes (same answer whether or not the account exists)',
        body: RequestMagicLinkRequest,
        response: { 202: OkResponse, 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      await requestMagicLink({ services, email: request.body.email, address: request.ip });
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/magic-link/sign-in',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['identity'],
        summary: "Sign in with a sign-in link's token (once; the page posts it when the person presses the button)",
        body: SignInWithLinkRequest,
        response: { 200: SessionResponse, 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const opened = await signInWithLink({ services, token: request.body.token, address: request.ip });
      setSignInCookies(reply, cookies, opened);
      // With MFA on, the link proves the address only: the code is still asked (mfa.pending).
      if (opened.kind === 'mfa') return describeSession(services, null, request.cookies[cookies.csrf] ?? newToken(), true);
      const signedIn = await resolveSession(services, opened.sessionToken);
      return describeSession(services, signedIn, opened.csrfToken);
    },
  );

  app.put(
    '/api/me/locale',
    {
      config: { access: { signedIn: true, duringMfaSetup: true } },
      schema: { tags: ['identity'], summary: 'Remember the chosen language', body: SetLocaleRequest, response: { 200: OkResponse } },
    },
    async (request) => {
      if (request.signedIn) await identityRepository(services.db).setLocale(request.signedIn.person.id, request.body.locale);
      return { ok: true as const };
    },
  );

  await app.register(mfaRoutes, { services, cookies });
  app.get(
    '/api/me/sign-in-sessions',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['identity'], summary: 'Where I am signed in: my live sessions with their device and last use (never a token)', response: { 200: SignInSessionsResponse } },
    },
    async (request) => listSignInSessions(services, signedInOf(request)),
  );

  app.delete(
    '/api/me/sign-in-sessions/:sessionId',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['identity'],
        summary: 'Sign out one of my sessions (another device, or this one)',
        params: z.object({ sessionId: z.string().uuid() }),
        response: { 200: OkResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const signedIn = signedInOf(request);
      await endSignInSession(services, signedIn, request.params.sessionId);
      if (request.params.sessionId === signedIn.sessionId) void reply.clearCookie(cookies.session, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/sign-in-sessions/sign-out-others',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['identity'], summary: 'Sign out everywhere else (this session stays)', response: { 200: SignOutOthersResponse } },
    },
    async (request) => ({ ended: await endSignInSessions(services, signedInOf(request), true) }),
  );

  app.post(
    '/api/me/sign-in-sessions/sign-out-all',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['identity'], summary: 'Sign out everywhere, this session included', response: { 200: SignOutOthersResponse } },
    },
    async (request, reply) => {
      const ended = await endSignInSessions(services, signedInOf(request), false);
      void reply.clearCookie(cookies.session, { path: '/' });
      return { ended };
    },
  );
};
