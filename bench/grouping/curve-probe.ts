import { readFileSync } from 'node:fs';
import { parseMdgplib } from '../../src/domain/grouping/parse-mdgplib.js';
import { solveMdgp } from '../../src/domain/grouping/solve-mdgp.js';
const inst = parseMdgplib(readFileSync(process.argv[2]!, 'utf8'));
const out: string[] = [];
const r = solveMdgp(inst, { timeLimitMs: Number(process.argv[3]) * 1000, seed: Number(process.argv[4] ?? 1), progressIntervalMs: Number(process.argv[3]) * 100, onProgress: (p) => out.push(`${(p.elapsedMs / 1000).toFixed(0)}s:${p.bestObjective.toFixed(0)}`) });
console.log(out.join(' '), r.objective.toFixed(1));
