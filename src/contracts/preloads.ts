import type { Role } from '../domain/access/roles';

/**
 * What the web build tells the server about a page's first data calls (src/web/app/route-data.ts →
 * route-preloads.json → src/server/http/index-html.ts): a path, or a path made only for a person
 * who holds one of `roles` and none of `unless` (a home card that only a coachee or a coach has).
 */
export type RouteDataCall = string | { readonly call: string; readonly roles: readonly Role[]; readonly unless?: readonly Role[] };

/** The calls of `calls` that a person with these roles makes, in their order. */
export function dataCallsFor(calls: readonly RouteDataCall[], roles: readonly string[]): string[] {
  const holds = (role: Role) => roles.includes(role);
  return calls.flatMap((c) => (typeof c === 'string' ? [c] : c.roles.some(holds) && !(c.unless ?? []).some(holds) ? [c.call] : []));
}
