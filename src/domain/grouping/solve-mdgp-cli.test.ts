import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listMdgpInstances } from '../../../bench/grouping/shared-benchmarks.js';
import { boundViolations, mdgpObjective } from './evaluate-assignment.js';
import { parseMdgplib } from './parse-mdgplib.js';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const cli = path.join(repoRoot, 'src', 'cli', 'solve-mdgp.ts');

type CliRun = { code: number; stdout: string; stderr: string };

async function solveCli(args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// One CLI process costs ~1 s of tsx start-up, so the cases run concurrently.
describe('solve-mdgp CLI', () => {
  it('prints one JSON line whose objective a checker can recompute, and fails clearly on a malformed file', async () => {
    const file = listMdgpInstances().find((f) => f.name === 'RanReal_n012_ds_01')!.file;
    const dir = mkdtempSync(path.join(tmpdir(), 'mdgp-'));
    const broken = path.join(dir, 'broken.txt');
    writeFileSync(broken, '4 2 ss 2 2 2 2\n0 1 1\n0 2 oops\n');

    const [ok, malformed] = await Promise.all([solveCli([file, '--seconds', '0.3', '--seed', '5']), solveCli([broken, '--seconds', '0.1'])]);

    expect(ok.code).toBe(0);
    const lines = ok.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!) as { objective: number; group: number[] };
    const instance = parseMdgplib(readFileSync(file, 'utf8'));
    expect(answer.group).toHaveLength(instance.n);
    expect(boundViolations(instance.bounds, answer.group)).toEqual([]);
    expect(mdgpObjective(instance, answer.group)).toBeCloseTo(answer.objective, 6);

    expect(malformed.code).toBe(1);
    expect(malformed.stdout).toBe('');
    expect(malformed.stderr).toContain('line 3');
  });
});
