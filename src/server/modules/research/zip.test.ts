import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zip } from './zip';

describe('zip', () => {
  it('writes an archive that unzip reads back byte for byte', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-zip-'));
    const file = path.join(dir, 'export.zip');
    const csv = Buffer.from('pseudonym,programme\r\nabc,P1\r\n'.repeat(50), 'utf8');
    fs.writeFileSync(file, zip([{ name: 'data.csv', data: csv }, { name: 'README.md', data: Buffer.from('# Één studie\n', 'utf8') }]));
    execFileSync('unzip', ['-q', '-t', file]);
    execFileSync('unzip', ['-q', file, '-d', dir]);
    expect(fs.readFileSync(path.join(dir, 'data.csv'))).toEqual(csv);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# Één studie\n');
    fs.rmSync(dir, { recursive: true });
  });
});
