// Tuning probe: validity of results under given parameters (PARAMS env JSON).
import { readFileSync } from 'node:fs';
import { boundViolations, mdgpObjective } from '../../src/domain/grouping/evaluate-assignment.js';
import { parseMdgplib } from '../../src/domain/grouping/parse-mdgplib.js';
import { solveMdgp } from '../../src/domain/grouping/solve-mdgp.js';

const inst = parseMdgplib(readFileSync(process.argv[2] ?? '', 'utf8'));
const parameters = JSON.parse(process.env.PARAMS ?? '{}') as Record<string, number>;
const r = solveMdgp(inst, { timeLimitMs: Number(process.argv[3]) * 1000, seed: 1, parameters });
console.log(r.objective, mdgpObjective(inst, r.group), boundViolations(inst.bounds, r.group));
