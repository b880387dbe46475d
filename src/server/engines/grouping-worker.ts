/**
 * Worker-thread entry of the grouping engines: runs one job from workerData and posts progress
 * and the result back. The solver is synchronous and CPU-bound for seconds; running it here keeps
 * the HTTP event loop free.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { formCommunities } from '../../domain/grouping/form-communities.js';
import { GroupingError } from '../../domain/grouping/grouping-error.js';
import type { SolveProgress } from '../../domain/grouping/search-budget.js';
import { searchPartition } from '../../domain/grouping/search-partition.js';
import { MatrixDeltaModel } from '../../domain/grouping/matrix-model.js';
import type { GroupingJob, WorkerMessage } from './grouping-messages.js';

const port = parentPort;
if (port === null) throw new Error('grouping-worker must run in a worker thread');
const post = (message: WorkerMessage): void => port.postMessage(message);
const onProgress = (progress: SolveProgress): void => post({ type: 'progress', progress });

try {
  const job = workerData as GroupingJob;
  const result =
    job.kind === 'mdgp'
      ? searchPartition(new MatrixDeltaModel(job.instance), job.instance.bounds, { ...job.options, onProgress })
      : formCommunities({ ...job.options, onProgress });
  post({ type: 'result', result });
} catch (error) {
  post({
    type: 'error',
    error:
      error instanceof GroupingError
        ? { name: error.name, message: error.message, code: error.code, details: { ...error.details } }
        : { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) },
  });
}
