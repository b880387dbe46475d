/** Runs due jobs every few seconds in the app process; main.ts starts it and stops it on shutdown. */
import type { Services } from '../../context';
import { purgeFinishedJobs } from './jobs';
import { runDueJobs, type JobHandlers, type JobLog } from './run-due-jobs';

/**
 * Retention of a table that fills continuously (rather than per event, which is a job): a delete
 * of the expired rows, run about once an hour by every instance (deletes are idempotent).
 */
export type RetentionPurge = (services: Services) => Promise<void>;

export type JobPoller = { stop(): Promise<void> };

export function startJobPoller(options: {
  services: Services;
  handlers: JobHandlers;
  /** Run with the purge of finished jobs: at the first tick and about once an hour after. */
  purges?: readonly RetentionPurge[];
  intervalMs?: number;
  /** Handed to the handlers (main.ts passes the app's logger). */
  log?: JobLog;
  onError?: (error: unknown) => void;
}): JobPoller {
  const { services, handlers, purges = [], intervalMs = 10_000, log, onError = () => undefined } = options;
  let running: Promise<void> | null = null;
  let stopped = false;
  let ticks = 0;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      await runDueJobs({ services, handlers, stopping: () => stopped, ...(log ? { log } : {}) });
      // Once an hour or so (at the default interval): keep the tables small.
      if (!stopped && ticks++ % 360 === 0) {
        await purgeFinishedJobs(services.db, services.now());
        for (const purge of purges) await purge(services);
      }
    })()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      // Let the job in progress finish, so its result is written before the database closes;
      // runDueJobs hands the claimed jobs not yet started back to the queue and claims no more.
      await running;
    },
  };
}
