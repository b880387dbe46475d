/** The data subject's rights (issue 19): erasure requests. */
import { sql } from 'drizzle-orm';
import { check, date, index, uniqueIndex, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { institutions, people } from './organisation';

/** What an erasure removed, per table, and what it kept under a legal duty (counts only). */
export type ErasureOutcome = {
  /** Rows deleted or unlinked per table. */
  removed: Record<string, number>;
  /** Rows kept under a legal duty (AVG art. 17(3)(b)) per table; they name nobody any more. */
  kept: Record<string, number>;
  /** Whether the person row stayed, irreversibly anonymised, because of those rows. */
  personAnonymised: boolean;
};

/**
 * A person's request to erase their data (AVG art. 17), answered within a month (art. 12(3)).
 * Personal data while open: who asked (person link) and their optional reason. When carried out,
 * the person link is gone (the person is) and the reason is cleared: what stays proves that it
 * was done — when asked, when due, when done, by whom, the counts per table and the legal holds.
 * Retention: kept as proof of compliance; see the personal-data registry.
 */
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** The person asking; null once erased. */
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** The programmes the person belonged to when asking: whose coordinators handle it. */
    programmeIds: uuid('programme_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** The person's optional reason; cleared when carried out. */
    reason: text('reason'),
    status: text('status', { enum: ['open', 'done'] }).notNull().default('open'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /** One month after the request (AVG art. 12(3)). */
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneById: uuid('done_by_id').references(() => people.id, { onDelete: 'set null' }),
    /** The role the staff member acted as (coordinator or beheerder). */
    doneAs: text('done_as'),
    outcome: jsonb('outcome').$type<ErasureOutcome>(),
    /** The confirmation mail in the outbox; the retention pass deletes it once delivered. */
    confirmationMailId: uuid('confirmation_mail_id'),
  },
  (t) => [
    index('erasure_requests_institution_idx').on(t.institutionId, t.status),
    // One open request per person: a second one is refused (409).
    uniqueIndex('erasure_requests_open_person_idx').on(t.personId).where(sql`${t.status} = 'open'`),
    check('erasure_requests_done_has_no_person', sql`${t.status} = 'open' or (${t.personId} is null and ${t.reason} is null)`),
  ],
);
