/** The Veerkrachtpraatplaat: resilience maps, their sharing and snapshots, guided conversations, the group exercise. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { communities, people } from './organisation';

/**
 * A coachee's resilience map (challenges, goals, wellbeing, support resources), one per person.
 * Special-category data (health, beliefs, relations may be in it). Purpose: the coachee's own
 * reflection and, only when they share it, coaching. Private by default. Retention: until the
 * coachee deletes it, at the latest one year after their last role ends.
 */
export const resilienceMaps = pgTable(
  'resilience_maps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    content: jsonb('content').notNull(),
    /** Raised on every save: a save based on an older version is refused (no lost edits). */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('resilience_maps_owner_uq').on(t.ownerId)],
);

/**
 * With whom the owner shared their map, and whether to view or to edit together. Personal data
 * (a relation). Purpose: access control. Retention: deleted on revoke or with the map.
 */
export const resilienceMapShares = pgTable(
  'resilience_map_shares',
  {
    mapId: uuid('map_id')
      .notNull()
      .references(() => resilienceMaps.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    mode: text('mode').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.mapId, t.personId] }), check('resilience_map_shares_mode_ck', sql`${t.mode} in ('view', 'edit')`)],
);

/**
 * A dated version of a map. Special-category data, like the map. Purpose: the coachee sees how
 * their support changed over the year. Retention: with the map.
 */
export const resilienceSnapshots = pgTable(
  'resilience_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mapId: uuid('map_id')
      .notNull()
      .references(() => resilienceMaps.id, { onDelete: 'cascade' }),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    content: jsonb('content').notNull(),
    createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('resilience_snapshots_map_idx').on(t.mapId, t.takenOn)],
);

/**
 * A guided resilience conversation: which themes the coach covered and the coach's notes.
 * Special-category data. Purpose: the coach's own preparation and follow-up; private to the
 * coach who wrote it (one-on-one note). Retention: end of the programme year plus one year.
 */
export const resilienceConversations = pgTable(
  'resilience_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    coacheeId: uuid('coachee_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    progress: jsonb('progress').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('resilience_conversations_coach_idx').on(t.coachId, t.coacheeId)],
);

/**
 * What a member chose to show their community in the group exercise, and whether their map
 * counts in the anonymous tally. Personal data (a choice). Retention: with the map or membership.
 */
export const resilienceGroupShows = pgTable(
  'resilience_group_shows',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    resourceIds: jsonb('resource_ids').notNull(),
    inTally: boolean('in_tally').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.ownerId] })],
);
