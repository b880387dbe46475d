/** Community announcements (issue 21, item 5): a coach's short message to their community. */
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { communities, people } from './organisation';

/**
 * A short message from the coach to their community ("we schuiven een half uur op"), shown to
 * the members in the app and mailed to each of them. Personal data: the author, and whatever the
 * coach writes (the form asks for practical news only). Purpose: practical contact with the group.
 * Retention: one year after sending (the retention pass), and with the community. Not special-category.
 */
export const communityAnnouncements = pgTable(
  'community_announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('community_announcements_community_idx').on(t.communityId, t.createdAt)],
);
