/**
 * The `peerkracht` command (npm run peerkracht -- <command>). Operations on an installation;
 * the engines have their own checkable commands (solve:mdgp, solve:sessions).
 */
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../server/config';
import { backupDataDir, restoreDataDir } from '../server/operations/backup';
import { groupCommand, type GroupCommandOptions } from './group-communities';
import { retentionCommand } from './retention';
import { scheduleCommand } from './schedule';
import { payoutsExportCommand } from './payouts';
import { researchExportCommand } from './research';

const program = new Command('peerkracht').description('peerkracht — student peer coaching');

program
  .command('backup')
  .description('write a backup of the embedded database (stop the server first)')
  .option('--out <file>', 'backup file', `peerkracht-backup-${new Date().toISOString().slice(0, 10)}.tar.gz`)
  .action(async (options: { out: string }) => {
    const config = loadConfig();
    if (config.database.kind !== 'pglite') {
      throw new Error('DATABASE_URL points to PostgreSQL: back it up with pg_dump (docs/operations.md)');
    }
    const bytes = await backupDataDir(config.database.dataDir, options.out);
    console.log(`Backup written to ${path.resolve(options.out)} (${(bytes / 1_048_576).toFixed(1)} MiB)`);
  });

program
  .command('restore')
  .description('restore a backup into an empty data directory (PEERKRACHT_DATA_DIR)')
  .argument('<file>', 'backup file written by `peerkracht backup`')
  .action(async (file: string) => {
    const config = loadConfig();
    if (config.database.kind !== 'pglite') throw new Error('restore is for the embedded database; use pg_restore for PostgreSQL');
    await restoreDataDir(file, config.database.dataDir);
    console.log(`Restored into ${config.database.dataDir}`);
  });

program
  .command('group')
  .description('form diverse communities for an intake (or one class), with a progress bar and the balance figures')
  .requiredOption('--intake <id>', 'the intake (uuid)')
  .option('--class <code>', 'only this class (e.g. SW1A)')
  .option('--seconds <s>', 'computing time', '5')
  .option('--seed <k>', 'random seed (same seed, same proposal)', '1')
  .option('--attributes <list>', 'attributes with weights, e.g. priorEducation:2,firstGeneration (default: all enabled)')
  .option('--min <n>', 'smallest community (default: the intake setting)')
  .option('--max <n>', 'largest community (default: the intake setting)')
  .option('--name <prefix>', 'name of the communities; a number is added', 'Community')
  .option('--lang <nl|en>', 'language of the output', 'nl')
  .option('--accept', 'create the communities and assign coaches')
  .option('--role-models', 'with --accept: prefer coaches whose role-model self-description matches members (e.g. mbo route, first in family)')
  .action(async (options: GroupCommandOptions) => groupCommand(options));

program
  .command('schedule')
  .description("place each community's sessions next to its members' classes for a teaching period, with a progress bar and a summary")
  .requiredOption('--intake <id>', 'the intake (uuid)')
  .option('--period <name|id>', 'the teaching period (default: the first current or coming one with timetables)')
  .option('--seconds <s>', 'computing time', '10')
  .option('--seed <k>', 'random seed (same seed, same proposal)', '1')
  .option('--publish', 'publish the proposal: create or move the year plan\'s sessions and notify members')
  .action(async (options: { intake: string; period?: string; seconds: string; seed: string; publish?: boolean }) => {
    const seconds = Number(options.seconds);
    const seed = Number(options.seed);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) throw new Error('--seconds must be a whole number from 1 to 3600');
    if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a whole number, 0 or more');
    await scheduleCommand(loadConfig(), { intake: options.intake, period: options.period, seconds, seed, publish: options.publish === true });
  });

program
  .command('retention')
  .description('apply the retention of every table (the daily retention pass) and print the counts per table')
  .option('--dry-run', 'only count what a run now would remove; change nothing')
  .action(async (options: { dryRun?: boolean }) => retentionCommand(loadConfig(), { dryRun: options.dryRun === true }));

const payouts = program.command('payouts').description('payouts to coaches (allowance statements and expense claims)');
payouts
  .command('export')
  .description('write the SEPA file (pain.001.001.03) of everything approved and unpaid, validated; marks nothing paid')
  .requiredOption('--out <file>', 'the XML file to write')
  .option('--institution <id>', 'the institution (needed when the database holds several)')
  .option('--date <YYYY-MM-DD>', 'requested execution date (default: today)')
  .action(async (options: { out: string; institution?: string; date?: string }) => payoutsExportCommand(loadConfig(), options));

const research = program.command('research').description('research studies (pseudonymised, k-anonymous exports of consenting students)');
research
  .command('export')
  .description('write every approved study to DIR/<study-id>/ (data.csv, codebook.json, README.md); progress on stderr')
  .requiredOption('--out <dir>', 'the directory to write into')
  .option('--institution <id>', 'only the studies of this institution')
  .action(async (options: { out: string; institution?: string }) => researchExportCommand(loadConfig(), options));

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
