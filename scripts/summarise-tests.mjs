// Prints the test counts per tier and one closing line; fails when a tier ran no test.
import fs from 'node:fs';

const tiers = ['small', 'medium-pglite', 'medium-postgres', 'e2e'];
let passed = 0;
let failed = 0;
let problem = false;
console.log('\nTest counts per tier:');
for (const tier of tiers) {
  const file = `.tmp/results-${tier}.json`;
  if (!fs.existsSync(file)) {
    console.log(`  ${tier.padEnd(16)} did not report (it failed to run)`);
    problem = true;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`  ${tier.padEnd(16)} ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numTotalTests === 0 || skipped > 0) problem = true;
  const exitFile = `.tmp/exit-${tier}`;
  const exitCode = fs.existsSync(exitFile) ? Number(fs.readFileSync(exitFile, 'utf8').trim()) : 0;
  if (exitCode !== 0 && r.numFailedTests === 0) {
    console.log(`  ${''.padEnd(16)} but Vitest exited with ${exitCode}: look for "Unhandled Errors" in this tier's output`);
    problem = true;
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(problem || failed > 0 ? 1 : 0);
