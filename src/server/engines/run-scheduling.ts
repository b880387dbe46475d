import { Worker } from 'node:worker_threads';
import { SchedulingError, type SchedulingErrorCode, type SchedulingErrorDetails } from '../../domain/scheduling/errors.js';
import type { SchedulingInstance } from '../../domain/scheduling/instance.js';
import type { SessionPlan, SolveProgress } from '../../domain/scheduling/solve-session-placement.js';

/** What crosses the thread boundary: the instance and plain options (no callbacks, no signal). */
export type SchedulingJob = { readonly instance: SchedulingInstance; readonly seed: number; readonly timeLimitMs: number };

type SerializedError = { name: string; message: string; code?: string; details?: SchedulingErrorDetails };

export type SchedulingWorkerMessage =
  | { readonly type: 'progress'; readonly progress: SolveProgress }
  | { readonly type: 'result'; readonly plan: SessionPlan }
  | { readonly type: 'error'; readonly error: SerializedError };

/**
 * Solves in a worker thread. Progress is forwarded; an abort terminates the worker at once (the
 * synchronous search cannot be interrupted otherwise) and rejects with SchedulingError CANCELLED.
 */
export function runScheduling(job: SchedulingJob, options: { signal?: AbortSignal; onProgress?: (p: SolveProgress) => void } = {}): Promise<SessionPlan> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted === true) {
      reject(new SchedulingError('CANCELLED', 'cancelled before the search started'));
      return;
    }
    const worker = new Worker(workerUrl(), { workerData: job, execArgv: [...process.execArgv] });
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = (): void => {
      finish(() => reject(new SchedulingError('CANCELLED', 'cancelled')));
      void worker.terminate();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: SchedulingWorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'result') finish(() => resolve(message.plan));
      else {
        const e = message.error;
        finish(() => reject(e.code ? new SchedulingError(e.code as SchedulingErrorCode, e.message, e.details ?? {}) : Object.assign(new Error(e.message), { name: e.name })));
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`scheduling worker stopped unexpectedly (exit code ${code})`))));
  });
}

function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./scheduling-worker-entry.mjs', import.meta.url) : new URL('./scheduling-worker.js', import.meta.url);
}
