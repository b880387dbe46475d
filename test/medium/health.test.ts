import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { Lifecycle } from '../../src/server/operations/lifecycle';
import { createTestDb, testDbKind, type TestDb } from '../support/test-db';

type MigrationRow = { id: number; hash: string; created_at: string };

describe(`liveness and readiness on ${testDbKind()}`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let lifecycle: Lifecycle;
  beforeAll(async () => {
    t = await createTestDb();
    lifecycle = new Lifecycle();
    app = await buildApp({ services: t.services, lifecycle });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('answers liveness without signing in and without caching', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('is ready when the database answers and holds every migration; /api/health gives the same answer', async () => {
    for (const url of ['/readyz', '/api/health']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.json(), url).toEqual({ ok: true, database: t.services.config.database.kind });
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('is not ready while the newest migration is missing from the database', async () => {
    // Both drivers answer with `{ rows }`; the shared Db type cannot say so.
    const result: unknown = await t.database.db.execute(
      sql`select id, hash, created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    const newest = (result as { rows: MigrationRow[] }).rows[0]!;
    await t.database.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${newest.id}`);
    try {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ ok: false, reason: 'migrations_pending' });
    } finally {
      await t.database.db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${newest.id}, ${newest.hash}, ${newest.created_at}::bigint)`,
      );
    }
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('answers 503 from the moment the instance drains, while liveness stays 200', async () => {
    let drained = false;
    void lifecycle.drained.then(() => (drained = true));
    lifecycle.startDraining(2);
    for (const url of ['/readyz', '/api/health']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(503);
      expect(response.json(), url).toEqual({ ok: false, reason: 'shutting_down' });
    }
    await lifecycle.drained;
    expect(drained).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe(`readiness without a database on ${testDbKind()}`, () => {
  it('answers 503 database_unreachable when the database is closed', async () => {
    const t = await createTestDb();
    const app = await buildApp({ services: t.services });
    try {
      await t.database.close();
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ ok: false, reason: 'database_unreachable' });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
