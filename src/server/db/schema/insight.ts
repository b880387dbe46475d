/**
 * The programme's evidence (issue 18): the short texts the coordinator writes for the yearly
 * impact report. The figures themselves are computed from attendance, communities, support and
 * compensation at the moment they are asked for; nothing about a person is stored here.
 */
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
