/**
 * Validates a pain.001.001.03 file against the ISO 20022 XSD with Debian's `xmllint`
 * (libxml2-utils; scripts/ensure-system-deps.sh installs it). The XSD is shipped next to this file,
 * unchanged from ../shared/standards/iso20022/. A missing xmllint is an error, never a pass.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAIN_001_XSD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'xsd', 'pain.001.001.03.xsd');

export type XsdResult = { valid: boolean; output: string };

export function validateAgainstXsd(xml: string, xsd = PAIN_001_XSD): Promise<XsdResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('xmllint', ['--noout', '--nonet', '--schema', xsd, '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.on('error', (error) => reject(new Error(`xmllint could not run (install libxml2-utils: scripts/ensure-system-deps.sh): ${error.message}`)));
    child.on('close', (code) => resolve({ valid: code === 0, output: output.trim() }));
    child.stdin.end(xml, 'utf8');
  });
}
