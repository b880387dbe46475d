import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { createTestDb, type TestDb } from './test-db';

/** A test database plus the real Fastify app on it. */
export async function createTestApp(options: { smtpUrl?: string } = {}): Promise<{ t: TestDb; app: FastifyInstance }> {
  const t = await createTestDb(options);
  const app = await buildApp({ services: t.services });
  return { t, app };
}
