/** Runs due jobs every few seconds in the app process; main.ts starts it and stops it on shutdown. */
import type { Services } from '../../context';
import { purgeFinishedJobs } from './jobs';
import { runDueJobs, type JobHandlers } from './run-due-jobs';

export type JobPoller = { stop(): Promise<void> };

export function startJobPoller(options: {
  services: Services;
  handlers: JobHandlers;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): JobPoller {
  const { services, handlers, intervalMs = 10_000, onError = () => undefined } = options;
  let running: Promise<void> | null = null;
  let stopped = false;
  let ticks = 0;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      await runDueJobs({ services, handlers });
      // Once an hour or so: keep the table small.
      if (ticks++ % 360 === 0) await purgeFinishedJobs(services.db, services.now());
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
      // Let a job in progress finish, so its result is written before the database closes.
      await running;
    },
  };
}
