/** The people context: the append-only history of role grants and account changes. */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { institutions, people, programmes, roleEnum } from './organisation';

export const ROLE_EVENT_KINDS = ['granted', 'revoked', 'deactivated', 'reactivated', 'supervisionChanged', 'classesChanged'] as const;
export type RoleEventKind = (typeof ROLE_EVENT_KINDS)[number];

/**
 * Who granted or revoked which role of whom, when and why; deactivations and reactivations; a
 * senior coach's supervision group or a leercoach's classes set. Append-only: a database trigger
 * refuses updates, except the links set to null when the actor or the programme is deleted.
 * Personal data (a person's roles and the staff who changed them; the reason as written), not
 * special-category. Purpose: accountability, and showing the person their own history on "Mijn
 * rollen". Retention: as people (deleted with the person).
 */
export const roleEvents = pgTable(
  'role_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** Whose role or account changed. */
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** Who did it; null once that account is deleted (the event stays). */
    actorId: uuid('actor_id').references(() => people.id, { onDelete: 'set null' }),
    /** The role the actor acted as (beheerder or coordinator), shown to the person. */
    actorRole: roleEnum('actor_role'),
    kind: text('kind', { enum: ROLE_EVENT_KINDS }).notNull(),
    role: roleEnum('role'),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    reason: text('reason'),
    /** Class codes or supervised people's ids, for `classesChanged` / `supervisionChanged`. */
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_events_person_idx').on(t.personId, t.at),
    check('role_events_kind_ck', sql`${t.kind} in ('granted', 'revoked', 'deactivated', 'reactivated', 'supervisionChanged', 'classesChanged')`),
  ],
);
