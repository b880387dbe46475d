import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { assertRouteAccess } from '../../src/server/http/access-hook';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

describe(`route inventory on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb();
    app = await buildApp({ services: t.services });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('gives every registered route an access rule', () => {
    const urls = app.routeInventory.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(expect.arrayContaining(['POST /api/auth/sign-in', 'GET /api/home', 'GET /api/admin/outbox', 'GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /*']));
    expect(app.routeInventory.filter((r) => !r.hasAccessRule)).toEqual([]);
  });

  it('refuses to register a route that declares no access rule', () => {
    expect(() => assertRouteAccess({ method: 'GET', url: '/api/oops', handler: async () => null })).toThrow(/declares no access rule/);
  });

  it('publishes the OpenAPI document at /api/docs with every API route', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/sign-in', '/api/home', '/api/communities/{communityId}']));
  });
});
