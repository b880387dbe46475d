import { GroupingError, type GroupingErrorCode } from '../../domain/grouping/grouping-error.js';
import type { SolveProgress } from '../../domain/grouping/search-budget.js';
import type { GroupingJob, GroupingJobResult, SerializedError, WorkerMessage } from './grouping-messages.js';
import { runCancellableWorker } from './run-cancellable-worker.js';

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
  return runCancellableWorker<WorkerMessage, GroupingJobResult<J>>({
    url: workerUrl(),
    workerData: job,
    label: 'grouping',
    signal: options.signal,
    cancelled: () => new GroupingAbortedError(),
    onMessage: (message, settle) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'result') settle.resolve(message.result as GroupingJobResult<J>);
      else settle.reject(toError(message.error));
    },
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

function toError(error: SerializedError): Error {
  if (error.name === 'GroupingError' && error.code !== undefined) {
    return new GroupingError(error.code as GroupingErrorCode, error.message, error.details ?? {});
  }
  const result = new Error(error.message);
  result.name = error.name;
  return result;
}
