/** Programme, people and communities (#3): imports, the coach lifecycle, coach history, handovers. */
import { boolean, check, customType, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns';
import { communities, intakes, people, programmes } from './organisation';

/**
 * A student import from a CSV file, with its progress and the rows that failed. Personal data:
 * the failed rows' student numbers and line numbers (no names); while the import runs, also the
 * uploaded file itself (`csv`: names, e-mail addresses, student numbers), so that a durable job
 * can resume the import after a restart — it is cleared when the import ends (done or failed).
 * Purpose: importing students and showing the coordinator what to fix. Retention: the file until
 * the import ends; the rest 90 days. Not special-category.
 */
export const studentImports = pgTable(
  'student_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    /** running | done | failed */
    status: text('status').notNull().default('running'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** [{ line, studentNumber, errors: [code] }] */
    rowErrors: jsonb('row_errors').notNull().default([]),
    /** The uploaded file while the import runs (null once it ended): the job reads it to resume. */
    csv: text('csv'),
    /** The column mapping chosen in the preview. */
    mapping: jsonb('mapping'),
    /** How many of the file's good rows are committed: where a resumed import continues. */
    goodRowsDone: integer('good_rows_done').notNull().default(0),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('student_imports_intake_idx').on(t.intakeId)],
);

/** Binary data: Buffer from `pg`, Uint8Array from PGlite; always a Buffer to the app. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A coach's optional profile photo, shown to the people who may read the coach profile (their
 * coachees, supervising senior coaches, the coordinator) through the access policy — never at a
 * public URL. Stored in the database so backups and both drivers hold it. Personal data: a
 * likeness (not special-category as used here: no biometric processing). Purpose: letting
 * coachees recognise their coach. Retention: until the coach deletes it, or as the coach profile.
 */
export const coachPhotos = pgTable(
  'coach_photos',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => coachProfiles.personId, { onDelete: 'cascade' }),
    /** Detected from the file's magic bytes, never taken from the upload's header. */
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    byteSize: integer('byte_size').notNull(),
    /** SHA-256 of the bytes: the ETag, and the version in the profile so caches refresh on change. */
    sha256: text('sha256').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('coach_photos_type_ck', sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`)],
);

/**
 * Every change of an intake's settings: who changed what when (the settings are versioned per
 * year; this is the history within a year). Personal data: who made the change (a staff member).
 * Purpose: accountability and reading back why an intake runs as it does. Retention: as the intake.
 */
export const intakeSettingsChanges = pgTable(
  'intake_settings_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    changedById: uuid('changed_by_id').references(() => people.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The settings before (null when the intake was created) and after the change. */
    before: jsonb('before'),
    after: jsonb('after').notNull(),
  },
  (t) => [index('intake_settings_changes_intake_idx').on(t.intakeId, t.changedAt)],
);

/**
 * An application to become a student coach, from the public form. Personal data: name, e-mail,
 * study year, motivation, availability, languages; the optional role-model self-description may
 * touch special categories (origin, religion, …) and is only stored with explicit consent.
 * Purpose: recruitment. Retention: rejected or withdrawn applications 6 months after the decision;
 * selected ones become a coach profile.
 */
export const coachApplications = pgTable(
  'coach_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    studyYear: integer('study_year').notNull(),
    motivation: text('motivation').notNull(),
    availability: text('availability').notNull(),
    languages: text('languages').array().notNull(),
    roleModelText: text('role_model_text'),
    roleModelConsent: boolean('role_model_consent').notNull().default(false),
    status: text('status').notNull().default('submitted'),
    conversationAt: timestamp('conversation_at', { withTimezone: true }),
    /** The coordinator's note on the intake conversation (no special-category content). */
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('coach_applications_programme_idx').on(t.programmeId)],
);

/**
 * A student coach's profile and lifecycle state. Personal data: intro, phone number (only with the
 * coach's consent), languages, study year, the optional role-model self-description (only with
 * explicit consent; possibly special-category). Purpose: running the programme and letting
 * coachees reach their coach. Retention: one year after the coach left.
 */
export const coachProfiles = pgTable(
  'coach_profiles',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('onboarding'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    studyYear: integer('study_year'),
    languages: text('languages').array().notNull().default([]),
    intro: text('intro').notNull().default(''),
    phone: text('phone'),
    phoneConsent: boolean('phone_consent').notNull().default(false),
    roleModelText: text('role_model_text'),
    roleModelConsent: boolean('role_model_consent').notNull().default(false),
    agreementSignedOn: date('agreement_signed_on'),
    firstTrainingOn: date('first_training_on'),
    applicationId: uuid('application_id').references(() => coachApplications.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('coach_profiles_programme_idx').on(t.programmeId)],
);

/**
 * Who led a community when: the basis of the continuity figure. Personal data (a relation).
 * Purpose: continuity figures and handovers. Retention: as the community.
 */
export const communityCoachPeriods = pgTable(
  'community_coach_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Why it ended: handover, changed, community ended. */
    endReason: text('end_reason'),
  },
  (t) => [index('community_coach_periods_community_idx').on(t.communityId)],
);

/**
 * A warm handover of a community from a leaving coach. Personal data: the handover note, written by
 * the leaving coach for the new coach only (it may describe the group; coaches are told not to
 * write special-category details about individuals). Purpose: continuity. Retention: the note is
 * deleted 90 days after completion; the rest as the community.
 */
export const handovers = pgTable(
  'handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    fromCoachId: uuid('from_coach_id').references(() => people.id, { onDelete: 'set null' }),
    /** newCoach: the group stays together with a new coach; redistribute: members move to other communities. */
    mode: text('mode').notNull(),
    toCoachId: uuid('to_coach_id').references(() => people.id, { onDelete: 'set null' }),
    /** For redistribute: [{ personId, communityId }]. */
    moves: jsonb('moves').notNull().default([]),
    note: text('note'),
    noteWrittenAt: timestamp('note_written_at', { withTimezone: true }),
    /** The proposed introduction session (the sessions feature comes later). */
    introProposedAt: timestamp('intro_proposed_at', { withTimezone: true }),
    status: text('status').notNull().default('open'),
    createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('handovers_community_idx').on(t.communityId)],
);
