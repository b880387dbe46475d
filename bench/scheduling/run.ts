import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { checkSolution } from '../../src/domain/scheduling/check-solution.js';
import { solveExactMip, type ExactMipResult } from '../../src/domain/scheduling/exact-mip.js';
import { parseSchedulingInstance, type SchedulingInstance } from '../../src/domain/scheduling/instance.js';
import { compileModel } from '../../src/domain/scheduling/model.js';
import { solveSessionPlacementSync, type SessionPlan } from '../../src/domain/scheduling/solve-session-placement.js';
import { GENERATED, generateInstance } from './generate.js';

/**
 * `npm run bench:scheduling [-- --only NAME] [--highs-seconds S]`: our solver against the exact
 * MIP (HiGHS) on the generated and the shared instances; writes docs/performance/scheduling.md.
 * Runs everything sequentially (one CPU-heavy process at a time).
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const sharedDir = process.env['PEERKRACHT_SHARED_DIR'] ?? path.resolve(repoRoot, '../shared');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const highsSeconds = args.includes('--highs-seconds') ? Number(args[args.indexOf('--highs-seconds') + 1]) : 600;

/**
 * A full garbage collection before each timed section, so that neither side pays for the garbage
 * of the previous one (a fresh HiGHS WASM module on a large instance leaves hundreds of MB).
 */
v8.setFlagsFromString('--expose-gc');
const gcValue: unknown = vm.runInNewContext('gc');
const collectGarbage = (): void => {
  if (typeof gcValue === 'function') gcValue();
};

type Row = {
  name: string;
  people: number;
  communities: number;
  rooms: number;
  plan: SessionPlan;
  oursMs: number;
  exact: ExactMipResult;
  exactNote: string;
  valid: boolean;
};

function instances(): { name: string; load: () => unknown }[] {
  const shared = ['small-01', 'medium-01', 'large-01'].map((name) => ({
    name,
    load: (): unknown => JSON.parse(readFileSync(path.join(sharedDir, 'benchmarks/scheduling/instances', `${name}.json`), 'utf8')),
  }));
  const generated = GENERATED.map((g) => ({ name: g.name, load: (): unknown => generateInstance(g) }));
  return [...generated, ...shared].filter((i) => only === undefined || i.name === only);
}

async function runOne(name: string, raw: unknown): Promise<Row> {
  collectGarbage();
  const t0 = performance.now();
  const instance: SchedulingInstance = parseSchedulingInstance(raw);
  const plan = solveSessionPlacementSync({ instance, seed: 1, timeLimitMs: 60_000 });
  const oursMs = performance.now() - t0;
  const valid = checkSolution(instance, plan.solution).valid;
  process.stderr.write(`${name}: ours ${plan.solution.objective} in ${oursMs.toFixed(0)} ms (${plan.search.stopReason})\n`);
  const model = compileModel(instance);
  collectGarbage();
  let exact: ExactMipResult;
  let exactNote = 'full model';
  try {
    exact = await solveExactMip(model, { freshModule: true, timeLimitSeconds: highsSeconds });
  } catch (error) {
    // highs-js runs in WASM with a memory ceiling; fall back to the exact pruning of exact-mip.ts.
    process.stderr.write(`${name}: full MIP failed in highs-js (${String(error).slice(0, 80)}); pruning with our objective\n`);
    exact = await solveExactMip(model, { freshModule: true, timeLimitSeconds: highsSeconds, upperBound: plan.solution.objective });
    exactNote = 'pruned (cost ≤ cheapest + gap to our plan)';
  }
  process.stderr.write(`${name}: HiGHS ${exact.status} ${exact.objective} in ${(exact.buildMs + exact.solveMs).toFixed(0)} ms\n`);
  return {
    name, people: instance.people.length, communities: instance.communities.length, rooms: instance.locations[0]?.rooms ?? 0,
    plan, oursMs, exact, exactNote, valid,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const sec = (ms: number): string => (ms < 1000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);

function table(rows: readonly Row[]): string {
  const head =
    '| instance | people | communities | rooms/location | ours: objective | HiGHS optimum | gap | adjacent (bound) | waiting min | extra trips | conflicts | ours time | HiGHS time | speed-up | stop |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n';
  return (
    head +
    rows
      .map((r) => {
        const q = r.plan.quality;
        const optimal = r.exact.status === 'Optimal';
        const gap = optimal ? pct((q.objective - r.exact.objective) / r.exact.objective) : 'n/a';
        const highsMs = r.exact.buildMs + r.exact.solveMs;
        const opt = optimal ? String(r.exact.objective) : `${r.exact.status}${Number.isFinite(r.exact.objective) ? ` (${r.exact.objective})` : ''}`;
        return `| ${r.name} | ${r.people} | ${r.communities} | ${r.rooms} | ${q.objective}${r.valid ? '' : ' (INVALID)'} | ${opt} | ${gap} | ${pct(q.adjacentShare)} (${pct(q.adjacentShareUpperBound)}) | ${q.waitingMinutes} | ${q.extraTrips} | ${q.conflicts} | ${sec(r.oursMs)} | ${sec(highsMs)} | ${(highsMs / r.oursMs).toFixed(1)}× | ${r.plan.search.stopReason} |`;
      })
      .join('\n') +
    '\n'
  );
}

function machine(): string {
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    model = execSync("lscpu | sed -n 's/^Model name:[ ]*//p'", { encoding: 'utf8' }).trim() || model;
  } catch {
    // lscpu missing: keep the os.cpus() name
  }
  const nproc = execSync('nproc', { encoding: 'utf8' }).trim();
  return `${nproc} cores (nproc), ${model}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

const rows: Row[] = [];
for (const { name, load } of instances()) rows.push(await runOne(name, load()));
const report = `${table(rows)}\nMachine: ${machine()}.\n`;
process.stdout.write(report);
if (only === undefined) {
  const docs = path.join(repoRoot, 'docs/performance');
  mkdirSync(docs, { recursive: true });
  const intro = readFileSync(path.join(import.meta.dirname, 'report-intro.md'), 'utf8');
  writeFileSync(path.join(docs, 'scheduling.md'), `${intro}\n## Results\n\n${report}`);
}
