/** HTTP routes of single sign-on: start at the provider, and its callback. Thin: parse, call, redirect. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../context';
import type { CookiePolicy } from '../../http/cookies';
import { setSignInCookies } from '../identity/public';
import { completeOidcSignIn } from './complete-oidc-sign-in';
import { startOidcSignIn } from './start-oidc-sign-in';

type Options = { services: Services; cookies: CookiePolicy };

export const ssoRoutes: FastifyPluginAsyncZod<Options> = async (app, { services, cookies }) => {
  app.get(
    '/api/auth/oidc/start',
    {
      config: { access: { public: true } },
      schema: { tags: ['identity'], summary: 'Sign in with the institution’s single sign-on (SURFconext): redirects to the provider' },
    },
    async (request, reply) => {
      const started = await startOidcSignIn({ services });
      if (!started.ok) {
        request.log.warn({ reason: 'unavailable', detail: started.detail }, 'single sign-on unavailable');
        return reply.redirect('/sign-in/sso?error=unavailable', 302);
      }
      void reply.setCookie(cookies.oidc, started.state, { ...cookies.options, expires: started.expiresAt });
      return reply.redirect(started.url, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { access: { public: true } },
      schema: { tags: ['identity'], summary: 'The provider’s answer: signs in and redirects to the app, or to a page that says why not' },
    },
    async (request, reply) => {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      const result = await completeOidcSignIn({ services, query, cookieState: request.cookies[cookies.oidc] });
      void reply.clearCookie(cookies.oidc, { path: '/' });
      if (!result.ok) {
        // The reason and a technical detail for operators; never a claim, address or name.
        request.log.info({ reason: result.reason, detail: result.detail }, 'single sign-on refused');
        return reply.redirect(`/sign-in/sso?error=${result.reason}`, 302);
      }
      setSignInCookies(reply, cookies, result.opened);
      return reply.redirect(result.opened.kind === 'mfa' ? '/sign-in/code' : '/', 302);
    },
  );
};
