import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAllowance } from './allowance-command';

const fixtures = path.resolve(import.meta.dirname, 'fixtures/allowance');
const repo = path.resolve(import.meta.dirname, '../..');

describe('npm run --silent allowance -- FILE', () => {
  it('prints exactly the output JSON of the definition on stdout and nothing else', () => {
    const stdout = execFileSync('npm', ['run', '--silent', 'allowance', '--', path.join(fixtures, 'example.json')], { cwd: repo, encoding: 'utf8' });
    expect(stdout).toBe(
      '{"month":"2026-11","lines":[{"date":"2026-11-03","kind":"session","minutes":120,"band":"under21","rateCents":275,"amountCents":550},' +
        '{"date":"2026-11-15","kind":"training","minutes":90,"band":"from21","rateCents":550,"amountCents":825}],"totalCents":1375,"yearToDateCents":46375,"warnings":[]}\n',
    );
  });

  it('answers a bad file with one line on stderr, nothing on stdout and exit code 1', () => {
    const run = spawnSync('npm', ['run', '--silent', 'allowance', '--', path.join(fixtures, 'unknown-kind.json')], { cwd: repo, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('work.1.kind: unknown kind "party"\n');
  });

  it.each([
    ['edge-cases.json', '{"month":"2026-02","lines":[{"date":"2026-02-27","kind":"session","minutes":3,"band":"under21","rateCents":250,"amountCents":13},{"date":"2026-02-28","kind":"preparation","minutes":60,"band":"from21","rateCents":560,"amountCents":560}],"totalCents":573,"yearToDateCents":210073,"warnings":["rate_above_fiscal_hourly_max","year_cap_exceeded"]}\n'],
  ])('computes %s', (file, expected) => {
    expect(runAllowance([path.join(fixtures, file)])).toEqual({ stdout: expected, stderr: '', code: 0 });
  });

  it.each([
    ['no-rate.json', 'no rate in force on 2026-03-02\n'],
    ['negative-minutes.json', 'work.0.minutes: minutes must not be negative\n'],
    ['not-json.json', `${path.join(fixtures, 'not-json.json')} is not valid JSON\n`],
    ['missing.json', `cannot read ${path.join(fixtures, 'missing.json')}\n`],
  ])('refuses %s', (file, stderr) => {
    expect(runAllowance([path.join(fixtures, file)])).toEqual({ stdout: '', stderr, code: 1 });
  });
});
