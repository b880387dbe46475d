/**
 * `npm run bench:grouping [-- --runs R --quick --filter TEXT --scale --out FILE]`
 *
 * Runs the solver on every shared MDGPLIB instance at the standard time limits and prints a
 * markdown table: best / mean / worst, gaps to the best-known value, time, and a restarted
 * greedy-swap baseline under the same limit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Command } from 'commander';
import { parseMdgplib } from '../../src/domain/grouping/parse-mdgplib.js';
import { solveMdgp } from '../../src/domain/grouping/solve-mdgp.js';
import { baselineLocalSearch } from './baseline.js';
import { formatScaleTable, runScaleCase } from './scale-case.js';
import { listMdgpInstances, readBestKnown, sharedMdgpDir } from './shared-benchmarks.js';
import { standardTimeLimitMs } from './time-limits.js';

type BenchOptions = { runs?: number; quick?: boolean; filter?: string; scale?: boolean; baselineRuns: number; out?: string; instances: boolean };

type Row = {
  name: string;
  n: number;
  m: number;
  bks: number;
  limitMs: number;
  values: number[];
  meanElapsedMs: number;
  baseline: number[];
};

const program = new Command()
  .option('--runs <r>', 'solver runs per instance (default 3, quick 2)', (v) => Number(v))
  .option('--quick', 'time limits ÷ 10 and 2 runs')
  .option('--filter <text>', 'only instances whose name contains the text')
  .option('--scale', 'also run the 5,000-student attribute case')
  .option('--no-instances', 'skip the MDGPLIB instances (e.g. with --scale)')
  .option('--baseline-runs <b>', 'baseline runs per instance (0 = none)', (v) => Number(v), 1)
  .option('--out <file>', 'also write the markdown to this file')
  .parse();
const options = program.opts<BenchOptions>();
const runs = options.runs ?? (options.quick === true ? 2 : 3);
const divisor = options.quick === true ? 10 : 1;

const rows: Row[] = [];
if (options.instances) {
  const bestKnown = readBestKnown();
  const files = listMdgpInstances().filter((f) => options.filter === undefined || f.name.includes(options.filter));
  for (const file of files) {
    const instance = parseMdgplib(readFileSync(file.file, 'utf8'));
    const limitMs = standardTimeLimitMs(instance.n) / divisor;
    const values: number[] = [];
    let elapsed = 0;
    for (let r = 0; r < runs; r++) {
      const result = solveMdgp(instance, { timeLimitMs: limitMs, seed: r + 1 });
      values.push(result.objective);
      elapsed += result.elapsedMs;
      process.stderr.write(`${file.name} run ${r + 1}/${runs}: ${result.objective.toFixed(3)} (${result.iterations} iterations)\n`);
    }
    const baseline: number[] = [];
    for (let r = 0; r < options.baselineRuns; r++) baseline.push(baselineLocalSearch(instance, limitMs, 1000 + r));
    rows.push({
      name: file.name,
      n: instance.n,
      m: instance.bounds.lower.length,
      bks: bestKnown.get(file.name) ?? NaN,
      limitMs,
      values,
      meanElapsedMs: elapsed / runs,
      baseline,
    });
  }
}

const sections = [header(), rows.length > 0 ? formatTable(rows) : '', rows.length > 0 ? formatSummary(rows) : ''];
if (options.scale === true) {
  process.stderr.write('scale case: 5,000 students …\n');
  sections.push(formatScaleTable(runScaleCase()));
}
const markdown = sections.filter((s) => s !== '').join('\n\n') + '\n';
process.stdout.write(markdown);
if (options.out !== undefined) writeFileSync(options.out, markdown);

function header(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  return [
    `Machine: ${os.cpus().length} logical CPUs (${cpu}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    `Mode: ${options.quick === true ? 'quick (limits ÷ 10)' : 'standard limits'}, ${runs} run(s) per instance (seeds 1…${runs}), baseline ${options.baselineRuns} run(s). Shared data: ${sharedMdgpDir()}.`,
  ].join('\n');
}

function gap(bks: number, value: number): number {
  const percent = ((bks - value) / bks) * 100;
  // Values equal to the BKS up to rounding print as 0, not −0.000.
  return Math.abs(percent) < 1e-6 ? 0 : percent;
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function formatTable(data: Row[]): string {
  const lines = [
    '| Instance | n | m | BKS | best | mean | worst | gap best % | gap mean % | limit s | time s | baseline mean | baseline gap % | mean / baseline |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of data) {
    const avg = mean(row.values);
    const base = row.baseline.length > 0 ? mean(row.baseline) : NaN;
    lines.push(
      `| ${row.name} | ${row.n} | ${row.m} | ${row.bks.toFixed(3)} | ${Math.max(...row.values).toFixed(3)} | ${avg.toFixed(3)} | ${Math.min(...row.values).toFixed(3)} | ` +
        `${gap(row.bks, Math.max(...row.values)).toFixed(3)} | ${gap(row.bks, avg).toFixed(3)} | ${(row.limitMs / 1000).toFixed(2)} | ${(row.meanElapsedMs / 1000).toFixed(2)} | ` +
        `${Number.isNaN(base) ? '–' : base.toFixed(3)} | ${Number.isNaN(base) ? '–' : gap(row.bks, base).toFixed(3)} | ${Number.isNaN(base) ? '–' : (avg / base).toFixed(4)} |`,
    );
  }
  return lines.join('\n');
}

function formatSummary(data: Row[]): string {
  const small = data.filter((r) => r.n <= 12);
  const large = data.filter((r) => r.n > 12);
  const exact = small.filter((r) => r.values.every((v) => Math.abs(v - r.bks) < 1e-6)).length;
  const lines = [`Exact optimum in every run: ${exact} of ${small.length} instances with n ≤ 12.`];
  if (large.length > 0) {
    const meanGap = mean(large.map((r) => gap(r.bks, mean(r.values))));
    const bestGap = mean(large.map((r) => gap(r.bks, Math.max(...r.values))));
    const worst = Math.max(...large.map((r) => gap(r.bks, Math.min(...r.values))));
    const withBase = large.filter((r) => r.baseline.length > 0);
    lines.push(
      `n ≥ 120: average gap of the mean ${meanGap.toFixed(3)} %, of the best ${bestGap.toFixed(3)} %, worst single run ${worst.toFixed(3)} % below BKS.`,
    );
    if (withBase.length > 0) {
      const baseGap = mean(withBase.map((r) => gap(r.bks, mean(r.baseline))));
      lines.push(`Baseline (restarted greedy swaps, same limits): average gap ${baseGap.toFixed(3)} %; solver gap / baseline gap = ${(meanGap / baseGap).toFixed(3)}.`);
    }
  }
  return lines.join('\n');
}
