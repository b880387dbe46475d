/**
 * Durable jobs: "do X at time T", stored in the `jobs` table so they survive restarts and run
 * exactly once across app instances. Any feature schedules with `scheduleJob` (in the same
 * transaction as the change that causes it) and registers a handler in src/server/job-handlers.ts.
 *
 * A poller claims due jobs atomically (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)),
 * with a lease: a job whose instance died while running is claimed again when the lease ends —
 * or at once, when the claiming process's liveness lock is gone (db/instance-liveness.ts).
 * A failing job is retried with back-off, up to MAX_ATTEMPTS, then marked `failed`.
 * Payloads hold ids only — never coaching content (mails and logs must not carry it either).
 */
import { and, asc, eq, inArray, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { instanceKeyOf, LIVENESS_LOCK_CLASS } from '../../db/instance-liveness';
import { jobs } from '../../db/schema';

export type JobRow = typeof jobs.$inferSelect;
export type JobPayload = Record<string, string | number | boolean | null>;

export const MAX_ATTEMPTS = 5;
/** How long a claim lasts before another instance may take the job over. */
export const LEASE_MS = 5 * 60_000;

export type ScheduleJobOptions = {
  kind: string;
  payload: JobPayload;
  dueAt: Date;
  /** At most one unfinished job per key; scheduling again with the same key is a no-op. */
  dedupeKey?: string;
};

export async function scheduleJob(db: Db, job: ScheduleJobOptions): Promise<void> {
  await db
    .insert(jobs)
    .values({ kind: job.kind, payload: job.payload, dueAt: job.dueAt, dedupeKey: job.dedupeKey ?? null })
    .onConflictDoNothing({ target: jobs.dedupeKey, where: sql`${jobs.status} in ('pending', 'running')` });
}

/** Cancels the unfinished job with this key (e.g. the follow-up of a deleted referral). */
export async function cancelJob(db: Db, dedupeKey: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'cancelled', finishedAt: new Date() })
    .where(and(eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, 'pending')));
}

/**
 * A running job whose claiming process no longer holds its liveness lock: that process died (its
 * database session ended), so the job is orphaned whatever its lease says.
 */
const claimerGone = sql`not exists (
  select 1 from pg_locks l
  where l.locktype = 'advisory' and l.granted and l.objsubid = 2
    and l.database = (select oid from pg_database where datname = current_database())
    and l.classid = ${LIVENESS_LOCK_CLASS}::oid and l.objid = ${jobs.claimedBy}::oid
)`;

/** Claims up to `limit` due jobs for this instance. */
export async function claimDueJobs(db: Db, now: Date, limit = 10): Promise<JobRow[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      or(
        and(eq(jobs.status, 'pending'), lte(jobs.dueAt, now)),
        and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now), lt(jobs.attempts, MAX_ATTEMPTS)),
        and(eq(jobs.status, 'running'), isNotNull(jobs.claimedBy), lt(jobs.attempts, MAX_ATTEMPTS), claimerGone),
      ),
    )
    .orderBy(asc(jobs.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedUntil: new Date(now.getTime() + LEASE_MS), claimedBy: instanceKeyOf(db) })
    .where(inArray(jobs.id, due))
    .returning();
}

/**
 * Claims one pending job by its dedupe key, for a caller that wants to start it at once (an
 * import started from the screen) instead of at the poller's next tick. Null when the poller
 * was first or the job is not pending.
 */
export async function claimJobByKey(db: Db, dedupeKey: string, now: Date): Promise<JobRow | null> {
  const [row] = await db
    .update(jobs)
    .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedUntil: new Date(now.getTime() + LEASE_MS), claimedBy: instanceKeyOf(db) })
    .where(and(eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, 'pending'), lte(jobs.dueAt, now)))
    .returning();
  return row ?? null;
}

/**
 * The heartbeat of a long job: pushes its lease on while it makes progress, so another instance
 * takes it over only when this one has stopped (died) — `leaseMs` after the last beat.
 */
export async function extendLease(db: Db, id: string, now: Date, leaseMs = LEASE_MS): Promise<void> {
  await db
    .update(jobs)
    .set({ lockedUntil: new Date(now.getTime() + leaseMs) })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

/**
 * Hands claimed jobs that never started back to the queue (a shutting-down instance): pending,
 * due as before, the claim's attempt not counted — any instance may take them at once.
 */
export async function releaseJobs(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(jobs)
    .set({ status: 'pending', lockedUntil: null, claimedBy: null, attempts: sql`greatest(${jobs.attempts} - 1, 0)` })
    .where(and(inArray(jobs.id, [...ids]), eq(jobs.status, 'running')));
}

export async function completeJob(db: Db, id: string, now: Date): Promise<void> {
  await db.update(jobs).set({ status: 'done', finishedAt: now, lockedUntil: null, claimedBy: null, lastError: null }).where(eq(jobs.id, id));
}

/** Retries later (1, 4, 9, 16 minutes…) or gives up after MAX_ATTEMPTS. */
export async function failJob(db: Db, job: JobRow, now: Date, error: string): Promise<void> {
  const giveUp = job.attempts >= MAX_ATTEMPTS;
  await db
    .update(jobs)
    .set({
      status: giveUp ? 'failed' : 'pending',
      dueAt: giveUp ? job.dueAt : new Date(now.getTime() + job.attempts * job.attempts * 60_000),
      lockedUntil: null,
      claimedBy: null,
      lastError: error.slice(0, 500),
      finishedAt: giveUp ? now : null,
    })
    .where(eq(jobs.id, job.id));
}

export type QueueDepth = {
  /** Pending jobs whose time has come. */
  due: number;
  /** Jobs claimed by an instance and not finished. */
  running: number;
  /** Seconds the oldest due job has waited past its time; 0 when none is due. */
  oldestDueSeconds: number;
};

/** The queue's depth, for the metrics endpoint: one query over the unfinished jobs' index. */
export async function queueDepth(db: Db, now: Date): Promise<QueueDepth> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .select({
      due: sql<number>`(count(*) filter (where ${jobs.status} = 'pending' and ${jobs.dueAt} <= ${at}))::int`,
      running: sql<number>`(count(*) filter (where ${jobs.status} = 'running'))::int`,
      oldest: sql<number | null>`extract(epoch from (${at} - min(${jobs.dueAt}) filter (where ${jobs.status} = 'pending' and ${jobs.dueAt} <= ${at})))::float8`,
    })
    .from(jobs)
    .where(inArray(jobs.status, ['pending', 'running']));
  return { due: row?.due ?? 0, running: row?.running ?? 0, oldestDueSeconds: Math.max(0, row?.oldest ?? 0) };
}

/** Removes finished jobs older than 30 days (the retention of the jobs table). */
export async function purgeFinishedJobs(db: Db, now: Date): Promise<void> {
  await db
    .delete(jobs)
    .where(and(inArray(jobs.status, ['done', 'failed', 'cancelled']), lt(jobs.finishedAt, new Date(now.getTime() - 30 * 86_400_000))));
}
