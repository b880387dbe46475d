// Worker entry used when the app runs from TypeScript sources (tsx, vitest): registers tsx inside
// the worker, then imports the real worker (see grouping-worker-entry.mjs for why).
import { tsImport } from 'tsx/esm/api';

await tsImport('./scheduling-worker.ts', import.meta.url);
