// Tuning probe (not part of the benchmark): node --import tsx bench/grouping/probe.ts FILE SECONDS SEEDS [ITERATIONS]
// Parameters come from the env PARAMS as JSON.
import { readFileSync } from 'node:fs';
import { parseMdgplib } from '../../src/domain/grouping/parse-mdgplib.js';
import { solveMdgp } from '../../src/domain/grouping/solve-mdgp.js';

const [file, secs, seeds, iterations] = process.argv.slice(2);
const inst = parseMdgplib(readFileSync(file ?? '', 'utf8'));
const parameters = JSON.parse(process.env.PARAMS ?? '{}') as Record<string, number>;
const values: number[] = [];
let its = 0;
for (let seed = 1; seed <= Number(seeds ?? 1); seed++) {
  const r = solveMdgp(inst, {
    timeLimitMs: Number(secs) * 1000,
    ...(iterations === undefined ? {} : { maxIterations: Number(iterations) }),
    seed,
    parameters,
  });
  values.push(r.objective);
  its += r.iterations / r.elapsedMs;
}
const mean = values.reduce((s, v) => s + v, 0) / values.length;
console.log(JSON.stringify({ best: Math.max(...values), mean: Math.round(mean * 10) / 10, itPerMs: Math.round(its / values.length) }));
