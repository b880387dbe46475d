import { readFileSync } from 'node:fs';
import { AllowanceError, calculateAllowance, parseAllowanceInput } from '../domain/compensation/allowance.js';

/**
 * `npm run --silent allowance -- FILE`
 * Prints exactly the output JSON of the allowance definition (benchmarks/allowance/FORMAT.md) on
 * one line of stdout and nothing else. Any problem — a missing or malformed file, an unknown kind,
 * bad minutes, an invalid date, a work date without a rate — is one line on stderr, exit code 1.
 */
export function runAllowance(args: readonly string[]): { stdout: string; stderr: string; code: number } {
  const file = args.find((a) => a !== '--');
  if (!file || args.filter((a) => a !== '--').length !== 1) return { stdout: '', stderr: 'usage: allowance FILE\n', code: 1 };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { stdout: '', stderr: `cannot read ${file}\n`, code: 1 };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { stdout: '', stderr: `${file} is not valid JSON\n`, code: 1 };
  }
  try {
    const result = calculateAllowance(parseAllowanceInput(raw));
    return { stdout: `${JSON.stringify(result)}\n`, stderr: '', code: 0 };
  } catch (error) {
    if (error instanceof AllowanceError) return { stdout: '', stderr: `${error.message.replace(/\s+/g, ' ')}\n`, code: 1 };
    throw error;
  }
}
