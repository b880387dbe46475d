/** Research studies, their approvals and their pseudonymised exports (issue 19, items 1 and 5). */
import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { institutions, people, programmes } from './organisation';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A research study proposed by an onderzoeker: question, period, programmes, variables. Personal
 * data: who proposed it (staff, in their role). Not special-category. Purpose: accountability of
 * research use. Retention: as long as the institution keeps the study, at most 10 years after its
 * period ends (research data management); the proposer link is set null with the person.
 * `pseudonymSecret` is the study's 32-byte HMAC key, sealed with PEERKRACHT_DATA_KEY (ADR 0017):
 * it never leaves the server, so the researcher cannot reverse a pseudonym.
 */
export const researchStudies = pgTable(
  'research_studies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    proposerId: uuid('proposer_id').references(() => people.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    question: text('question').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    variables: jsonb('variables').$type<string[]>().notNull(),
    /** proposed → approved (every programme approved) or rejected (one programme rejected). */
    status: text('status').notNull().default('proposed'),
    pseudonymSecret: bytea('pseudonym_secret').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('research_studies_institution_idx').on(t.institutionId), check('research_studies_status_ck', sql`${t.status} in ('proposed', 'approved', 'rejected')`), check('research_studies_period_ck', sql`${t.periodEnd} >= ${t.periodStart}`)],
);

/**
 * A programme a study covers, and that programme's coordinator's decision on it (four eyes: never
 * the proposer). Personal data: who decided (staff). Purpose: proving the approval. Retention: as
 * the study.
 */
export const researchStudyProgrammes = pgTable(
  'research_study_programmes',
  {
    studyId: uuid('study_id')
      .notNull()
      .references(() => researchStudies.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    decision: text('decision'),
    decidedBy: uuid('decided_by').references(() => people.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why the coordinator rejected (or an optional note with an approval); staff writes it for the researcher. */
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.studyId, t.programmeId] }), check('research_study_programmes_decision_ck', sql`${t.decision} is null or ${t.decision} in ('approved', 'rejected')`)],
);

/**
 * One export of a study: counts (rows, k, suppressed rows and cells), the consent text version,
 * and the zip — pseudonymised research data, sealed with PEERKRACHT_DATA_KEY — behind a secret
 * download link (its SHA-256 digest is stored). Personal data: who made it (staff); the file holds
 * pseudonymised data of consenting students (special-category: check-in scores). Purpose: the
 * export log the coordinator sees, and the download. Retention: the file is deleted when its link
 * expires (7 days); the log row is kept as the study.
 */
export const researchExports = pgTable(
  'research_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => researchStudies.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    /** 'app' (the study page) or 'cli' (`peerkracht research export`). */
    via: text('via').notNull().default('app'),
    tokenDigest: text('token_digest').unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rows: integer('rows').notNull(),
    k: integer('k').notNull(),
    consenting: integer('consenting').notNull(),
    suppressedRows: integer('suppressed_rows').notNull(),
    suppressedCells: integer('suppressed_cells').notNull(),
    consentVersion: integer('consent_version').notNull(),
    fileSealed: bytea('file_sealed'),
    downloads: integer('downloads').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('research_exports_study_idx').on(t.studyId, t.createdAt), check('research_exports_via_ck', sql`${t.via} in ('app', 'cli')`)],
);
