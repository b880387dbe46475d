/** Participation modes (#21 item 1): students' sign-ups for an opt-in intake. */
import { index, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
