/**
 * Starts peerkracht: configuration, database (migrations run first), demo data on first run,
 * the HTTP server, the mail dispatcher; shuts down gracefully on SIGTERM/SIGINT
 * (docs/operations.md): readiness 503 at once, then — after the drain — no new connections,
 * in-flight requests, the running job and a mail delivery in progress finish (bounded), claimed
 * jobs not yet started go back to the queue, and the database closes (PGlite: checkpointed).
 */
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { lockDataDir } from './db/data-dir-lock';
import { loadDemoIfEmpty } from './demo/load-demo';
import { createMailer } from './modules/mail/public';
import { jobHandlers, retentionPurges } from './job-handlers';
import { startJobPoller } from './modules/jobs/public';
import { loadContent } from './content/load-content';
import { Lifecycle } from './operations/lifecycle';

async function main(): Promise<void> {
  const config = loadConfig();
  // Content first: a broken content file stops start-up before anything else is touched.
  const content = await loadContent(config.contentDir);
  const releaseLock = config.database.kind === 'pglite' ? lockDataDir(config.database.dataDir) : () => undefined;
  const database = await openDatabase(
    config.database.kind === 'pglite' ? { kind: 'pglite', dataDir: config.database.dataDir } : config.database,
  );
  const mailer = createMailer({ db: database.db, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const services = { db: database.db, config, mailer, content, now: () => new Date() };

  if (config.loadDemo) {
    const demo = await loadDemoIfEmpty(services);
    if (demo) {
      console.log('\nDemo programme loaded (Hogeschool Zuidas — demo). Sign in with one of these accounts,');
      console.log(`password for all: ${demo.password}\n`);
      for (const account of demo.accounts) console.log(`  ${account.role.padEnd(13)} ${account.email}`);
      console.log('');
    }
  }

  const lifecycle = new Lifecycle();
  const app = await buildApp({ services, logger: { level: config.logLevel }, lifecycle });
  let dispatching: Promise<unknown> = Promise.resolve();
  let dispatchBusy = false;
  const dispatcher = setInterval(() => {
    // One dispatch at a time per instance; the outbox's claims keep instances apart.
    if (dispatchBusy) return;
    dispatchBusy = true;
    dispatching = mailer
      .dispatch()
      .catch((error: unknown) => app.log.warn({ err: error }, 'mail dispatch failed'))
      .finally(() => (dispatchBusy = false));
  }, config.polling.mailMs);
  // Durable jobs (reminders, follow-ups): stored in the database, so they survive restarts.
  const jobPoller = startJobPoller({
    services,
    handlers: jobHandlers,
    purges: retentionPurges,
    intervalMs: config.polling.jobsMs,
    log: app.log,
    onError: (error: unknown) => app.log.warn({ err: error }, 'job poll failed'),
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    const { timeoutMs, drainMs, drainProbes } = config.shutdown;
    // Readiness answers 503 from now on; the listener stays open while the load balancer notices.
    lifecycle.startDraining(drainProbes);
    app.log.info({ signal, drainMs, timeoutMs }, 'shutting down: readiness is 503');
    await Promise.race([lifecycle.drained, delay(drainMs)]);
    clearInterval(dispatcher);
    // No new connections; requests in flight, the running job and a delivery in progress finish.
    // Whatever is still going after timeoutMs is cut off: its connection closed, its job's lease
    // left to expire so another instance takes it over (docs/operations.md).
    const finished = Promise.all([app.close(), jobPoller.stop(), dispatching]).then(() => true);
    const inTime = await Promise.race([finished, delay(timeoutMs).then(() => false)]);
    if (!inTime) {
      app.log.warn({ timeoutMs }, 'shutting down: requests or a job still running after the timeout; cutting them off');
      app.server.closeAllConnections();
    }
    await database.close();
    releaseLock();
    app.log.info('shut down');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
  console.log(`peerkracht is running at http://${shown}:${config.port} (database: ${database.kind})`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
