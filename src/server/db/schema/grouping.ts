/** Group formation (#6): which attributes an institution allows, what students disclosed, grouping runs. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { classes, institutions, intakes, people } from './organisation';

/**
 * Which grouping attributes the institution (beheerder) allows, and whether the student import may
 * suggest a value. No personal data. Retention: as the institution.
 */
export const groupingAttributeSettings = pgTable(
  'grouping_attribute_settings',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    attribute: text('attribute').notNull(),
    enabled: boolean('enabled').notNull().default(false),
    fromImport: boolean('from_import').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.attribute] })],
);

/**
 * A value a student disclosed about themselves for forming diverse communities (prior education
 * route, gender, …; first in family to study, international and home language are background and
 * count only with the explicit consent `grouping-background`). An imported value is a suggestion
 * (`confirmed = false`) until the student confirms it. Personal data; the background attributes
 * are treated as special-category. Purpose: forming diverse communities only — never shown to
 * coaches, coachees or leercoaches; coordinators see aggregate figures. Retention: until the
 * student withdraws it, and at the latest with the person. Erased with the person.
 */
export const studentAttributes = pgTable(
  'student_attributes',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    attribute: text('attribute').notNull(),
    value: text('value').notNull(),
    /** student: entered by the student; import: suggested by the CSV import. */
    source: text('source').notNull().default('student'),
    confirmed: boolean('confirmed').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.attribute] }), check('student_attributes_source_ck', sql`${t.source} in ('student', 'import')`)],
);

/**
 * One run of the grouping engine for an intake or a class, and the proposal it produced, which the
 * coordinator edits as a draft and accepts. Personal data: which student is proposed for which
 * community (ids only; no attribute values are stored here — the figures are computed from the
 * current disclosures each time, so a withdrawal counts at once). Purpose: forming communities.
 * Retention: 90 days after it was accepted, failed or computed (purged when the next run starts).
 * Not special-category.
 */
export const groupingRuns = pgTable(
  'grouping_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'cascade' }),
    createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
    /** running | draft | failed | accepted */
    status: text('status').notNull().default('running'),
    progress: real('progress').notNull().default(0),
    /** The request: attributes with weights, constraints, size bounds, seconds, seed. */
    request: jsonb('request').notNull(),
    /** [{ index, classId, label }] of the proposed communities. */
    communities: jsonb('communities').notNull().default([]),
    /** { personId: community index } — the draft, edited by the coordinator. */
    assignment: jsonb('assignment').notNull().default({}),
    /** { code, params } when the run failed. */
    error: jsonb('error'),
    stopReason: text('stop_reason'),
    elapsedMs: integer('elapsed_ms'),
    /** Bumped by every edit: a move or an accept states the version it saw. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [index('grouping_runs_intake_idx').on(t.intakeId), check('grouping_runs_status_ck', sql`${t.status} in ('running', 'draft', 'failed', 'accepted')`)],
);
