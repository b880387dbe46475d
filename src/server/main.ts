/**
 * Starts peerkracht: configuration, database (migrations run first), demo data on first run,
 * the HTTP server, the mail dispatcher; closes cleanly on SIGTERM/SIGINT.
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

  const app = await buildApp({ services, logger: { level: config.logLevel } });
  const dispatcher = setInterval(() => {
    mailer.dispatch().catch((error: unknown) => app.log.warn({ err: error }, 'mail dispatch failed'));
  }, 5_000);
  // Durable jobs (reminders, follow-ups): stored in the database, so they survive restarts.
  const jobPoller = startJobPoller({
    services,
    handlers: jobHandlers,
    purges: retentionPurges,
    log: app.log,
    onError: (error: unknown) => app.log.warn({ err: error }, 'job poll failed'),
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(dispatcher);
    await jobPoller.stop();
    await app.close();
    await database.close();
    releaseLock();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
  console.log(`peerkracht is running at http://${shown}:${config.port} (database: ${database.kind})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
