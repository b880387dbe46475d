// Worker entry used when the app runs from TypeScript sources (tsx, vitest). Node 20 does not
// apply `--import` loader hooks to a worker's own entry file reliably, so a .ts worker fails with
// "Unknown file extension". This plain-JS entry registers tsx inside the worker and then imports
// the real worker. Built (.js) deployments start grouping-worker.js directly.
import { tsImport } from 'tsx/esm/api';

await tsImport('./grouping-worker.ts', import.meta.url);
