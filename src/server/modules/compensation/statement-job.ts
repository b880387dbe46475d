/**
 * Statements on the 1st (#17 item 4): a durable job due on the first of every month at 03:00 UTC
 * makes the previous month's statements of every institution. The job poller's hourly hook keeps
 * the next one scheduled, with the month in its dedupe key, so however many instances run, each
 * month's job is scheduled once; generating is idempotent per coach and month, so a retry or a
 * second run changes nothing that was already confirmed.
 */
import { institutions } from '../../db/schema';
import type { Services } from '../../context';
import { scheduleJob, type JobHandler } from '../jobs/public';
import { previousMonth } from '../../../domain/compensation/scheme';
import { generateStatements } from './generate-statements';

export const MONTHLY_STATEMENTS_JOB = 'compensation-monthly-statements';
const RUN_AT_HOUR_UTC = 3;

/** The next moment the monthly job is due: this month's 1st at 03:00 UTC, or next month's when that has passed. */
export function nextStatementsRun(now: Date): Date {
  const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, RUN_AT_HOUR_UTC));
  return thisMonth.getTime() > now.getTime() ? thisMonth : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, RUN_AT_HOUR_UTC));
}

/** Schedules the next monthly job unless it is already scheduled (a retention hook of the job poller). */
export async function scheduleMonthlyStatements(services: Services): Promise<void> {
  const dueAt = nextStatementsRun(services.now());
  await scheduleJob(services.db, { kind: MONTHLY_STATEMENTS_JOB, payload: { month: previousMonth(dueAt.toISOString().slice(0, 7)) }, dueAt, dedupeKey: `${MONTHLY_STATEMENTS_JOB}:${dueAt.toISOString().slice(0, 7)}` });
}

/** Makes the statements of the payload's month (or the month before now) for every institution. */
export const runMonthlyStatementsJob: JobHandler = async ({ services, job, log }) => {
  const payload = job.payload as { month?: unknown };
  const month = typeof payload.month === 'string' && /^\d{4}-\d{2}$/.test(payload.month) ? payload.month : previousMonth(services.now().toISOString().slice(0, 7));
  const all = await services.db.select({ id: institutions.id }).from(institutions);
  for (const institution of all) {
    const result = await generateStatements({ services, institutionId: institution.id, month });
    log?.info({ institutionId: institution.id, month, ...result }, 'compensation statements generated');
  }
};
