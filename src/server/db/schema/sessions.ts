/** Sessions, RSVPs, attendance, logbooks, one-on-one notes, check-ins, activities, plans, feeds. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { classes, communities, institutions, people, programmes } from './organisation';

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * The recurring pattern of a community's year plan: weekday, local time, length, frequency.
 * No personal data. Purpose: generating the year plan and checking it for gaps.
 */
export const sessionSeries = pgTable('session_series', {
  communityId: uuid('community_id')
    .primaryKey()
    .references(() => communities.id, { onDelete: 'cascade' }),
  weekday: integer('weekday').notNull(),
  startTime: text('start_time').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  sessionsPerMonth: integer('sessions_per_month').notNull(),
  firstDate: text('first_date').notNull(),
  lastDate: text('last_date').notNull(),
  location: text('location').notNull().default(''),
  createdAt: createdAt(),
});

/** The institution's holidays per academic year (no sessions are planned in them). No personal data. */
export const holidayCalendars = pgTable(
  'holiday_calendars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    academicYear: text('academic_year').notNull(),
    /** [{ name, from, to }] with dates YYYY-MM-DD. */
    holidays: jsonb('holidays').notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('holiday_calendars_year_uq').on(t.institutionId, t.academicYear)],
);

/**
 * A reusable session plan built from activities (werkvormen). Personal data: the author.
 * Purpose: preparing sessions. Retention: as long as the author keeps it.
 */
export const sessionPlans = pgTable(
  'session_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** Activity references in order: a content id (built-in) or the id of a custom activity. */
    activityIds: jsonb('activity_ids').notNull().default(sql`'[]'::jsonb`),
    notes: text('notes').notNull().default(''),
    shared: boolean('shared').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('session_plans_author_idx').on(t.authorId)],
);

/**
 * A session: community session, one-on-one, coach training, intervision, outing, class-wide.
 * Times are instants (timestamptz), planned as Europe/Amsterdam wall-clock times.
 * Personal data: organiser and, for a one-on-one, the coachee. Purpose: running the programme.
 * Retention: two years after the academic year. Not special-category.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'cascade' }),
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'cascade' }),
    organiserId: uuid('organiser_id').references(() => people.id, { onDelete: 'set null' }),
    coacheeId: uuid('coachee_id').references(() => people.id, { onDelete: 'cascade' }),
    title: text('title').notNull().default(''),
    location: text('location').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('planned'),
    planId: uuid('plan_id').references(() => sessionPlans.id, { onDelete: 'set null' }),
    fromYearPlan: boolean('from_year_plan').notNull().default(false),
    /** On campus, online or hybrid (domain/sessions/session-mode.ts). */
    mode: text('mode').notNull().default('onCampus'),
    /** The https meeting link of an online or hybrid session; shown only to the people invited and its organiser. */
    meetingLink: text('meeting_link').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('sessions_community_idx').on(t.communityId, t.startsAt),
    index('sessions_organiser_idx').on(t.organiserId, t.startsAt),
    index('sessions_programme_idx').on(t.programmeId, t.startsAt),
    check('sessions_type_ck', sql`${t.type} in ('community', 'oneOnOne', 'coachTraining', 'intervision', 'outing', 'classWide')`),
    check('sessions_status_ck', sql`${t.status} in ('planned', 'cancelled')`),
    check('sessions_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('sessions_mode_ck', sql`${t.mode} in ('onCampus', 'online', 'hybrid')`),
  ],
);

/**
 * Whether someone comes, with a reason when not. Personal data (a reason may hint at health:
 * the coach sees it, nobody else). Purpose: planning and attendance. Retention: as sessions.
 */
export const sessionRsvps = pgTable(
  'session_rsvps',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    response: text('response').notNull(),
    reason: text('reason').notNull().default(''),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), check('session_rsvps_response_ck', sql`${t.response} in ('coming', 'notComing')`)],
);

/** Attendance per person per session. Personal data. Purpose: attendance and early signals. Retention: as sessions. */
export const attendanceMarks = pgTable(
  'attendance_marks',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    markedBy: uuid('marked_by').references(() => people.id, { onDelete: 'set null' }),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.personId] }),
    index('attendance_marks_person_idx').on(t.personId),
    check('attendance_marks_status_ck', sql`${t.status} in ('present', 'late', 'absentWithNotice', 'absent')`),
  ],
);

/** Every change to an attendance mark (who changed what when). Personal data. Retention: as sessions. */
export const attendanceChanges = pgTable(
  'attendance_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    changedBy: uuid('changed_by').references(() => people.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attendance_changes_session_idx').on(t.sessionId, t.personId)],
);

/**
 * The coach's logbook entry after a session: short reflections on the group (coaching content).
 * Read by the author, their senior coaches and the coordinator. Not special-category by design
 * (the form asks not to write personal details). Retention: two years.
 */
export const logbookEntries = pgTable(
  'logbook_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    activityIds: jsonb('activity_ids').notNull().default(sql`'[]'::jsonb`),
    forIntervision: boolean('for_intervision').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('logbook_entries_session_author_uq').on(t.sessionId, t.authorId)],
);

/**
 * The coach's private notes of a one-on-one conversation. May hold special-category data (health,
 * personal circumstances): readable and writable by its author only — one note per author and
 * session, read and written by (session, author), so no write ever touches another person's note
 * and a later coach of the community never sees it. Others see that a conversation took place.
 * Retention: until the end of the coaching year, then deleted.
 */
export const oneOnOneNotes = pgTable(
  'one_on_one_notes',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.authorId] })],
);

/**
 * "Hoe zit je in je vel?" (0–10), owned by the coachee. Wellbeing: treated as special-category
 * (health). The coach sees it only when the coachee shares check-ins. Retention: the coaching year.
 */
export const checkins = pgTable(
  'checkins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    score: integer('score').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('checkins_session_person_uq').on(t.sessionId, t.personId),
    index('checkins_person_idx').on(t.personId, t.createdAt),
    check('checkins_score_ck', sql`${t.score} between 0 and 10`),
  ],
);

/**
 * A coachee's answers to the closing questions ("what did you think, what next time").
 * Shown to the coach without names. Personal data (the link to the person prevents doubles).
 * Retention: the coaching year.
 */
export const sessionFeedback = pgTable(
  'session_feedback',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] })],
);

/**
 * Activities (werkvormen) coaches add themselves, next to the built-in library from content/.
 * Personal data: the author. Retention: as long as the institution keeps the library.
 */
export const customActivities = pgTable(
  'custom_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    shared: boolean('shared').notNull().default(false),
    /** Shared only with the coaches of this programme; null: with the coaches of the whole institution (issue 21 item 8). */
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    theme: text('theme').notNull(),
    phases: jsonb('phases').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    groupMin: integer('group_min').notNull(),
    groupMax: integer('group_max').notNull(),
    title: text('title').notNull(),
    goal: text('goal').notNull(),
    materials: jsonb('materials').notNull(),
    steps: jsonb('steps').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('custom_activities_institution_idx').on(t.institutionId), index('custom_activities_programme_idx').on(t.programmeId)],
);

/**
 * A person's secret calendar feed: only the SHA-256 of the token is stored; regenerating replaces
 * it. Personal data (the link to the person). Retention: as people.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});

/**
 * Single-purpose tokens in reminder e-mails (answer an RSVP without signing in). Only the hash is
 * stored; the token names nothing. Personal data (the link to the person). Retention: until expiry.
 */
export const actionTokens = pgTable(
  'action_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('action_tokens_purpose_ck', sql`${t.purpose} in ('rsvp')`)],
);

/** Programme updates from the degree programme to its coaches. Personal data: the author. Retention: 2 years. */
export const programmeUpdates = pgTable(
  'programme_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('programme_updates_programme_idx').on(t.programmeId, t.createdAt)],
);
