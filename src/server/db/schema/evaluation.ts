/**
 * Evidence (#18): evaluation questionnaires (T0/T1/T2 per intake), the coach's end-of-year report,
 * and the once-per-signal mail of the attendance signal.
 */
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns';
import { communities, intakes, people, programmes } from './organisation';
import { sessions } from './sessions';

/**
 * One questionnaire moment of an intake (T0 start, T1 ~100 days, T2 end of year), opened by a
 * durable job on its opening date from the intake settings. The mode and the content version are
 * fixed when it opens. No personal data.
 */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    intakeId: uuid('intake_id')
      .notNull()
      .references(() => intakes.id, { onDelete: 'cascade' }),
    /** T0 | T1 | T2 */
    moment: text('moment', { enum: ['T0', 'T1', 'T2'] }).notNull(),
    /** anonymous | confidential */
    mode: text('mode', { enum: ['anonymous', 'confidential'] }).notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** The version of content/questions.json the questions came from. */
    contentVersion: integer('content_version').notNull(),
    /** The two question sets ({ coachee, coach }) as they were in that content version: answering and results read these. */
    questions: jsonb('questions').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('evaluation_rounds_intake_moment_uq').on(t.intakeId, t.moment)],
);

/**
 * Who was invited to a questionnaire moment, with the one-tap link's token hash, the reminders
 * sent, which questions they have answered (keys only, never values) and whether they finished —
 * the "has responded" marker that stops the reminders. In anonymous mode nothing links this row to
 * the answers. Personal data: who was invited and whether they answered (not special-category).
 * Purpose: inviting, reminding and response rates per community. Retention: one year after the
 * moment closed.
 */
export const evaluationInvitations = pgTable(
  'evaluation_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** coachee | coach: which question set of content/questions.json. */
    questionSet: text('question_set', { enum: ['coachee', 'coach'] }).notNull(),
    /** The community the person was in (coachee) or coached (coach) when invited: response rates per community. */
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'set null' }),
    /** SHA-256 of the one-tap link's token (the token itself is only in the mail). */
    tokenHash: text('token_hash').notNull().unique(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    remindersSent: integer('reminders_sent').notNull().default(0),
    /** The question keys answered so far (progress and resuming), never the answers. */
    answeredKeys: text('answered_keys').array().notNull().default(sql`'{}'::text[]`),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('evaluation_invitations_round_person_uq').on(t.roundId, t.personId), index('evaluation_invitations_community_idx').on(t.communityId)],
);

/**
 * Answers of an anonymous questionnaire. No column refers to a person, an invitation, a community
 * or a time: each answer stands alone (round, question, value), so no row can be traced back to
 * who gave it. Not personal data (anonymous; free texts are shown only as aggregates to staff).
 * Retention: with the intake.
 */
export const evaluationAnswers = pgTable(
  'evaluation_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: 'cascade' }),
    questionSet: text('question_set', { enum: ['coachee', 'coach'] }).notNull(),
    questionKey: text('question_key').notNull(),
    contentVersion: integer('content_version').notNull(),
    scaleValue: integer('scale_value'),
    choiceValues: text('choice_values').array(),
    textValue: text('text_value'),
  },
  (t) => [index('evaluation_answers_round_idx').on(t.roundId, t.questionKey)],
);

/**
 * Answers of a confidential questionnaire: linked to the person's invitation, so a T0→T2 change
 * can be measured; only from people holding the research-use consent, shown only as aggregates
 * (never under 5 people). Special-category context (wellbeing in study). Purpose: evaluating the
 * programme. Retention: research retention — deleted 5 years after the moment closed, or with the
 * person's erasure; a withdrawn research consent keeps them out of new figures.
 */
export const evaluationLinkedAnswers = pgTable(
  'evaluation_linked_answers',
  {
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => evaluationInvitations.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    contentVersion: integer('content_version').notNull(),
    scaleValue: integer('scale_value'),
    choiceValues: text('choice_values').array(),
    textValue: text('text_value'),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.invitationId, t.questionKey] })],
);

/**
 * A coach's end-of-year report ("kort eindverslag", module `endyear`): their answers to the
 * reflection questions of `content/questions.json` (`coachYearReport`, keyed by question id),
 * when they submitted it, and whether it may be quoted (without name) in the programme's impact
 * report. Personal data: the coach's own reflection (not special-category). Purpose: the coach's
 * portfolio and the programme's learning. Retention: one year after the coach left, as the coach
 * profile. Only the coach reads the text; the coordinator sees whether it is submitted (ADR 0024).
 */
export const coachYearReports = pgTable(
  'coach_year_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    academicYear: text('academic_year').notNull(),
    /** Answer text per question id of the content version below. */
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** The version of `content/questions.json` the answers were given to. */
    contentVersion: integer('content_version').notNull().default(1),
    /** Set once when the coach submits; the answers are final from then on. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The coach agreed that the reflection may be quoted, without name, in the impact report. */
    quoteConsent: boolean('quote_consent').notNull().default(false),
    quoteConsentAt: timestamp('quote_consent_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('coach_year_reports_person_year_uq').on(t.personId, t.programmeId, t.academicYear), check('coach_year_reports_year_ck', sql`${t.academicYear} ~ '^[0-9]{4}-[0-9]{4}$'`)],
);

/**
 * The attendance signal's mail to the coach went out for this streak (the session where the
 * streak of missed sessions began): exactly once per signal. Personal data: that a student had a
 * streak of missed sessions (not special-category). Purpose: mailing the coach once. Retention:
 * one year.
 */
export const attendanceSignalMails = pgTable(
  'attendance_signal_mails',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    streakStartSessionId: uuid('streak_start_session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.personId, t.streakStartSessionId] })],
);
