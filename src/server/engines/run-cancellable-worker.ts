import { Worker } from 'node:worker_threads';

export type CancellableWorkerRun<M, T> = {
  /** The worker's entry (see workerUrl in run-grouping.ts and run-scheduling.ts). */
  readonly url: URL;
  readonly workerData: unknown;
  /** Names the worker in the error for an unexpected exit: "<label> worker stopped unexpectedly". */
  readonly label: string;
  readonly signal?: AbortSignal | undefined;
  /** The error to reject with on an abort: before the worker started, or while it runs. */
  readonly cancelled: (started: boolean) => Error;
  /** Handles one message of the worker; `settle` resolves or rejects the run (once). */
  readonly onMessage: (message: M, settle: { resolve: (value: T) => void; reject: (error: Error) => void }) => void;
};

/**
 * Runs a job in a worker thread until its first settling message. An abort terminates the worker at
 * once (a synchronous solver cannot be interrupted otherwise); a worker error or an exit before the
 * result rejects. Whatever happens first settles the promise, later events are ignored.
 */
export function runCancellableWorker<M, T>(run: CancellableWorkerRun<M, T>): Promise<T> {
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted === true) {
      reject(run.cancelled(false));
      return;
    }
    // The worker takes this process's flags (test runners add --conditions; all are allowed).
    const worker = new Worker(run.url, { workerData: run.workerData, execArgv: [...process.execArgv] });
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = (): void => {
      finish(() => reject(run.cancelled(true)));
      void worker.terminate();
    };
    run.signal?.addEventListener('abort', onAbort, { once: true });
    const settle = { resolve: (value: T) => finish(() => resolve(value)), reject: (error: Error) => finish(() => reject(error)) };
    worker.on('message', (message: M) => run.onMessage(message, settle));
    worker.on('error', (error) => settle.reject(error));
    worker.on('exit', (code) => settle.reject(new Error(`${run.label} worker stopped unexpectedly (exit code ${code})`)));
  });
}
