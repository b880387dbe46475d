/**
 * Liveness and readiness, for load balancers and orchestrators (docs/operations.md):
 *  - `GET /healthz` — the process is up and answering; no database call, so a slow database never
 *    gets a healthy process restarted.
 *  - `GET /readyz` — this instance should get traffic: the database answers within two seconds and
 *    holds every migration this build knows, and the instance is not shutting down (503 from the
 *    moment SIGTERM arrives, so the load balancer stops sending before the listener closes).
 *  - `GET /api/health` — the older name of the readiness check, same answer; kept for existing
 *    monitors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../context';
import { MIGRATIONS_DIR } from '../db/client';
import type { Lifecycle } from '../operations/lifecycle';

/** How long a readiness probe waits for the database before answering 503. */
export const READINESS_TIMEOUT_MS = 2_000;

const Ready = z.object({ ok: z.literal(true), database: z.enum(['pglite', 'postgres']) });
const NotReady = z.object({ ok: z.literal(false), reason: z.enum(['shutting_down', 'database_unreachable', 'migrations_pending']) });
type Readiness = z.infer<typeof Ready> | z.infer<typeof NotReady>;

/** The `when` of the newest migration this build carries (drizzle records it as created_at). */
function newestMigration(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

export async function checkReadiness(services: Services, lifecycle: Lifecycle, newest: number): Promise<Readiness> {
  if (lifecycle.draining) return { ok: false, reason: 'shutting_down' };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READINESS_TIMEOUT_MS);
  });
  try {
    // Both drivers answer with `{ rows }`; the shared Db type cannot say so.
    const query = services.db
      .execute(sql`select coalesce(max(created_at), 0)::text as newest from drizzle.__drizzle_migrations`)
      .then((result: unknown) => Number((result as { rows: { newest: string }[] }).rows[0]?.newest ?? 0));
    const applied = await Promise.race([query, timeout]);
    if (applied === 'timeout') {
      // The query may still answer later; nobody waits for it.
      query.catch(() => undefined);
      return { ok: false, reason: 'database_unreachable' };
    }
    if (applied < newest) return { ok: false, reason: 'migrations_pending' };
    return { ok: true, database: services.config.database.kind };
  } catch {
    return { ok: false, reason: 'database_unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(app: FastifyInstance, services: Services, lifecycle: Lifecycle): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const newest = newestMigration();
  typed.get(
    '/healthz',
    {
      config: { access: { public: true } },
      schema: { tags: ['system'], summary: 'Liveness: the process answers (no database call)', response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      return { ok: true as const };
    },
  );
  for (const url of ['/readyz', '/api/health']) {
    typed.get(
      url,
      {
        config: { access: { public: true } },
        schema: {
          tags: ['system'],
          summary:
            url === '/readyz'
              ? 'Readiness: database reachable, migrations applied, not shutting down'
              : 'Readiness (older name of /readyz, same answer)',
          response: { 200: Ready, 503: NotReady },
        },
      },
      async (_request, reply) => {
        const readiness = await checkReadiness(services, lifecycle, newest);
        lifecycle.probed(readiness.ok);
        void reply.header('cache-control', 'no-store');
        return readiness.ok ? readiness : reply.code(503).send(readiness);
      },
    );
  }
}
