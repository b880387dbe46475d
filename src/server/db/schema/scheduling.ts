/**
 * Scheduling sessions next to classes (#7): teaching periods, campus locations with rooms,
 * imported timetables, coaches' declared availability, scheduling runs and their placements.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { classes, communities, intakes, people } from './organisation';

/** A teaching period (onderwijsperiode) of an intake: timetables hold for one period. No personal data. */
export const teachingPeriods = pgTable(
  'teaching_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Inclusive local dates YYYY-MM-DD. */
    firstDate: text('first_date').notNull(),
    lastDate: text('last_date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teaching_periods_intake_name_uq').on(t.intakeId, t.name), check('teaching_periods_dates_ck', sql`${t.lastDate} >= ${t.firstDate}`)],
);

/**
 * A campus location sessions can be held at, with the code that timetables use for it (the start
 * of an event's LOCATION, e.g. "AMS" in "AMS 03.14"). No personal data.
 */
export const schedulingLocations = pgTable(
  'scheduling_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    code: text('code').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('scheduling_locations_code_uq').on(t.intakeId, sql`upper(${t.code})`)],
);

/** A room at a location with its capacity (seats). No personal data. */
export const schedulingRooms = pgTable(
  'scheduling_rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => schedulingLocations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('scheduling_rooms_location_idx').on(t.locationId), check('scheduling_rooms_capacity_ck', sql`${t.capacity} between 1 and 1000`)],
);

/**
 * A class's or a person's timetable for one teaching period, reduced on import to what scheduling
 * needs: the weekly pattern of (weekday, start, end, campus location). Course names, teachers,
 * descriptions and dated meetings are not stored. Personal data when it belongs to a person
 * (a student's or coach's week). Purpose: placing sessions next to classes. Retention: deleted
 * 30 days after the teaching period ends (a job), or when re-uploaded. Not special-category.
 */
export const timetables = pgTable(
  'timetables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => teachingPeriods.id, { onDelete: 'cascade' }),
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    /** ics | csv | url */
    source: text('source').notNull(),
    fileName: text('file_name').notNull(),
    /** [{ day, start, end, location }]: location is a scheduling location id, null off campus. */
    blocks: jsonb('blocks').notNull().default(sql`'[]'::jsonb`),
    uploadedById: uuid('uploaded_by_id').references(() => people.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('timetables_class_uq').on(t.periodId, t.classId),
    uniqueIndex('timetables_person_uq').on(t.periodId, t.personId),
    index('timetables_person_idx').on(t.personId),
    check('timetables_subject_ck', sql`(${t.classId} is null) <> (${t.personId} is null)`),
    check('timetables_source_ck', sql`${t.source} in ('ics', 'csv', 'url')`),
  ],
);

/**
 * When a coach can run sessions in a teaching period (weekly windows); outside them the coach is
 * treated as unavailable. Personal data. Purpose: scheduling. Retention: as timetables.
 */
export const coachAvailability = pgTable(
  'coach_availability',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => teachingPeriods.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** [{ day, start, end }] */
    windows: jsonb('windows').notNull().default(sql`'[]'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.personId] }), index('coach_availability_person_idx').on(t.personId)],
);

/**
 * One scheduling run for a teaching period: parameters, progress, the solved proposal's figures.
 * `instance` is the snapshot the solver saw (person ids with weekly busy blocks): personal data,
 * kept as the timetables are. Purpose: showing, adjusting and publishing the proposal.
 * Retention: the instance is cleared with the period's timetables; the rest as the intake.
 */
export const schedulingRuns = pgTable(
  'scheduling_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => teachingPeriods.id, { onDelete: 'cascade' }),
    /** running | done | failed | cancelled */
    status: text('status').notNull().default('running'),
    seed: integer('seed').notNull(),
    timeLimitSeconds: integer('time_limit_seconds').notNull(),
    sessionMinutes: integer('session_minutes').notNull(),
    /** { phase, elapsedMs, bestObjective, lowerBound } of the latest progress report. */
    progress: jsonb('progress'),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    errorCode: text('error_code'),
    errorDetails: jsonb('error_details'),
    instance: jsonb('instance'),
    /**
     * The monthly coach training and intervision: { coaches: [{ id, classes, availability,
     * hasTimetable }], groups: [{ id, kind, seniorId, coaches }], published: { groupId: sessionIds } }.
     * Coaches' weeks are personal data, kept and cleared as `instance`.
     */
    coachMeetings: jsonb('coach_meetings'),
    /** Communities left out of the instance, with the reason (no coach, coach never free). */
    excluded: jsonb('excluded').notNull().default(sql`'[]'::jsonb`),
    /** The solver's figures: { objective, lowerBound, stopReason, elapsedMs }. */
    search: jsonb('search'),
    startedById: uuid('started_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedById: uuid('published_by_id').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('scheduling_runs_period_idx').on(t.periodId, t.createdAt),
    check('scheduling_runs_status_ck', sql`${t.status} in ('running', 'done', 'failed', 'cancelled')`),
  ],
);

/** A community's slot in a run: the solver's proposal and the coordinator's choice. No personal data. */
export const schedulingPlacements = pgTable(
  'scheduling_placements',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => schedulingRuns.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    proposedDay: text('proposed_day').notNull(),
    proposedStart: text('proposed_start').notNull(),
    proposedLocationId: uuid('proposed_location_id').notNull(),
    day: text('day').notNull(),
    start: text('start').notNull(),
    locationId: uuid('location_id').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.runId, t.communityId] })],
);
