/**
 * The retention pass as a daily durable job. The job poller's hourly retention hook makes sure the
 * next run is scheduled — at 02:00 UTC, with the day in its dedupe key — so however many instances
 * run, each day's pass runs once (the unique key of unfinished jobs), is retried with back-off when
 * it fails, and shows in the `jobs` table. The pass logs its counts per table.
 */
import type { Services } from '../../context';
import { scheduleJob, type JobHandler } from '../jobs/public';
import { runRetentionPass } from './run-retention-pass';

export const RETENTION_PASS_JOB = 'retention-pass';
/** The hour (UTC) the daily pass is due: a quiet hour at Dutch institutions. */
const RUN_AT_HOUR_UTC = 2;

/** The next moment the daily pass is due: today at 02:00 UTC, or tomorrow when that has passed. */
export function nextRetentionRun(now: Date): Date {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RUN_AT_HOUR_UTC));
  return today.getTime() > now.getTime() ? today : new Date(today.getTime() + 86_400_000);
}

/** Schedules the next daily pass unless it is already scheduled (run by the poller's hourly hook). */
export async function scheduleRetentionPass(services: Services): Promise<void> {
  const dueAt = nextRetentionRun(services.now());
  await scheduleJob(services.db, { kind: RETENTION_PASS_JOB, payload: {}, dueAt, dedupeKey: `${RETENTION_PASS_JOB}:${dueAt.toISOString().slice(0, 10)}` });
}

export const runRetentionPassJob: JobHandler = async ({ services, log }) => {
  await runRetentionPass({ services, dryRun: false, ...(log ? { log } : {}) });
};
