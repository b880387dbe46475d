/**
 * `npm run --silent solve:mdgp -- FILE --seconds S --seed K`
 *
 * Prints exactly one JSON line on stdout, `{"objective": …, "group": […]}`, so checkers can pipe
 * it; progress goes to stderr only when stderr is a terminal or with --progress.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { GroupingError } from '../domain/grouping/grouping-error.js';
import { parseMdgplib } from '../domain/grouping/parse-mdgplib.js';
import type { SolveProgress } from '../domain/grouping/search-budget.js';
import { solveMdgp } from '../domain/grouping/solve-mdgp.js';
import { numberArgument } from './number-argument.js';

type CliOptions = { seconds: number; seed: number; iterations?: number; progress?: boolean };

const positiveNumber = numberArgument((n) => Number.isFinite(n) && n > 0, 'must be a positive number');
const nonNegativeInteger = numberArgument((n) => Number.isInteger(n) && n >= 0, 'must be a non-negative integer');

function run(file: string, options: CliOptions): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const instance = parseMdgplib(text);
  const showProgress = options.progress === true || process.stderr.isTTY;
  const onProgress = showProgress
    ? (p: SolveProgress): void => {
        process.stderr.write(`\r${(p.elapsedMs / 1000).toFixed(1)} s  best ${p.bestObjective.toFixed(3)}  ${Math.round(p.fraction * 100)}%   `);
      }
    : undefined;
  const result = solveMdgp(instance, {
    timeLimitMs: options.seconds * 1000,
    seed: options.seed,
    ...(options.iterations === undefined ? {} : { maxIterations: options.iterations }),
    ...(onProgress === undefined ? {} : { onProgress }),
  });
  if (showProgress) process.stderr.write('\n');
  process.stdout.write(`${JSON.stringify({ objective: result.objective, group: Array.from(result.group) })}\n`);
}

const program = new Command()
  .name('solve-mdgp')
  .description('Solve a Maximally Diverse Grouping Problem instance in MDGPLIB format')
  .argument('<file>', 'instance file (MDGPLIB format)')
  .option('--seconds <s>', 'time limit in seconds', positiveNumber, 1)
  .option('--seed <k>', 'random seed', nonNegativeInteger, 1)
  .option('--iterations <k>', 'iteration budget (exactly reproducible runs)', nonNegativeInteger)
  .option('--progress', 'report progress on stderr even when it is not a terminal')
  .action((file: string, options: CliOptions) => run(file, options))
  .configureOutput({ writeOut: (s) => process.stderr.write(s), writeErr: (s) => process.stderr.write(s) });

try {
  program.parse();
} catch (error) {
  const prefix = error instanceof GroupingError ? `error (${error.code})` : 'error';
  process.stderr.write(`${prefix}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
