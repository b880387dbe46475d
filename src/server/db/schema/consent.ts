/** The consent ledger (AVG/GDPR art. 7 and 9): append-only grant and withdraw events. */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { institutions, people } from './organisation';

/**
 * One consent event: a person granted or withdrew one consent, with the exact text they were
 * shown (version and both languages). Append-only — never updated; the current state is the
 * latest event (src/domain/consent). Personal data (a person's choices about their data), not
 * special-category itself. Purpose: proving consent and honouring withdrawal. Retention: as long
 * as the data it covers is kept, then 5 years (proof of lawful processing); erased with the person.
 */
export const consentEvents = pgTable(
  'consent_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    consentId: text('consent_id').notNull(),
    event: text('event', { enum: ['grant', 'withdraw'] }).notNull(),
    textVersion: integer('text_version').notNull(),
    /** The text exactly as shown, in both languages, and the language the person read it in. */
    textNl: text('text_nl').notNull(),
    textEn: text('text_en').notNull(),
    shownLocale: text('shown_locale').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consent_events_person_idx').on(t.personId, t.consentId, t.at),
    check('consent_events_event_ck', sql`${t.event} in ('grant', 'withdraw')`),
    check('consent_events_locale_ck', sql`${t.shownLocale} in ('nl', 'en')`),
  ],
);
