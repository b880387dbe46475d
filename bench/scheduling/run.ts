import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { checkSolution } from '../../src/domain/scheduling/check-solution.js';
import highsLoader from 'highs';
import { solveExactMip, type ExactMipResult, type Highs } from '../../src/domain/scheduling/exact-mip.js';
import { parseSchedulingInstance, type SchedulingInstance } from '../../src/domain/scheduling/instance.js';
import { compileModel } from '../../src/domain/scheduling/model.js';
import { solveSessionPlacementSync, type SessionPlan } from '../../src/domain/scheduling/solve-session-placement.js';
import { GENERATED, generateInstance } from './generate.js';

/**
 * `npm run bench:scheduling [-- --only NAME] [--highs-seconds S] [--repeats R]`: our solver against the exact
 * MIP (HiGHS) on the generated and the shared instances; writes docs/performance/scheduling.md.
 * Runs everything sequentially (one CPU-heavy process at a time).
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const sharedDir = process.env['PEERKRACHT_SHARED_DIR'] ?? path.resolve(repoRoot, '../shared');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const highsSeconds = args.includes('--highs-seconds') ? Number(args[args.indexOf('--highs-seconds') + 1]) : 600;
const repeats = args.includes('--repeats') ? Math.max(1, Number(args[args.indexOf('--repeats') + 1])) : 5;

/**
 * A full garbage collection before each solver's block of runs, so that neither side pays for
 * the garbage of the previous one (HiGHS on a large instance leaves hundreds of MB).
 */
v8.setFlagsFromString('--expose-gc');
const gcValue: unknown = vm.runInNewContext('gc');
const collectGarbage = (): void => {
  if (typeof gcValue === 'function') gcValue();
};

type Timing = { wallMs: number; cpuMs: number };

type Row = {
  name: string;
  people: number;
  communities: number;
  rooms: number;
  plan: SessionPlan;
  ours: Timing[];
  exact: ExactMipResult;
  highs: Timing[];
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

/** Wall-clock and process CPU time (user + system) of one synchronous or asynchronous call. */
async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T } & Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

/** Ours: from the parsed JSON to the finished plan (validation, cost tables, search, quality figures). */
function solveOurs(raw: unknown): { plan: SessionPlan; instance: SchedulingInstance } {
  const instance = parseSchedulingInstance(raw);
  return { plan: solveSessionPlacementSync({ instance, seed: 1, timeLimitMs: 60_000 }), instance };
}

/** One WASM module for all HiGHS solves, instantiated and warmed up before any timing. */
let highsModule: Highs | undefined;

/**
 * HiGHS: from the parsed JSON to the proven optimum (validation, the same cost tables, LP text,
 * solve), on the already loaded module — like our code, which is loaded and warm.
 */
async function solveHighs(raw: unknown): Promise<ExactMipResult> {
  highsModule ??= await highsLoader();
  const model = compileModel(parseSchedulingInstance(raw));
  return solveExactMip(model, { module: highsModule, timeLimitSeconds: highsSeconds });
}

/**
 * Both solvers are timed the same way, warm, `repeats` runs each, medians reported: first ours
 * (after up to six untimed runs, at most 3 s, so the JIT has compiled the hot loops), then HiGHS on the shared,
 * already-instantiated WASM module (it stops repeating once it has spent a minute on the
 * instance). Not interleaved: a HiGHS solve leaves WASM tier-up compilation running on other
 * threads, which lands in our process CPU time and slowed our 10 ms solves 4–8× when alternated.
 */
async function runOne(name: string, raw: unknown): Promise<Row> {
  const ours: Timing[] = [];
  const highs: Timing[] = [];
  let plan: SessionPlan | undefined;
  let instance: SchedulingInstance | undefined;
  let exact: ExactMipResult | undefined;
  // The full GC comes before the untimed runs: a forced GC discards compiled code, and right
  // before a timed 10 ms solve it made that solve re-JIT (measured 10–20× slower).
  collectGarbage();
  const warmUntil = performance.now() + 3000;
  for (let r = 0; r < 6 && (r < 1 || performance.now() < warmUntil); r++) solveOurs(raw);
  for (let r = 0; r < repeats; r++) {
    const a = await timed(() => solveOurs(raw));
    ({ plan, instance } = a.value);
    ours.push({ wallMs: a.wallMs, cpuMs: a.cpuMs });
  }
  collectGarbage();
  let highsTotal = 0;
  for (let r = 0; r < repeats && highsTotal < 60_000; r++) {
    const b = await timed(() => solveHighs(raw));
    exact = b.value;
    highs.push({ wallMs: b.wallMs, cpuMs: b.cpuMs });
    highsTotal += b.wallMs;
  }
  if (plan === undefined || instance === undefined || exact === undefined) throw new Error('no runs');
  const valid = checkSolution(instance, plan.solution).valid;
  process.stderr.write(
    `${name}: ours ${plan.solution.objective} (${plan.search.stopReason}) median ${median(ours, 'wallMs').toFixed(0)} ms wall / ${median(ours, 'cpuMs').toFixed(0)} ms CPU; ` +
      `HiGHS ${exact.status} ${exact.objective} median ${median(highs, 'wallMs').toFixed(0)} ms wall / ${median(highs, 'cpuMs').toFixed(0)} ms CPU (${highs.length} runs); load ${loadAverage()}\n`,
  );
  return { name, people: instance.people.length, communities: instance.communities.length, rooms: instance.locations[0]?.rooms ?? 0, plan, ours, exact, highs, valid };
}

function median(runs: readonly Timing[], key: keyof Timing): number {
  const values = runs.map((r) => r[key]).sort((x, y) => x - y);
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? (values[mid] ?? NaN) : ((values[mid - 1] ?? NaN) + (values[mid] ?? NaN)) / 2;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const sec = (ms: number): string => (ms < 100 ? `${ms.toFixed(0)} ms` : ms < 1000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);

function table(rows: readonly Row[]): string {
  const head =
    '| instance | people | communities | rooms/location | ours: objective | HiGHS optimum | gap | adjacent (bound) | waiting min | extra trips | conflicts | stop | ours wall | HiGHS wall | speed-up wall | ours CPU | HiGHS CPU | speed-up CPU | runs (ours/HiGHS) |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n';
  return (
    head +
    rows
      .map((r) => {
        const q = r.plan.quality;
        const optimal = r.exact.status === 'Optimal';
        const gap = optimal ? pct((q.objective - r.exact.objective) / r.exact.objective) : 'n/a';
        const opt = optimal ? String(r.exact.objective) : `${r.exact.status}${Number.isFinite(r.exact.objective) ? ` (${r.exact.objective})` : ''}`;
        const ow = median(r.ours, 'wallMs');
        const hw = median(r.highs, 'wallMs');
        const oc = median(r.ours, 'cpuMs');
        const hc = median(r.highs, 'cpuMs');
        return (
          `| ${r.name} | ${r.people} | ${r.communities} | ${r.rooms} | ${q.objective}${r.valid ? '' : ' (INVALID)'} | ${opt} | ${gap} | ${pct(q.adjacentShare)} (${pct(q.adjacentShareUpperBound)}) | ${q.waitingMinutes} | ${q.extraTrips} | ${q.conflicts} | ${r.plan.search.stopReason} | ` +
          `${sec(ow)} | ${sec(hw)} | ${(hw / ow).toFixed(1)}× | ${sec(oc)} | ${sec(hc)} | ${(hc / oc).toFixed(1)}× | ${r.ours.length}/${r.highs.length} |`
        );
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

function loadAverage(): string {
  return os.loadavg().map((x) => x.toFixed(1)).join(' / ');
}

// Warm-up (untimed): JIT-compile our solver and instantiate + tier up HiGHS on the smallest shared instance.
{
  const raw: unknown = JSON.parse(readFileSync(path.join(sharedDir, 'benchmarks/scheduling/instances/small-01.json'), 'utf8'));
  for (let k = 0; k < 3; k++) solveOurs(raw);
  for (let k = 0; k < 3; k++) await solveHighs(raw);
}
const loadBefore = loadAverage();
const rows: Row[] = [];
for (const { name, load } of instances()) rows.push(await runOne(name, load()));
const report =
  `${table(rows)}\nMachine: ${machine()}. Load average (1 / 5 / 15 min) at the start: ${loadBefore}; at the end: ${loadAverage()}. ` +
  `Medians of up to ${repeats} runs per solver (ours after up to 6 untimed runs per instance; HiGHS on one warm WASM module).\n`;
process.stdout.write(report);
if (only === undefined) {
  const docs = path.join(repoRoot, 'docs/performance');
  mkdirSync(docs, { recursive: true });
  const intro = readFileSync(path.join(import.meta.dirname, 'report-intro.md'), 'utf8');
  writeFileSync(path.join(docs, 'scheduling.md'), `${intro}\n## Results\n\n${report}`);
}
