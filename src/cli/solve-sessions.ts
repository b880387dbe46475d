import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { SchedulingError } from '../domain/scheduling/errors.js';
import { parseSchedulingInstance } from '../domain/scheduling/instance.js';
import { solveSessionPlacementSync } from '../domain/scheduling/solve-session-placement.js';
import { numberArgument } from './number-argument.js';

/**
 * `npm run --silent solve:sessions -- FILE --seconds S --seed K`
 * Prints exactly the solution JSON of FORMAT.md on one line of stdout, nothing else; quality
 * figures go to stderr with --verbose. A relative FILE that does not exist is also looked up in
 * the shared benchmark directory (PEERKRACHT_SHARED_DIR, default ../shared next to the repo).
 */
const positiveNumber = numberArgument((n) => Number.isFinite(n) && n > 0, 'expected a positive number');
const integer = numberArgument((n) => Number.isInteger(n), 'expected an integer');

function resolveInstanceFile(file: string): string {
  const candidates = [path.resolve(file)];
  const repoRoot = path.resolve(import.meta.dirname, '../..');
  const shared = process.env['PEERKRACHT_SHARED_DIR'] ?? path.resolve(repoRoot, '../shared');
  candidates.push(path.resolve(shared, file), path.resolve(shared, 'benchmarks/scheduling/instances', file));
  for (const candidate of candidates) {
    try {
      readFileSync(candidate, { flag: 'r' }).subarray(0, 0);
      return candidate;
    } catch {
      // try the next location
    }
  }
  return candidates[0] ?? file;
}

const program = new Command()
  .name('solve-sessions')
  .description('Place each community’s weekly session next to its members’ classes (FORMAT.md).')
  .argument('<file>', 'instance JSON (FORMAT.md)')
  .option('--seconds <s>', 'time budget in seconds', positiveNumber, 10)
  .option('--seed <k>', 'random seed', integer, 1)
  .option('--verbose', 'print quality figures and extra-trip explanations to stderr', false)
  .action((file: string, opts: { seconds: number; seed: number; verbose: boolean }) => {
    try {
      const text = readFileSync(resolveInstanceFile(file), 'utf8');
      const instance = parseSchedulingInstance(JSON.parse(text));
      const plan = solveSessionPlacementSync({ instance, seed: opts.seed, timeLimitMs: opts.seconds * 1000 });
      process.stdout.write(`${JSON.stringify(plan.solution)}\n`);
      if (opts.verbose) {
        process.stderr.write(`${JSON.stringify({ quality: plan.quality, search: plan.search, extraTrips: plan.extraTrips }, null, 2)}\n`);
      }
    } catch (error) {
      const message = error instanceof SchedulingError ? `${error.code}: ${error.message}` : String(error);
      process.stderr.write(`solve-sessions: ${message}\n`);
      process.exitCode = error instanceof SchedulingError && error.code === 'INVALID_INSTANCE' ? 2 : 1;
    }
  });

program.parse();
