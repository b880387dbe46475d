/**
 * Prometheus metrics at `GET /metrics` (prom-client; docs/operations.md). Not public: served only
 * when PEERKRACHT_METRICS_TOKEN is set and the scrape sends `Authorization: Bearer <token>`;
 * otherwise the same 404 as any unknown path. What it shows holds no personal data:
 *  - request latency per route *pattern* (`/api/sessions/:sessionId`, never the URL with its ids or
 *    a calendar feed's token), method and status class;
 *  - the job queue (due, running, the oldest due job's wait) and the mail outbox (unsent, the
 *    oldest unsent mail's age, given up), read at scrape time in one bounded query each;
 *  - the `pg` pool (max, total, idle, waiting); PGlite has no pool (one embedded connection in
 *    this process), so these are absent there;
 *  - Node's process metrics (CPU, memory, event-loop lag, GC).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import client from 'prom-client';
import type { Services } from '../context';
import { poolStatsOf } from '../db/client';
import { AppError } from '../errors/app-error';
import { queueDepth } from '../modules/jobs/public';
import { outboxBacklog } from '../modules/mail/public';

/** The longest a scrape waits for the database (statement_timeout and a timer for the pool). */
export const SCRAPE_DB_TIMEOUT_MS = 2_000;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant time whatever the guess: both sides are hashed to 32 bytes first. */
function authorised(request: FastifyRequest, token: string | null): boolean {
  if (!token) return false;
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

export function registerMetrics(app: FastifyInstance, services: Services): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });

  const latency = new client.Histogram({
    name: 'peerkracht_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern, method and status class',
    labelNames: ['route', 'method', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const gauge = (name: string, help: string) => new client.Gauge({ name, help, registers: [registry] });
  const databaseUp = gauge('peerkracht_database_up', '1 when the scrape read the job and mail gauges from the database in time, else 0');
  const jobsDue = gauge('peerkracht_jobs_due', 'Pending jobs whose time has come');
  const jobsRunning = gauge('peerkracht_jobs_running', 'Jobs claimed by an instance and not finished');
  const jobsOldestDue = gauge('peerkracht_jobs_oldest_due_age_seconds', 'How long the oldest due job has waited past its time');
  const mailUnsent = gauge('peerkracht_mail_outbox_unsent', 'Mail waiting for delivery');
  const mailOldest = gauge('peerkracht_mail_outbox_oldest_unsent_age_seconds', 'Age of the oldest mail waiting for delivery');
  const mailGivenUp = gauge('peerkracht_mail_outbox_given_up', 'Mail given up after its last failed delivery attempt');
  const pool = new client.Gauge({
    name: 'peerkracht_db_pool_connections',
    help: 'PostgreSQL pool connections by state (max, total, idle, waiting requests); absent on PGlite',
    labelNames: ['state'] as const,
    registers: [registry],
  });

  app.addHook('onResponse', (request, reply, done) => {
    // The pattern the router matched; requests no route serves share one label.
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    latency.observe({ route, method: request.method, status_class: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000);
    done();
  });

  const readDatabase = async () => {
    const now = services.now();
    let timer: NodeJS.Timeout | undefined;
    const read = services.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${SCRAPE_DB_TIMEOUT_MS}`));
      return { jobs: await queueDepth(tx, now), mail: await outboxBacklog(tx, now) };
    });
    try {
      const result = await Promise.race([
        read,
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), SCRAPE_DB_TIMEOUT_MS);
        }),
      ]);
      if (!result) throw new Error('timed out');
      jobsDue.set(result.jobs.due);
      jobsRunning.set(result.jobs.running);
      jobsOldestDue.set(result.jobs.oldestDueSeconds);
      mailUnsent.set(result.mail.unsent);
      mailOldest.set(result.mail.oldestUnsentSeconds);
      mailGivenUp.set(result.mail.givenUp);
      databaseUp.set(1);
    } catch (error) {
      read.catch(() => undefined);
      app.log.warn({ err: error }, 'metrics: reading the job and mail gauges failed');
      // Stale figures would mislead, and 0 would say "nothing waits": NaN until the database answers.
      for (const g of [jobsDue, jobsRunning, jobsOldestDue, mailUnsent, mailOldest, mailGivenUp]) g.set(Number.NaN);
      databaseUp.set(0);
    } finally {
      clearTimeout(timer);
    }
    const stats = poolStatsOf(services.db);
    if (stats) for (const state of ['max', 'total', 'idle', 'waiting'] as const) pool.set({ state }, stats[state]);
  };

  app.get(
    '/metrics',
    {
      // Public to the access policy (no person signs in to scrape); the bearer token is the lock.
      config: { access: { public: true } },
      schema: { tags: ['system'], summary: 'Prometheus metrics (needs Authorization: Bearer PEERKRACHT_METRICS_TOKEN; 404 otherwise)', produces: ['text/plain'] },
    },
    async (request, reply) => {
      if (!authorised(request, services.config.metricsToken)) throw new AppError('not_found');
      await readDatabase();
      return reply.header('cache-control', 'no-store').type(registry.contentType).send(await registry.metrics());
    },
  );
}
