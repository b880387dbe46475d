/**
 * The retention pass: for every table the personal-data registry gives a rule of the pass, what
 * that rule removes at this moment. The dry run only counts (nothing changes); the real run
 * deletes or anonymises the same rows, one transaction per table, and logs the count per table
 * (counts only, never personal data). Running it again at the same moment removes nothing.
 */
import type { Services } from '../../context';
import { PERSONAL_DATA_REGISTRY, retentionCutoff } from '../../db/personal-data-registry';
import { RETENTION_RULES } from './rules';

export type RetentionTableResult = {
  table: string;
  action: 'delete' | 'anonymise';
  /** Rows with their reference moment before this are past their retention. */
  cutoff: string;
  /** Rows removed (real run) or that the run would remove (dry run). */
  rows: number;
};

export type RetentionPassResult = { at: string; dryRun: boolean; tables: RetentionTableResult[] };

/** Where the real run reports its counts (pino's `info` fits). */
export type RetentionLog = { info(fields: Record<string, unknown>, message: string): void };

export async function runRetentionPass(options: { services: Services; dryRun: boolean; log?: RetentionLog }): Promise<RetentionPassResult> {
  const { services, dryRun, log } = options;
  const now = services.now();
  const tables: RetentionTableResult[] = [];
  for (const [table, rule] of Object.entries(RETENTION_RULES)) {
    const purge = PERSONAL_DATA_REGISTRY[table]?.purge;
    if (purge?.by !== 'retention pass') throw new Error(`the registry gives ${table} no rule of the retention pass`);
    const cutoff = retentionCutoff(purge.after, now);
    const rows = dryRun ? await rule.count(services.db, cutoff) : await services.db.transaction((tx) => rule.apply(tx, cutoff));
    if (!dryRun) log?.info({ table, action: purge.action, rows }, 'retention pass');
    tables.push({ table, action: purge.action, cutoff: cutoff.toISOString(), rows });
  }
  return { at: now.toISOString(), dryRun, tables };
}
