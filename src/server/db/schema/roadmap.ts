/**
 * The Roadmap to studentsucces as a working tool (issue 22): a roadmap per programme (or the
 * institution) and coaching year, stakeholders' views per factor, the agreed status, the
 * improvement plan, and the institution's own versioned copy of the roadmap content.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RoadmapFile } from '../../../contracts/content/roadmap';
import { PLAN_ITEM_STATUSES, ROADMAP_STATUSES } from '../../../domain/roadmap/roadmap';
import { createdAt } from './columns';
import { institutions, people, programmes } from './organisation';

/**
 * The institution's own copy of the roadmap content, one row per saved version (the newest is in
 * force); `shipped_version` is the version of content/roadmap.json it was based on, so an update
 * of the shipped content can be offered. Holds the person who saved it (not special-category).
 * Purpose: the institution adjusts texts, stakeholders and horizons. Retention: kept while the
 * institution exists (roadmaps of earlier years refer to it); the saver is removed with the person.
 */
export const roadmapContentVersions = pgTable(
  'roadmap_content_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    shippedVersion: integer('shipped_version').notNull(),
    content: jsonb('content').$type<RoadmapFile>().notNull(),
    savedBy: uuid('saved_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('roadmap_content_versions_uq').on(t.institutionId, t.version)],
);

/**
 * A roadmap of a programme (`programme_id`) or of the institution (`programme_id` null) for one
 * coaching year (`year`: the year it starts in September). No personal data. Retention: kept as
 * the institution's history (progress over the years).
 */
export const roadmaps = pgTable(
  'roadmaps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    /** `programme_id` or 'institution': one roadmap per scope and year. */
    scopeKey: text('scope_key').notNull(),
    year: integer('year').notNull(),
    /** The institution's content version in force when the roadmap started; 0 = the shipped content. */
    contentVersion: integer('content_version').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('roadmaps_scope_year_uq').on(t.institutionId, t.scopeKey, t.year), check('roadmaps_year_check', sql`${t.year} between 2000 and 2100`)],
);

/**
 * A person invited to give their view on some factors of a roadmap, as one of the roadmap's
 * stakeholders (e.g. a student representative). Personal data: who took part (not
 * special-category). Purpose: the self-assessment with stakeholders. Retention: with the roadmap;
 * removed with the person.
 */
export const roadmapStakeholders = pgTable(
  'roadmap_stakeholders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The stakeholder (content id, e.g. `student`) the person speaks for. */
    stakeholderId: text('stakeholder_id').notNull(),
    factorIds: jsonb('factor_ids').$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('roadmap_stakeholders_uq').on(t.roadmapId, t.personId)],
);

/**
 * One person's view on one factor: a status and a note. Personal data: the person and their note
 * (free text about the programme, not about people; not special-category). Purpose: showing where
 * the stakeholders differ before the agreed status. Retention: with the roadmap; removed with the
 * person.
 */
export const roadmapViews = pgTable(
  'roadmap_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    factorId: text('factor_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ROADMAP_STATUSES }).notNull(),
    note: text('note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('roadmap_views_uq').on(t.roadmapId, t.factorId, t.personId)],
);

/**
 * The agreed status of a factor, recorded by an owner: status, evidence note and owner (a
 * stakeholder from the list, or a named person of the institution). Personal data: the owner and
 * who recorded it (not special-category). Retention: with the roadmap (the history over the years);
 * the people are set to null when they are removed.
 */
export const roadmapAssessments = pgTable(
  'roadmap_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    factorId: text('factor_id').notNull(),
    status: text('status', { enum: ROADMAP_STATUSES }).notNull(),
    evidenceNote: text('evidence_note').notNull().default(''),
    ownerStakeholderId: text('owner_stakeholder_id'),
    ownerPersonId: uuid('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
    recordedBy: uuid('recorded_by').references(() => people.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('roadmap_assessments_uq').on(t.roadmapId, t.factorId)],
);

/**
 * An intervention in the improvement plan: owner (stakeholder or named person), horizon, due date,
 * status. Personal data: the owner (not special-category). Purpose: tracking the plan and reminding
 * the owner before the due date. Retention: with the roadmap; the owner is set to null when removed.
 */
export const roadmapPlanItems = pgTable(
  'roadmap_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roadmapId: uuid('roadmap_id')
      .notNull()
      .references(() => roadmaps.id, { onDelete: 'cascade' }),
    interventionId: text('intervention_id').notNull(),
    ownerStakeholderId: text('owner_stakeholder_id'),
    ownerPersonId: uuid('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
    horizon: text('horizon', { enum: ['short', 'medium', 'long'] }).notNull(),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: PLAN_ITEM_STATUSES }).notNull().default('planned'),
    /** When the owner was reminded of this due date (once per due date). */
    remindedFor: date('reminded_for'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('roadmap_plan_items_uq').on(t.roadmapId, t.interventionId), index('roadmap_plan_items_due_idx').on(t.dueDate)],
);
