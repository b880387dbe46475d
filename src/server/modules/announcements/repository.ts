/** SQL of the announcements context: a community's links and its announcements. */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { communities, communityAnnouncements, people } from '../../db/schema';

/** How many recent announcements the board shows. */
export const BOARD_SIZE = 20;

export async function communityLinks(db: Db, communityId: string) {
  const [row] = await db
    .select({ name: communities.name, sessionMode: communities.sessionMode, meetingLink: communities.meetingLink, chatLink: communities.chatLink, version: communities.version })
    .from(communities)
    .where(eq(communities.id, communityId));
  return row ?? null;
}

export async function recentAnnouncements(db: Db, communityId: string) {
  return db
    .select({ id: communityAnnouncements.id, body: communityAnnouncements.body, createdAt: communityAnnouncements.createdAt, firstName: people.firstName })
    .from(communityAnnouncements)
    .leftJoin(people, eq(people.id, communityAnnouncements.authorId))
    .where(eq(communityAnnouncements.communityId, communityId))
    .orderBy(desc(communityAnnouncements.createdAt), desc(communityAnnouncements.id))
    .limit(BOARD_SIZE);
}

/** Locks the community row for the rest of the transaction, so two sends of one message queue up. */
export async function lockCommunity(db: Db, communityId: string) {
  await db.select({ id: communities.id }).from(communities).where(eq(communities.id, communityId)).for('update');
}

/** The same text by the same author since `since`: a double send. */
export async function sameAnnouncementSince(db: Db, communityId: string, authorId: string, body: string, since: Date) {
  const [row] = await db
    .select({ id: communityAnnouncements.id })
    .from(communityAnnouncements)
    .where(and(eq(communityAnnouncements.communityId, communityId), eq(communityAnnouncements.authorId, authorId), eq(communityAnnouncements.body, body), gte(communityAnnouncements.createdAt, since)))
    .limit(1);
  return Boolean(row);
}

export async function insertAnnouncement(db: Db, values: { communityId: string; authorId: string; body: string; createdAt: Date }) {
  const [row] = await db.insert(communityAnnouncements).values(values).returning({ id: communityAnnouncements.id });
  return row!.id;
}

/** Sets the links if the version still matches; false when someone changed the community meanwhile. */
export async function updateLinks(db: Db, communityId: string, version: number, values: { sessionMode: string; meetingLink: string; chatLink: string }) {
  const rows = await db
    .update(communities)
    .set({ ...values, version: sql`${communities.version} + 1` })
    .where(and(eq(communities.id, communityId), eq(communities.version, version)))
    .returning({ id: communities.id });
  return rows.length > 0;
}

/** The members' mail address and language. */
export async function recipients(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db.select({ id: people.id, email: people.email, locale: people.locale }).from(people).where(sql`${people.id} in ${[...personIds]}`);
}
