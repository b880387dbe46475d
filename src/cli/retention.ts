/**
 * `peerkracht retention [--dry-run]`: the daily retention pass from the command line, printing per
 * table how many rows it removes (deletes or anonymises) — or, with --dry-run, would remove now,
 * changing nothing. Counts only, never personal data.
 */
import { zonedParts } from '../domain/sessions/zoned-time';
import type { Config } from '../server/config';
import { loadContent } from '../server/content/load-content';
import type { Services } from '../server/context';
import { openDatabase } from '../server/db/client';
import { lockDataDir } from '../server/db/data-dir-lock';
import { createMailer } from '../server/modules/mail/public';
import { runRetentionPass, type RetentionPassResult } from '../server/modules/retention/public';

export async function retentionCommand(config: Config, options: { dryRun: boolean }, out: (line: string) => void = console.log): Promise<void> {
  const content = await loadContent(config.contentDir);
  const release = config.database.kind === 'pglite' ? lockDataDir(config.database.dataDir) : () => undefined;
  const database = await openDatabase(config.database.kind === 'pglite' ? { kind: 'pglite', dataDir: config.database.dataDir } : config.database);
  try {
    const services: Services = { db: database.db, config, mailer: createMailer({ db: database.db, smtpUrl: config.smtpUrl, from: config.mailFrom }), content, now: () => new Date() };
    await retentionWithServices(services, options, out);
  } finally {
    await database.close();
    release();
  }
}

/** The command on open services (the medium test calls this). */
export async function retentionWithServices(services: Services, options: { dryRun: boolean }, out: (line: string) => void): Promise<RetentionPassResult> {
  const result = await runRetentionPass({ services, dryRun: options.dryRun });
  out(options.dryRun ? `Retention dry run at ${result.at}: what a run now would remove (nothing changed)` : `Retention pass at ${result.at}`);
  // "before": the Dutch calendar day the cutoff falls on.
  out(`  ${'table'.padEnd(26)}${'action'.padEnd(11)}${'rows'.padStart(6)}  before`);
  for (const row of result.tables) out(`  ${row.table.padEnd(26)}${row.action.padEnd(11)}${String(row.rows).padStart(6)}  ${zonedParts(new Date(row.cutoff)).date}`);
  const total = result.tables.reduce((n, r) => n + r.rows, 0);
  out(options.dryRun ? `${total} rows would be removed.` : `${total} rows removed.`);
  return result;
}
