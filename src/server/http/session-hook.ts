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
    // The web client names the language its pages are in as a bare code ('nl' or 'en'). Any other
    // Accept-Language is the browser's own preference — also on the calls index.html preloads,
    // which the browser makes before the app runs: for a signed-in person their profile's language
    // then wins (the language their pages are in, src/web/profile-language.ts), so a Dutch page on
    // a phone set to English does not get English data (#20: one language per screen).
    const header = request.headers['accept-language']?.trim().toLowerCase();
    request.locale = localeFromAcceptLanguage(header);
    if (!request.url.startsWith('/api/')) return;
    request.signedIn = await resolveSession(services, request.cookies[cookies.session]);
    const chosen = header !== undefined && isLocale(header);
    if (!chosen && request.signedIn && isLocale(request.signedIn.person.locale)) request.locale = request.signedIn.person.locale;
  });
}
