/**
 * Worker-thread entry of the session-placement solver: runs one solve from workerData and posts
 * progress and the result back, so the HTTP event loop stays free while it searches.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SchedulingError } from '../../domain/scheduling/errors.js';
import { solveSessionPlacementSync } from '../../domain/scheduling/solve-session-placement.js';
import type { SchedulingJob, SchedulingWorkerMessage } from './run-scheduling.js';

const port = parentPort;
if (port === null) throw new Error('scheduling-worker must run in a worker thread');
const post = (message: SchedulingWorkerMessage): void => port.postMessage(message);

try {
  const job = workerData as SchedulingJob;
  const plan = solveSessionPlacementSync({ ...job, onProgress: (progress) => post({ type: 'progress', progress }) });
  post({ type: 'result', plan });
} catch (error) {
  post({
    type: 'error',
    error:
      error instanceof SchedulingError
        ? { name: error.name, message: error.message, code: error.code, details: { ...error.details } }
        : { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) },
  });
}
