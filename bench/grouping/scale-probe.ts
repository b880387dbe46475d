// How far the 1.8 s scale result is from a long run: npx tsx bench/grouping/scale-probe.ts 10000
import { runScaleCase } from './scale-case.js';

const r = runScaleCase(Number(process.argv[2] ?? 10_000));
process.stdout.write(`${(r.wallMs / 1000).toFixed(2)} s: diversity ${r.diversity}\n`);
