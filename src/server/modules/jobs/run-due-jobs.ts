import type { Services } from '../../context';
import { claimDueJobs, completeJob, failJob, type JobRow } from './jobs';

export type JobHandler = (options: { services: Services; job: JobRow }) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export type RunDueJobsResult = { done: number; failed: number };

/**
 * Claims the due jobs and runs each with its handler; a handler's error is the job's failure
 * (retried later), never the poller's. An unknown kind fails (and is retried: a newer app
 * instance may know it).
 */
export async function runDueJobs({ services, handlers }: { services: Services; handlers: JobHandlers }): Promise<RunDueJobsResult> {
  const result: RunDueJobsResult = { done: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDueJobs(services.db, services.now());
    if (claimed.length === 0) return result;
    for (const job of claimed) {
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler({ services, job });
        await completeJob(services.db, job.id, services.now());
        result.done++;
      } catch (error) {
        await failJob(services.db, job, services.now(), error instanceof Error ? error.message : String(error));
        result.failed++;
      }
    }
  }
}
