/** Invitations: how imported students, selected coaches and staff get into peerkracht. */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { institutions, intakes, people } from './organisation';

export const INVITATION_STATUSES = ['scheduled', 'invited', 'reminded', 'activated'] as const;

/**
 * A person's invitation to activate their account (one per person). Personal data: who was
 * invited, by whom, when, and whether they activated. Not special-category.
 * Purpose: getting students, coaches and staff signed in for the first time, and letting the
 * coordinator see who has not. Retention: as the person (deleted with them; it names no one
 * itself, so an anonymised person's invitation says nothing).
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .unique('invitations_person_uq')
      .references(() => people.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** The intake it was sent for (students); null for coaches and staff. */
    intakeId: uuid('intake_id').references(() => intakes.id, { onDelete: 'set null' }),
    status: text('status', { enum: INVITATION_STATUSES }).notNull(),
    /** When a scheduled invitation goes out (the intake's start date). */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    /** How often the invitation was sent (first send and resends, not reminders). */
    sendCount: integer('send_count').notNull().default(0),
    /** The outbox mail of the last invitation or reminder: its bounce is the invitation's. */
    lastMailId: uuid('last_mail_id'),
    invitedById: uuid('invited_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('invitations_intake_idx').on(t.intakeId),
    check('invitations_status_ck', sql`${t.status} in ('scheduled', 'invited', 'reminded', 'activated')`),
  ],
);

/**
 * The single-use activation links of an invitation (SHA-256 of the token only, like reset
 * tokens). The invitation mail and its reminder each carry one; a resend revokes all earlier
 * ones. Personal data (links to a person). Purpose: account activation. Retention: deleted with
 * the invitation, and by the hourly sign-in purge one day after expiry.
 */
export const invitationTokens = pgTable(
  'invitation_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** Set when a resend replaced this link. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('invitation_tokens_invitation_idx').on(t.invitationId), index('invitation_tokens_expires_idx').on(t.expiresAt)],
);
