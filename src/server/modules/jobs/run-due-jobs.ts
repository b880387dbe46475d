import type { Services } from '../../context';
import { claimDueJobs, claimJobByKey, completeJob, failJob, releaseJobs, type JobRow } from './jobs';

/** Where a job reports what it did (pino's `info` fits): ids and counts only, never personal data. */
export type JobLog = { info(fields: Record<string, unknown>, message: string): void };
export type JobHandler = (options: { services: Services; job: JobRow; log?: JobLog }) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export type RunDueJobsResult = { done: number; failed: number };

/**
 * Claims the due jobs and runs each with its handler; a handler's error is the job's failure
 * (retried later), never the poller's. An unknown kind fails (and is retried: a newer app
 * instance may know it). Once `stopping()` says so (shutdown), the job in progress finishes, the
 * claimed jobs not yet started go back to the queue, and nothing more is claimed.
 */
export async function runDueJobs({
  services,
  handlers,
  log,
  stopping = () => false,
}: {
  services: Services;
  handlers: JobHandlers;
  log?: JobLog;
  stopping?: () => boolean;
}): Promise<RunDueJobsResult> {
  const result: RunDueJobsResult = { done: 0, failed: 0 };
  while (!stopping()) {
    const claimed = await claimDueJobs(services.db, services.now());
    if (claimed.length === 0) return result;
    for (const [index, job] of claimed.entries()) {
      if (stopping()) {
        await releaseJobs(services.db, claimed.slice(index).map((j) => j.id));
        return result;
      }
      if (await runClaimedJob({ services, job, handler: handlers[job.kind], log })) result.done++;
      else result.failed++;
    }
  }
  return result;
}

/** Runs one claimed job: done on success, retried later (or given up) on failure. */
export async function runClaimedJob({ services, job, handler, log }: { services: Services; job: JobRow; handler: JobHandler | undefined; log?: JobLog }): Promise<boolean> {
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler({ services, job, ...(log ? { log } : {}) });
    await completeJob(services.db, job.id, services.now());
    return true;
  } catch (error) {
    await failJob(services.db, job, services.now(), error instanceof Error ? error.message : String(error));
    return false;
  }
}

/**
 * Starts the pending job with this key now, in this process, if no poller has claimed it yet.
 * Whatever happens to this process afterwards, the job row stays: an expired lease lets the
 * poller (of any instance) take it over.
 */
export async function runJobNow({ services, dedupeKey, handler, log }: { services: Services; dedupeKey: string; handler: JobHandler; log?: JobLog }): Promise<void> {
  const job = await claimJobByKey(services.db, dedupeKey, services.now());
  if (job) await runClaimedJob({ services, job, handler, ...(log ? { log } : {}) });
}
