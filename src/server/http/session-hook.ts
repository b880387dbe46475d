/** Resolves the session cookie and the request's language before anything else runs. */
import type { FastifyInstance } from 'fastify';
import { isLocale, localeFromAcceptLanguage, type Locale } from '../../i18n/translate';
import type { Services } from '../context';
import { resolveSession, type SignedIn } from '../modules/identity/public';
import type { CookiePolicy } from './cookies';

declare module 'fastify' {
  interface FastifyRequest {
    signedIn: SignedIn | null;
    locale: Locale;
  }
}

export function registerSessionHook(app: FastifyInstance, services: Services, cookies: CookiePolicy): void {
  app.decorateRequest('signedIn', null);
  app.decorateRequest('locale', 'nl');
  app.addHook('onRequest', async (request) => {
    // The web client sends the language the person chose; otherwise the browser's preference.
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    request.signedIn = await resolveSession(services, request.cookies[cookies.session]);
    const chosen = request.headers['accept-language'];
    if (!chosen && request.signedIn && isLocale(request.signedIn.person.locale)) request.locale = request.signedIn.person.locale;
  });
}
