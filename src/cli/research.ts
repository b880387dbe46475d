/**
 * `peerkracht research export --out DIR [--institution ID]`: writes every approved study to
 * DIR/<study-id>/ (data.csv, codebook.json, README.md) — only people holding the research consent
 * now, pseudonymised per study, k-anonymous — and logs each export for the coordinator. Progress
 * and counts go to stderr; nothing about a person is printed.
 */
import fs from 'node:fs';
import type { Config } from '../server/config';
import { loadContent } from '../server/content/load-content';
import type { Services } from '../server/context';
import { openDatabase } from '../server/db/client';
import { lockDataDir } from '../server/db/data-dir-lock';
import { createMailer } from '../server/modules/mail/public';
import { exportApprovedStudies } from '../server/modules/research/public';

export type ResearchExportOptions = { out: string; institution?: string };

export async function researchExportCommand(config: Config, options: ResearchExportOptions, err: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<void> {
  const content = await loadContent(config.contentDir);
  const release = config.database.kind === 'pglite' ? lockDataDir(config.database.dataDir) : () => undefined;
  const database = await openDatabase(config.database.kind === 'pglite' ? { kind: 'pglite', dataDir: config.database.dataDir } : config.database);
  try {
    const services: Services = { db: database.db, config, mailer: createMailer({ db: database.db, smtpUrl: config.smtpUrl, from: config.mailFrom }), content, now: () => new Date() };
    await researchExportWithServices(services, options, err);
  } finally {
    await database.close();
    release();
  }
}

/** The command on open services (the medium test calls this). */
export async function researchExportWithServices(services: Services, options: ResearchExportOptions, err: (line: string) => void) {
  fs.mkdirSync(options.out, { recursive: true, mode: 0o700 });
  const done = await exportApprovedStudies(services, { out: options.out, ...(options.institution ? { institutionId: options.institution } : {}) }, err);
  err(`done: ${done.length} ${done.length === 1 ? 'study' : 'studies'} written to ${options.out}`);
  return done;
}
