/**
 * The programme's evidence (issue 18): the short texts the coordinator writes for the yearly
 * impact report. The figures themselves are computed from attendance, communities, support and
 * compensation at the moment they are asked for; nothing about a person is stored here.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { people, programmes } from './organisation';

/**
 * The coordinator's texts of a programme's impact report for one academic year: what went well
 * and what is needed. Personal data: who last edited them (the texts are about the programme and
 * are written not to name anyone). Purpose: the yearly impact report. Retention: as the programme.
 * Not special-category. `version` detects two coordinators saving at once (409).
 */
export const impactReportTexts = pgTable(
  'impact_report_texts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** The academic year, e.g. 2026-2027. */
    academicYear: text('academic_year').notNull(),
    wentWell: text('went_well').notNull().default(''),
    needed: text('needed').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedById: uuid('updated_by_id').references(() => people.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('impact_report_texts_programme_year_uq').on(t.programmeId, t.academicYear),
    check('impact_report_texts_year_ck', sql`${t.academicYear} ~ '^[0-9]{4}-[0-9]{4}$'`),
  ],
);

/**
 * A person's choices about the mails they get that are not needed for the programme to run (today:
 * the coordinator's weekly digest). No row means every choice at its default (on). Personal data:
 * the person's own choice (not special-category). Purpose: sending only the mails one wants.
 * Retention: as the person.
 */
export const mailPreferences = pgTable('mail_preferences', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  /** The coordinator's weekly digest on Monday morning (#18 item 5). */
  weeklyDigest: boolean('weekly_digest').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The coordinator's weekly digest went out for this week (the Monday it covers the week before):
 * exactly once per coordinator per week, written in the same transaction as the mail. Personal
 * data: that a coordinator got a digest (not special-category). Purpose: mailing once. Retention:
 * one year.
 */
export const coordinatorDigestMails = pgTable(
  'coordinator_digest_mails',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The Monday (Europe/Amsterdam) of the digest. */
    week: date('week', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.week] })],
);
