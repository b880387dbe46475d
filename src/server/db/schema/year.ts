/** The programme year (#21): the 100-day moment and warm handovers to another study programme. */
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns';
import { communities, intakes, people, programmes } from './organisation';

/**
 * The 100-day moment (Roadmap factor 4): at the end of the phase marked `reflectionAtEnd`, each
 * coachee of the intake is asked to continue, continue differently (one-on-ones only, or less
 * often) or stop, with an optional reason, before a deadline. One row per (intake, person); the
 * mail's one-tap link carries an opaque token (only its hash is stored). Personal data: the choice
 * and the optional reason, which may touch health (special-category). Purpose: letting the
 * coachee choose how to go on, the coach and coordinator regrouping. The reason is the
 * coordinator's, and the coach's only if the coachee allows it. Retention: one coaching year
 * after the ask.
 */
export const hundredDayAsks = pgTable(
  'hundred_day_asks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The community the coachee was in when asked. */
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    /** continue | oneOnOnesOnly | lessOften | stop; null until answered. */
    choice: text('choice'),
    reason: text('reason'),
    /** The coachee allows their coach to read the reason. */
    shareReasonWithCoach: boolean('share_reason_with_coach').notNull().default(false),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('hundred_day_asks_intake_person_uq').on(t.intakeId, t.personId),
    uniqueIndex('hundred_day_asks_token_uq').on(t.tokenHash),
    index('hundred_day_asks_community_idx').on(t.communityId),
    check('hundred_day_asks_choice_ck', sql`${t.choice} is null or ${t.choice} in ('continue', 'oneOnOnesOnly', 'lessOften', 'stop')`),
  ],
);

/**
 * A warm handover to another study programme (Roadmap factor 14): a coachee who switched
 * programmes agreed that the other programme's coordinator welcomes them. Personal data: who
 * switched from which programme to which — no coaching content. Purpose: the welcome. Retention:
 * one coaching year after the switch.
 */
export const programmeSwitchNotices = pgTable(
  'programme_switch_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    fromProgrammeId: uuid('from_programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    toProgrammeId: uuid('to_programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** When the receiving coordinator marked the student welcomed. */
    welcomedAt: timestamp('welcomed_at', { withTimezone: true }),
  },
  (t) => [index('programme_switch_notices_to_idx').on(t.toProgrammeId)],
);

/**
 * A regrouping after the 100-day moment (#21 item 2): a draft the coordinator can adjust and
 * accept. `plan` holds ids only — per member of the intake's communities where they were and
 * where they go ({ personId, from, to, oneOnOne }[]) — and the communities it started from. The
 * version check makes a second, concurrent accept (or an accept of a draft just edited) a 409.
 * Personal data: who moves where (ids). Purpose: regrouping. Retention: 90 days after it was
 * accepted or last changed, like grouping runs.
 */
export const regroupings = pgTable(
  'regroupings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    plan: jsonb('plan').notNull(),
    createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [index('regroupings_intake_idx').on(t.intakeId), check('regroupings_status_ck', sql`${t.status} in ('draft', 'accepted')`)],
);
