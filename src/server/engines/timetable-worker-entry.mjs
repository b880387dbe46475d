// Worker entry used when the app runs from TypeScript sources (tsx, vitest, `npm start`):
// registers tsx inside the worker, then imports the real worker (see grouping-worker-entry.mjs).
import { tsImport } from 'tsx/esm/api';

await tsImport('./timetable-worker.ts', import.meta.url);
