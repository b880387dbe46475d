import { SchedulingError, type SchedulingErrorCode, type SchedulingErrorDetails } from '../../domain/scheduling/errors.js';
import type { SchedulingInstance } from '../../domain/scheduling/instance.js';
import type { SessionPlan, SolveProgress } from '../../domain/scheduling/solve-session-placement.js';
import { runCancellableWorker } from './run-cancellable-worker.js';

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
  return runCancellableWorker<SchedulingWorkerMessage, SessionPlan>({
    url: workerUrl(),
    workerData: job,
    label: 'scheduling',
    signal: options.signal,
    cancelled: (started) => new SchedulingError('CANCELLED', started ? 'cancelled' : 'cancelled before the search started'),
    onMessage: (message, settle) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'result') settle.resolve(message.plan);
      else {
        const e = message.error;
        settle.reject(e.code ? new SchedulingError(e.code as SchedulingErrorCode, e.message, e.details ?? {}) : Object.assign(new Error(e.message), { name: e.name }));
      }
    },
  });
}

function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./scheduling-worker-entry.mjs', import.meta.url) : new URL('./scheduling-worker.js', import.meta.url);
}
