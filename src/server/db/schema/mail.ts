/** The mail outbox. */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { institutions } from './organisation';

/**
 * Outgoing e-mail (transactional outbox). Personal data: the recipient's address and the text.
 * Mails never contain coaching content. Purpose: notifications. Retention: 90 days.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'cascade' }),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The receiving server refused the recipient permanently (5xx): not retried. */
    bouncedAt: timestamp('bounced_at', { withTimezone: true }),
    /**
     * While a dispatcher delivers the mail: until when its claim holds. Another instance (or the
     * next tick) takes the mail only after that, so a mail in delivery is never sent twice.
     */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_unsent_idx').on(t.createdAt).where(sql`${t.sentAt} is null`)],
);
