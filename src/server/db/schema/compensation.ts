/** Coach compensation (#17): the coach's birth date, extra work, monthly statements, added fiscal years. */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { institutions, intakes, people, programmes } from './organisation';

/**
 * What the allowance needs to know about a coach: the birth date (the rate band on each day
 * depends on being under or over 21). Personal data: birth date (not special-category). Purpose:
 * calculating the volunteer allowance. Retention: as the person (erased with them).
 */
export const compensationProfiles = pgTable('compensation_profiles', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  birthDate: date('birth_date').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Work the system cannot see (a recruitment fair, an extra meeting), added by the coach with a
 * reason and approved or rejected by their senior coach or the coordinator. Personal data: who
 * did what when, the reason and the decision note (no coaching content; the form says not to name
 * students). Purpose: paying the coach for it. Retention: 7 years (fiscal retention duty).
 */
export const compensationExtraWork = pgTable(
  'compensation_extra_work',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    coachPersonId: uuid('coach_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    workedOn: date('worked_on').notNull(),
    minutes: integer('minutes').notNull(),
    reason: text('reason').notNull(),
    /** pending | approved | rejected */
    status: text('status').notNull().default('pending'),
    decidedById: uuid('decided_by_id').references(() => people.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('compensation_extra_work_coach_idx').on(t.coachPersonId, t.workedOn),
    index('compensation_extra_work_programme_idx').on(t.programmeId, t.status),
    check('compensation_extra_work_status_ck', sql`${t.status} in ('pending', 'approved', 'rejected')`),
    check('compensation_extra_work_minutes_ck', sql`${t.minutes} > 0 and ${t.minutes} <= 720`),
  ],
);

/**
 * A coach's statement for one month: what they did, at which rate, and the amount (allowance
 * scheme) or only the hours (salary and credits schemes). The coach confirms or disputes it, the
 * coordinator approves it, finance pays it (payout_id and paid_on, set by the payouts context).
 * Status: open → confirmed | disputed → approved. Personal data: the coach's work, amounts and
 * age band. Purpose: paying coaches and proving it. Retention: 7 years (fiscal retention duty,
 * AWR art. 52); erasure of the person is refused while statements exist (art. 17(3)(b) AVG).
 */
export const compensationStatements = pgTable(
  'compensation_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    intakeId: uuid('intake_id').references(() => intakes.id, { onDelete: 'set null' }),
    coachPersonId: uuid('coach_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    /** YYYY-MM */
    month: text('month').notNull(),
    /** allowance | salary | credits: the intake's scheme when the statement was made. */
    scheme: text('scheme').notNull(),
    /** open | confirmed | disputed | approved */
    status: text('status').notNull().default('open'),
    totalMinutes: integer('total_minutes').notNull().default(0),
    /** Allowance only (0 otherwise), integer cents. */
    totalCents: integer('total_cents').notNull().default(0),
    yearToDateCents: integer('year_to_date_cents').notNull().default(0),
    /** The calculation's warnings (rate_above_fiscal_hourly_max, month_cap_exceeded, year_cap_exceeded) and missing_birth_date. */
    warnings: jsonb('warnings').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Allowance only: the pay day the intake promises (e.g. the 25th of the next month). */
    promisedPayDate: date('promised_pay_date'),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedById: uuid('approved_by_id').references(() => people.id, { onDelete: 'set null' }),
    /** Set by the payouts context (its table; no foreign key across contexts). */
    payoutId: uuid('payout_id'),
    paidOn: date('paid_on'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('compensation_statements_coach_month_uq').on(t.coachPersonId, t.month),
    index('compensation_statements_programme_month_idx').on(t.programmeId, t.month),
    index('compensation_statements_payable_idx').on(t.institutionId).where(sql`${t.status} = 'approved' and ${t.paidOn} is null`),
    check('compensation_statements_status_ck', sql`${t.status} in ('open', 'confirmed', 'disputed', 'approved')`),
    check('compensation_statements_scheme_ck', sql`${t.scheme} in ('allowance', 'salary', 'credits')`),
    check('compensation_statements_month_ck', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('compensation_statements_paid_ck', sql`(${t.paidOn} is null) = (${t.payoutId} is null) and (${t.paidOn} is null or ${t.status} = 'approved')`),
  ],
);

/**
 * One line of a statement: a session led or attended, its preparation, a one-on-one, or approved
 * extra work. `source` names what it came from (`session:<id>`, `preparation:<id>`,
 * `extra:<id>`) and is unique per coach, so nothing is counted twice. Personal data: as the
 * statement, plus the coach's dispute comment and the coordinator's resolution. Retention: as the
 * statement (cascade).
 */
export const compensationStatementLines = pgTable(
  'compensation_statement_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => compensationStatements.id, { onDelete: 'cascade' }),
    coachPersonId: uuid('coach_person_id').notNull(),
    position: integer('position').notNull(),
    source: text('source').notNull(),
    workedOn: date('worked_on').notNull(),
    /** session | training | intervision | oneOnOne | preparation | other (FORMAT.md kinds). */
    kind: text('kind').notNull(),
    minutes: integer('minutes').notNull(),
    /** Allowance only: under21 | from21, the rate and the amount in cents. */
    band: text('band'),
    rateCents: integer('rate_cents'),
    amountCents: integer('amount_cents'),
    disputeComment: text('dispute_comment'),
    disputedAt: timestamp('disputed_at', { withTimezone: true }),
    resolution: text('resolution'),
    resolvedById: uuid('resolved_by_id').references(() => people.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('compensation_statement_lines_source_uq').on(t.coachPersonId, t.source),
    index('compensation_statement_lines_statement_idx').on(t.statementId, t.position),
    check('compensation_statement_lines_kind_ck', sql`${t.kind} in ('session', 'training', 'intervision', 'oneOnOne', 'preparation', 'other')`),
  ],
);

/**
 * Fiscal limits of the volunteer allowance for a year the shipped content (content/fiscal-limits.json)
 * does not have yet, added by the beheerder with its source. No personal data beyond who added it.
 */
export const compensationFiscalYears = pgTable(
  'compensation_fiscal_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    maxPerHourUnder21Cents: integer('max_per_hour_under21_cents').notNull(),
    maxPerHourFrom21Cents: integer('max_per_hour_from21_cents').notNull(),
    maxPerMonthCents: integer('max_per_month_cents').notNull(),
    maxPerYearCents: integer('max_per_year_cents').notNull(),
    source: text('source').notNull(),
    addedById: uuid('added_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('compensation_fiscal_years_uq').on(t.institutionId, t.year)],
);
