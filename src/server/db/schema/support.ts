/** Help directory (sociale kaart), referrals, signals to the programme. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { institutions, people, programmes } from './organisation';

/**
 * The institution's help directory: services inside and outside the institution, with when to go
 * there and how to reach them, in Dutch and English. No personal data (service contact points).
 * Purpose: helping students find help. Retention: until archived entries are removed by the
 * coordinator; archived entries stay so past referrals keep their meaning.
 */
export const helpResources = pgTable(
  'help_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** Only for this programme's students and coaches; null: for the whole institution (issue 21 item 8). */
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    /** The id in content/help-directory.json for seeded entries; null for entries added later. */
    seedId: text('seed_id'),
    kind: text('kind', { enum: ['inside', 'outside'] }).notNull(),
    category: text('category').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    whenToGoNl: text('when_to_go_nl').notNull(),
    whenToGoEn: text('when_to_go_en').notNull(),
    howToReachNl: text('how_to_reach_nl').notNull(),
    howToReachEn: text('how_to_reach_en').notNull(),
    url: text('url'),
    phone: text('phone'),
    email: text('email'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('help_resources_institution_idx').on(t.institutionId), index('help_resources_programme_idx').on(t.programmeId)],
);

/**
 * A referral: coach X referred coachee Y to resource Z on a date, with Y's agreement — the fact,
 * not what was said. Special-category data (a referral to a psychologist or GP says something
 * about health). Purpose: the coachee's overview and the coach's follow-up. Retention: until the
 * end of the coaching year plus one year; erased with the coachee; hidden from the coach as soon
 * as the coachee withdraws the `coaching-data` consent.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    coacheeId: uuid('coachee_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    coachId: uuid('coach_id').references(() => people.id, { onDelete: 'set null' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => helpResources.id, { onDelete: 'restrict' }),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    /** Always true: a referral is only recorded with the coachee's agreement. */
    coacheeAgreed: boolean('coachee_agreed').notNull(),
    followUpDueAt: timestamp('follow_up_due_at', { withTimezone: true }).notNull(),
    followUpSentAt: timestamp('follow_up_sent_at', { withTimezone: true }),
    followUpOutcome: text('follow_up_outcome', { enum: ['helped', 'partly', 'not_helped', 'unknown'] }),
    followUpAnsweredAt: timestamp('follow_up_answered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('referrals_coachee_idx').on(t.coacheeId),
    index('referrals_coach_idx').on(t.coachId),
    check('referrals_agreed_ck', sql`${t.coacheeAgreed}`),
  ],
);

/**
 * Where a degree programme receives signals: a function mailbox per programme (for instance the
 * programme manager's team), configured by the coordinator. No personal data when it is a
 * function address; a personal address is personal data. Purpose: passing signals on.
 * Retention: until the coordinator removes it.
 */
export const programmeContacts = pgTable(
  'programme_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    email: text('email').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('programme_contacts_programme_idx').on(t.programmeId)],
);

/**
 * A need, a theme from the group or an incident (racism, transgressive behaviour by staff) a
 * coach raised with the programme, optionally anonymised (then nobody but the raiser learns who
 * raised it). Special-category data may occur in the text (an incident can reveal origin,
 * religion or health). Purpose: letting the programme act on students' needs (P9). Retention:
 * 2 years after it is closed; the raiser link is erased with the coach.
 */
export const signals = pgTable(
  'signals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A short public reference (PK-1234) for talking about a signal without its content. */
    reference: text('reference').notNull().unique(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    raisedById: uuid('raised_by_id').references(() => people.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['need', 'theme', 'incident'] }).notNull(),
    anonymous: boolean('anonymous').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['open', 'in_progress', 'forwarded', 'closed'] })
      .notNull()
      .default('open'),
    handlerId: uuid('handler_id').references(() => people.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signals_programme_idx').on(t.programmeId, t.status), index('signals_raiser_idx').on(t.raisedById)],
);

/**
 * The history of a signal: each status change with the note the coordinator writes back to the
 * coach, and the programme contact it was passed on to. Personal data (who changed it); the note
 * may contain special-category data. Purpose: closing the loop with the coach. Retention: as signals.
 */
export const signalUpdates = pgTable(
  'signal_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    signalId: uuid('signal_id')
      .notNull()
      .references(() => signals.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['open', 'in_progress', 'forwarded', 'closed'] }).notNull(),
    note: text('note').notNull().default(''),
    byId: uuid('by_id').references(() => people.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => programmeContacts.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signal_updates_signal_idx').on(t.signalId, t.at)],
);
