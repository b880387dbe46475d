/** Durable background jobs (reminders, follow-ups), shared by every feature. */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * A job to run at `due_at`: claimed atomically by one poller (any app instance), retried with
 * back-off, kept after it finishes for a while. The payload holds ids only — never coaching
 * content or other personal data beyond the ids. Personal data: ids of people in the payload.
 * Purpose: reminders and follow-ups. Retention: deleted 30 days after it finished.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['pending', 'running', 'done', 'failed', 'cancelled'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** While running: the claim expires at this time (a crashed instance's job is picked up again). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /**
     * While running: the key of the process that claimed it (db/instance-liveness.ts). That process
     * holds an advisory lock on the key while it lives; once the lock is gone (the process died),
     * the job is taken over at once instead of when its lease expires.
     */
    claimedBy: integer('claimed_by'),
    lastError: text('last_error'),
    /** At most one unfinished job per key (e.g. `referral-follow-up:<id>`). */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_due_idx').on(t.dueAt).where(sql`${t.status} in ('pending', 'running')`),
    uniqueIndex('jobs_dedupe_uq').on(t.dedupeKey).where(sql`${t.status} in ('pending', 'running')`),
    check('jobs_status_ck', sql`${t.status} in ('pending', 'running', 'done', 'failed', 'cancelled')`),
  ],
);
