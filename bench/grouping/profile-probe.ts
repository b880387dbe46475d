// Tuning probe: size profile of a solution vs the pair-maximal profile.
import { readFileSync } from 'node:fs';
import { parseMdgplib } from '../../src/domain/grouping/parse-mdgplib.js';
import { createRng } from '../../src/domain/grouping/prng.js';
import { pairMaximalSizes } from '../../src/domain/grouping/size-profile.js';
import { solveMdgp } from '../../src/domain/grouping/solve-mdgp.js';

const inst = parseMdgplib(readFileSync(process.argv[2] ?? '', 'utf8'));
const m = inst.bounds.lower.length;
const sizes = pairMaximalSizes(inst.n, inst.bounds, new Int32Array(m), createRng(1))!;
const pairs = (s: ArrayLike<number>): number => Array.from(s).reduce((t, x) => t + (x * (x - 1)) / 2, 0);
console.log('dp', Array.from(sizes).join(','), pairs(sizes));
const r = solveMdgp(inst, { timeLimitMs: Number(process.argv[3]) * 1000, seed: 1 });
const got = new Array<number>(m).fill(0);
for (const g of r.group) got[g]!++;
console.log('solution', got.join(','), pairs(got), r.objective);
