/** Participation modes (#21 item 1): students' sign-ups for an opt-in intake. */
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { intakes, people } from './organisation';

/**
 * A student's sign-up for an intake whose participation mode is opt-in ("Ik doe mee"): only
 * signed-up students are grouped. Withdrawing deletes the row. Personal data: that the student
 * chose to take part — no coaching content. Purpose: grouping only those who want to take part.
 * Retention: one coaching year after the sign-up.
 */
export const participationSignUps = pgTable(
  'participation_sign_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('participation_sign_ups_intake_person_uq').on(t.intakeId, t.personId), index('participation_sign_ups_person_idx').on(t.personId)],
);

/**
 * A student's invitation to sign up for an opt-in intake (#21): mailed once per student and
 * intake, with a one-tap link whose token is stored only as a digest (the reminder carries a
 * second token, so the first mail's link keeps working), and what the student answered through
 * it. A row without `invited_at` records a "no" given in the app before any invitation, so no
 * invitation follows. Personal data: that the student was invited and answered yes or no — no
 * coaching content. Purpose: inviting each student once and reminding only those who did not
 * answer. Retention: one coaching year after the invitation.
 */
export const participationInvitations = pgTable(
  'participation_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash'),
    reminderTokenHash: text('reminder_token_hash'),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** 'yes' or 'no' once answered (by the link, or "no" by withdrawing in the app). */
    answer: text('answer', { enum: ['yes', 'no'] }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('participation_invitations_intake_person_uq').on(t.intakeId, t.personId),
    uniqueIndex('participation_invitations_token_uq').on(t.tokenHash),
    uniqueIndex('participation_invitations_reminder_token_uq').on(t.reminderTokenHash),
    index('participation_invitations_person_idx').on(t.personId),
  ],
);
