/** The audit log. */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from './organisation';

/**
 * Audit log of reads of sensitive content and of security events. Personal data (who did what).
 * Purpose: accountability to the people whose data was read. Retention: 2 years.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => people.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectId: uuid('subject_id').references(() => people.id, { onDelete: 'cascade' }),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectId, t.at)],
);
