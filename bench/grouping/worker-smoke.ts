// Smoke check that the worker runner works under plain `tsx` (the vitest test covers vitest):
//   npx tsx bench/grouping/worker-smoke.ts
import { runGrouping } from '../../src/server/engines/run-grouping.js';
import { syntheticCohort } from './synthetic-cohort.js';

let reports = 0;
const result = await runGrouping(
  { kind: 'communities', options: { students: syntheticCohort(200, 1), attributes: [{ key: 'priorEducation' }, { key: 'language' }], timeLimitMs: 300 } },
  { onProgress: () => reports++ },
);
process.stdout.write(`${result.communities.length} communities, diversity ${result.quality.diversity}, ${reports} progress reports\n`);
