import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkSolution } from './check-solution.js';
import { parseSchedulingInstance } from './instance.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const sharedDir = process.env['PEERKRACHT_SHARED_DIR'] ?? path.resolve(repoRoot, '../shared');
const small = path.join(sharedDir, 'benchmarks/scheduling/instances/small-01.json');

describe.concurrent('solve-sessions CLI', () => {
  it('prints exactly one line of solution JSON that the checker accepts', async () => {
    const { stdout } = await run('npx', ['tsx', 'src/cli/solve-sessions.ts', small, '--seconds', '5', '--seed', '3'], { cwd: repoRoot });
    const lines = stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const solution: unknown = JSON.parse(lines[0] ?? '');
    expect(Object.keys(solution as object)).toEqual(['objective', 'placements']);
    const instance = parseSchedulingInstance(JSON.parse(readFileSync(small, 'utf8')));
    expect(checkSolution(instance, solution)).toEqual({ valid: true, objective: 8070, errors: [] });
  });

  it('fails with a message on stderr and nothing on stdout for a broken instance', async () => {
    const failure = await run('npx', ['tsx', 'src/cli/solve-sessions.ts', path.join(repoRoot, 'package.json')], { cwd: repoRoot }).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr).toContain('INVALID_INSTANCE');
  });
});
