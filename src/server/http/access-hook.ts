/**
 * The one place where routes meet the access policy. Runs before every handler:
 *  1. the route must have declared `config.access` (checked at registration, see assertRouteAccess);
 *  2. state-changing requests must carry the CSRF token;
 *  3. the declared rule is applied; a denied or missing resource answers 404.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { isAllowed, type Action, type Resource } from '../../domain/access/policy';
import type { Services } from '../context';
import { AppError, notFound } from '../errors/app-error';
import type { CookiePolicy } from './cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a route's access rule says, in short: for the inventory, the access matrix and the docs. */
export type RouteRule = { public: true } | { signedIn: true } | { action: Action };

function ruleOf(route: RouteOptions): RouteRule | null {
  const access = route.config?.access;
  if (!access) return null;
  if ('public' in access) return { public: true };
  if ('signedIn' in access) return { signedIn: true };
  return { action: access.action };
}

export function assertRouteAccess(route: RouteOptions): void {
  if (!route.config?.access) {
    throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access rule, for the route-inventory test and the docs. */
    routeInventory: { method: string; url: string; hasAccessRule: boolean; rule: RouteRule | null }[];
  }
  interface FastifyRequest {
    /** The resource the access rule was decided on, for the handler to reuse. */
    accessResource: Resource | null;
  }
}

function checkCsrf(request: FastifyRequest, cookies: CookiePolicy): void {
  if (SAFE_METHODS.has(request.method)) return;
  const header = request.headers['x-csrf-token'];
  const expected = request.signedIn ? request.signedIn.csrfToken : request.cookies[cookies.csrf];
  if (typeof header !== 'string' || !expected || header !== expected) throw new AppError('csrf_failed');
}

export function registerAccessHook(app: FastifyInstance, services: Services, cookies: CookiePolicy): void {
  app.decorateRequest('accessResource', null);
  const inventory: FastifyInstance['routeInventory'] = [];
  app.decorate('routeInventory', inventory);
  app.addHook('onRoute', (route) => {
    inventory.push({ method: String(route.method), url: route.url, hasAccessRule: Boolean(route.config?.access), rule: ruleOf(route) });
    assertRouteAccess(route);
  });
  // preValidation: who may call is decided before the body is even looked at.
  app.addHook('preValidation', async (request) => {
    // No route matched (an unknown path, or a known path with another method): the not-found
    // handler answers 404. It has no access rule because it grants nothing.
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (!access) throw new AppError('internal', 'route without access rule');
    if ('public' in access) {
      checkCsrf(request, cookies);
      return;
    }
    if (!request.signedIn) throw new AppError('unauthenticated');
    checkCsrf(request, cookies);
    // A role that requires MFA reaches nothing but the set-up until MFA is on (ADR 0010).
    if (request.signedIn.mfaSetupRequired && !('signedIn' in access && access.duringMfaSetup)) throw new AppError('mfa_setup_required');
    if ('signedIn' in access) return;
    const resource = await access.resource(request, services);
    if (!resource || !isAllowed(request.signedIn.actor, access.action, resource)) throw notFound();
    request.accessResource = resource;
  });
}
