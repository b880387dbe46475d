import { Worker } from 'node:worker_threads';
import { GroupingError, type GroupingErrorCode } from '../../domain/grouping/grouping-error.js';
import type { SolveProgress } from '../../domain/grouping/search-budget.js';
import type { GroupingJob, GroupingJobResult, SerializedError, WorkerMessage } from './grouping-messages.js';

export type RunGroupingOptions = {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SolveProgress) => void;
};

/** Thrown when the caller aborted; the worker has been terminated. */
export class GroupingAbortedError extends Error {
  constructor() {
    super('Grouping was cancelled.');
    this.name = 'GroupingAbortedError';
  }
}

/**
 * Runs a grouping job in a worker thread: progress is forwarded, an abort terminates the worker
 * at once (the synchronous solver cannot be interrupted otherwise), errors keep their type.
 */
export function runGrouping<J extends GroupingJob>(job: J, options: RunGroupingOptions = {}): Promise<GroupingJobResult<J>> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted === true) {
      reject(new GroupingAbortedError());
      return;
    }
    const worker = new Worker(workerUrl(), { workerData: job, execArgv: workerExecArgv() });
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = (): void => {
      finish(() => reject(new GroupingAbortedError()));
      void worker.terminate();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'result') finish(() => resolve(message.result as GroupingJobResult<J>));
      else finish(() => reject(toError(message.error)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`grouping worker stopped unexpectedly (exit code ${code})`))));
  });
}

/**
 * From TypeScript sources (tsx, vitest) the worker starts through a small JS entry that registers
 * tsx inside the worker (see grouping-worker-entry.mjs); from built JS it is grouping-worker.js.
 */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./grouping-worker-entry.mjs', import.meta.url)
    : new URL('./grouping-worker.js', import.meta.url);
}

/** Flags of this process that a worker accepts (test runners add --conditions; all are allowed). */
function workerExecArgv(): string[] {
  return [...process.execArgv];
}

function toError(error: SerializedError): Error {
  if (error.name === 'GroupingError' && error.code !== undefined) {
    return new GroupingError(error.code as GroupingErrorCode, error.message, error.details ?? {});
  }
  const result = new Error(error.message);
  result.name = error.name;
  return result;
}
