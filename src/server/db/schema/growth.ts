/** Coaches' growth and input (#21 item 6): nominations of future coaches, feedback after trainings. */
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns';
import { people, programmes } from './organisation';
import { sessions } from './sessions';

/**
 * A student nominated as a future coach by their leercoach or their programme's coordinator
 * (§4.2.2). One per (student, programme): a second nomination is refused, so a student who
 * declined gets no further mails. The mail's one-tap link carries an opaque token (only its hash
 * is stored). Personal data: who nominated whom, and the optional note ("waarom ik aan je denk"),
 * which the student and the programme's coordinator read. Purpose: recruiting coaches.
 * Retention: one coaching year after the nomination.
 */
export const coachNominations = pgTable(
  'coach_nominations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    nominatedById: uuid('nominated_by_id').references(() => people.id, { onDelete: 'set null' }),
    /** The nominator's role at the time: leercoach | coordinator. */
    nominatorRole: text('nominator_role').notNull(),
    note: text('note').notNull().default(''),
    tokenHash: text('token_hash').notNull(),
    /** open | applied | declined. */
    status: text('status').notNull().default('open'),
    /** The application the student sent from it (coach_applications.id; no foreign key across contexts). */
    applicationId: uuid('application_id'),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('coach_nominations_person_programme_uq').on(t.personId, t.programmeId),
    uniqueIndex('coach_nominations_token_uq').on(t.tokenHash),
    index('coach_nominations_application_idx').on(t.applicationId),
    check('coach_nominations_status_ck', sql`${t.status} in ('open', 'applied', 'declined')`),
    check('coach_nominations_role_ck', sql`${t.nominatorRole} in ('leercoach', 'coordinator')`),
  ],
);

/**
 * A coach's feedback after a coach training (§5.2.1): usefulness 1–5, an optional text and topic
 * suggestions. The row keeps the author only to allow one answer per coach and to let them read
 * and correct their own; the coordinator sees the texts without names (ADR 0022). Personal data
 * (the author link; the text is about the training, not about people). Purpose: improving the
 * trainings. Retention: one coaching year after the training.
 */
export const trainingFeedback = pgTable(
  'training_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    text: text('text').notNull().default(''),
    /** Topic keys from content (`topic:<key>`) or the coach's own words. */
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('training_feedback_session_author_uq').on(t.sessionId, t.authorId),
    check('training_feedback_rating_ck', sql`${t.rating} between 1 and 5`),
  ],
);
