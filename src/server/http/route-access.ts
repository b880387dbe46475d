/**
 * Every route declares who may call it, in `config.access`. One hook enforces it
 * (access-hook.ts); the route inventory test fails when a route declares nothing.
 */
import type { FastifyRequest } from 'fastify';
import type { Action, Resource } from '../../domain/access/policy';
import type { Services } from '../context';

export type RouteAccess =
  /** Anyone, signed in or not (sign-in, health, the web client's files). */
  | { public: true }
  /**
   * Any signed-in person; the use case only touches the person's own data. `duringMfaSetup`: also
   * reachable by a session whose role requires MFA before it is set up (the set-up itself).
   */
  | { signedIn: true; duringMfaSetup?: true }
  /** The policy decides, on the resource the loader returns (null: not found). */
  | { action: Action; resource: (request: FastifyRequest, services: Services) => Promise<Resource | null> };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
