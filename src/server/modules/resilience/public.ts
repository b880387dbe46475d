/**
 * The face of the resilience context: all that other contexts, the composition root (app.ts, main.ts,
 * job-handlers.ts), the demo and the CLI may use. Everything else in this folder is private;
 * ESLint refuses imports past this file (ADR 0008).
 */

/** Demo data: a shared map (src/server/demo). */
export { loadResilienceDemo } from './load-resilience-demo';
