/** HTTP routes of MFA: one's own set-up on the security page, and the second sign-in step. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, OkResponse, SessionResponse } from '../../../contracts/identity';
import { MfaCodeRequest, MfaSetupResponse, MfaStatusResponse, RecoveryCodesResponse, SignInMethodsResponse } from '../../../contracts/mfa';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import type { CookiePolicy } from '../../http/cookies';
import { completeMfaSignIn } from './complete-mfa-sign-in';
import { describeSession } from './describe-session';
import { confirmMfaSetup, mfaStatus, renewRecoveryCodes, startMfaSetup, turnOffMfa } from './manage-mfa';
import { resolveSession } from './resolve-session';
import { setSignInCookies } from './sign-in-reply';

type Options = { services: Services; cookies: CookiePolicy };

const ERRORS = { 400: ErrorResponse, 401: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse };

export const mfaRoutes: FastifyPluginAsyncZod<Options> = async (app, { services, cookies }) => {
  // The access hook has made sure someone is signed in.
  const me = (request: FastifyRequest): string => {
    if (!request.signedIn) throw new AppError('unauthenticated');
    return request.signedIn.person.id;
  };

  app.get(
    '/api/auth/methods',
    {
      config: { access: { public: true } },
      schema: { tags: ['identity'], summary: 'Which sign-in methods this institution has switched on', response: { 200: SignInMethodsResponse } },
    },
    async () => ({
      password: services.config.signIn.password,
      magicLink: services.config.signIn.password,
      sso: services.config.signIn.oidc ? { startUrl: '/api/auth/oidc/start' } : null,
    }),
  );

  app.post(
    '/api/auth/mfa',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['identity'],
        summary: 'Second sign-in step: an authenticator or recovery code opens the session',
        body: MfaCodeRequest,
        response: { 200: SessionResponse, ...ERRORS },
      },
    },
    async (request, reply) => {
      const opened = await completeMfaSignIn({ services, pendingToken: request.cookies[cookies.pendingMfa], code: request.body.code, address: request.ip });
      setSignInCookies(reply, cookies, opened);
      return describeSession(services, await resolveSession(services, opened.sessionToken), opened.csrfToken);
    },
  );

  app.get(
    '/api/me/mfa',
    {
      config: { access: { signedIn: true, duringMfaSetup: true } },
      schema: { tags: ['identity'], summary: 'Whether MFA is on for me, required, and recovery codes left', response: { 200: MfaStatusResponse } },
    },
    async (request) => mfaStatus({ services, personId: me(request) }),
  );

  app.post(
    '/api/me/mfa/setup',
    {
      config: { access: { signedIn: true, duringMfaSetup: true } },
      schema: { tags: ['identity'], summary: 'Start MFA set-up: a new secret with its QR code (shown once)', response: { 200: MfaSetupResponse, 409: ErrorResponse } },
    },
    async (request) => startMfaSetup({ services, personId: me(request) }),
  );

  app.post(
    '/api/me/mfa/confirm',
    {
      config: { access: { signedIn: true, duringMfaSetup: true } },
      schema: { tags: ['identity'], summary: 'Turn MFA on with a first code; answers ten recovery codes (shown once)', body: MfaCodeRequest, response: { 200: RecoveryCodesResponse, ...ERRORS } },
    },
    async (request) => ({ recoveryCodes: await confirmMfaSetup({ services, personId: me(request), code: request.body.code, address: request.ip }) }),
  );

  app.post(
    '/api/me/mfa/recovery-codes',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['identity'], summary: 'New recovery codes against a current code (the old ones stop working)', body: MfaCodeRequest, response: { 200: RecoveryCodesResponse, ...ERRORS } },
    },
    async (request) => ({ recoveryCodes: await renewRecoveryCodes({ services, personId: me(request), code: request.body.code, address: request.ip }) }),
  );

  app.post(
    '/api/me/mfa/disable',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['identity'], summary: 'Turn MFA off with a code (not when one’s role requires it)', body: MfaCodeRequest, response: { 200: OkResponse, ...ERRORS } },
    },
    async (request) => {
      await turnOffMfa({ services, personId: me(request), code: request.body.code, address: request.ip });
      return { ok: true as const };
    },
  );
};
