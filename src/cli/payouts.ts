/**
 * `peerkracht payouts export --out FILE [--institution ID] [--date YYYY-MM-DD]`: writes the SEPA
 * credit-transfer file (pain.001.001.03) of everything approved and unpaid — checked against the
 * SEPA rules and validated against the XSD with xmllint — without storing or marking anything.
 * One summary line goes to stderr (transfers, control sum); no names or IBANs are printed.
 */
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Config } from '../server/config';
import { loadContent } from '../server/content/load-content';
import type { Services } from '../server/context';
import { openDatabase } from '../server/db/client';
import { lockDataDir } from '../server/db/data-dir-lock';
import { institutions } from '../server/db/schema';
import { formatCents } from '../domain/finance/sepa-file';
import { AppError } from '../server/errors/app-error';
import { translate } from '../i18n/translate';
import { preparePayout } from '../server/modules/finance/public';
import { createMailer } from '../server/modules/mail/public';

export type PayoutsExportOptions = { out: string; institution?: string; date?: string };

export async function payoutsExportCommand(config: Config, options: PayoutsExportOptions, err: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<void> {
  const content = await loadContent(config.contentDir);
  const release = config.database.kind === 'pglite' ? lockDataDir(config.database.dataDir) : () => undefined;
  const database = await openDatabase(config.database.kind === 'pglite' ? { kind: 'pglite', dataDir: config.database.dataDir } : config.database);
  try {
    const services: Services = { db: database.db, config, mailer: createMailer({ db: database.db, smtpUrl: config.smtpUrl, from: config.mailFrom }), content, now: () => new Date() };
    await payoutsExportWithServices(services, options, err);
  } finally {
    await database.close();
    release();
  }
}

/** The command on open services (the medium test calls this). */
export async function payoutsExportWithServices(services: Services, options: PayoutsExportOptions, err: (line: string) => void) {
  const date = options.date ?? services.now().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new Error('--date must be a date as YYYY-MM-DD');
  const all = await services.db.select({ id: institutions.id }).from(institutions).where(options.institution ? eq(institutions.id, options.institution) : undefined);
  if (all.length === 0) throw new Error(options.institution ? 'no institution with this id' : 'the database holds no institution');
  if (all.length > 1) throw new Error(`the database holds ${all.length} institutions: choose one with --institution <id>`);
  try {
    const prepared = await preparePayout(services, all[0]!.id, date);
    fs.writeFileSync(options.out, prepared.xml, { encoding: 'utf8', mode: 0o600 });
    const waiting = prepared.waitingForIban > 0 ? `; ${prepared.waitingForIban} waiting for an IBAN` : '';
    err(`${options.out}: ${prepared.transfers.length} transfers, control sum EUR ${formatCents(prepared.controlSumCents)}, pain.001.001.03 valid (xmllint, SEPA rules)${waiting}; nothing marked paid`);
    return prepared;
  } catch (error) {
    if (error instanceof AppError) throw new Error(translate('en', error.messageKey));
    throw error;
  }
}
