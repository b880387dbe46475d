/**
 * `npm run test:crash [-- --cycles N] [--db pglite|postgres|both] [--seed K]`: the crash-safety
 * suite (test/crash/crash-suite.ts) — N kill -9 cycles under concurrent acknowledged writes, on
 * PGlite (a fresh data directory) and on a throwaway PostgreSQL cluster with fsync=on and
 * synchronous_commit=on. Prints per database: cycles, writes acknowledged, writes lost, jobs
 * resumed; exits 1 when a write was lost or an invariant broke.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { runCrashSuite, type CrashFigures } from './crash-suite';
import { startDurableCluster } from './durable-postgres';

const options = new Command()
  .option('--cycles <n>', 'kill -9 cycles per database', '50')
  .option('--db <kind>', 'pglite, postgres or both', 'both')
  .option('--seed <k>', 'seed of the kill moments and written values', '20261206')
  .parse()
  .opts<{ cycles: string; db: string; seed: string }>();

const cycles = Number(options.cycles);
const seed = Number(options.seed);
if (!Number.isInteger(cycles) || cycles < 1) throw new Error('--cycles must be a positive whole number');
const kinds = options.db === 'both' ? (['pglite', 'postgres'] as const) : ([options.db] as ('pglite' | 'postgres')[]);

const results: CrashFigures[] = [];
for (const kind of kinds) {
  const started = Date.now();
  console.log(`\n== ${kind}: ${cycles} cycles, seed ${seed}`);
  let figures: CrashFigures;
  if (kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerkracht-crash-'));
    try {
      figures = await runCrashSuite({ target: { kind, dataDir }, cycles, seed, log: console.log });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  } else {
    const cluster = await startDurableCluster();
    console.log(`PostgreSQL: ${Object.entries(cluster.settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
    try {
      figures = await runCrashSuite({ target: { kind, url: cluster.url }, cycles, seed, log: console.log });
    } finally {
      cluster.stop();
    }
  }
  results.push(figures);
  const a = figures.acknowledged;
  console.log(
    `${kind}: cycles ${figures.cycles}, writes acknowledged ${a.total} (attendance ${a.attendance}, RSVP ${a.rsvp}, logbook ${a.logbook}, imports ${a.imports}), ` +
      `writes lost ${figures.lost}, refused ${figures.refused}, imports interrupted ${figures.importsInterrupted}, jobs resumed ${figures.jobsResumed} (taken over mid-run ${figures.jobsTakenOver}), ` +
      `imports done ${figures.importsDone}, invariant violations ${figures.violations.length} (${Math.round((Date.now() - started) / 1000)} s)`,
  );
  for (const v of figures.violations.slice(0, 20)) console.log(`  ${v}`);
}
const failed = results.some((f) => f.lost > 0 || f.refused > 0 || f.violations.length > 0 || f.jobsResumed !== f.importsInterrupted);
process.exit(failed ? 1 : 0);
