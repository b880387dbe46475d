/** SQL of the resilience context: maps, shares, snapshots, conversations, the group exercise. */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Resource } from '../../../domain/access/policy';
import type { ResilienceMap } from '../../../domain/resilience/model';
import type { ConversationProgress, ResilienceMapContent, ShareMode } from '../../../contracts/resilience';
import type { Db } from '../../db/client';
import {
  communityMembers,
  people,
  resilienceConversations,
  resilienceGroupShows,
  resilienceMaps,
  resilienceMapShares,
  resilienceSnapshots,
  roleAssignments,
} from '../../db/schema';
import { loadCommunityResources } from '../relations/public';
import { emptyMap } from '../../../domain/resilience/model';

export type MapRow = typeof resilienceMaps.$inferSelect & { content: ResilienceMap };
export type MapResource = Extract<Resource, { kind: 'coachingContent' }>;

/** The owner's coaches and fellow members of their current communities, and their programme. */
export async function relationsOf(db: Db, institutionId: string, personId: string) {
  const memberships = await db
    .select({ communityId: communityMembers.communityId })
    .from(communityMembers)
    .where(and(eq(communityMembers.personId, personId), isNull(communityMembers.leftOn)));
  const communities = await loadCommunityResources(db, institutionId, memberships.map((m) => m.communityId));
  const [grant] = await db
    .select({ programmeId: roleAssignments.programmeId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.institutionId, institutionId)))
    .orderBy(asc(roleAssignments.programmeId));
  return {
    communities,
    coachIds: [...new Set(communities.flatMap((c) => (c.coachId ? [c.coachId] : [])))],
    fellowIds: [...new Set(communities.flatMap((c) => c.memberIds).filter((id) => id !== personId))],
    programmeId: communities[0]?.programmeId ?? grant?.programmeId ?? '',
  };
}

export async function findMapById(db: Db, mapId: string): Promise<MapRow | null> {
  const [row] = await db.select().from(resilienceMaps).where(eq(resilienceMaps.id, mapId));
  return row ? { ...row, content: row.content as ResilienceMap } : null;
}

/** The person's map, or null while they have not saved one (opening it writes nothing). */
export async function findMapOf(db: Db, ownerId: string): Promise<MapRow | null> {
  const [row] = await db.select().from(resilienceMaps).where(eq(resilienceMaps.ownerId, ownerId));
  return row ? { ...row, content: row.content as ResilienceMap } : null;
}

/** The version a map has before its first save (the column's default). */
export const NEW_MAP_VERSION = 1;

/** The person's map, created empty when they first save (their map, or what their group sees). */
export async function ensureMapOf(db: Db, ownerId: string): Promise<MapRow> {
  await db.insert(resilienceMaps).values({ ownerId, content: emptyMap() }).onConflictDoNothing();
  const [row] = await db.select().from(resilienceMaps).where(eq(resilienceMaps.ownerId, ownerId));
  return { ...row!, content: row!.content as ResilienceMap };
}

export async function sharesOf(db: Db, mapId: string) {
  return db
    .select({ personId: resilienceMapShares.personId, mode: resilienceMapShares.mode, since: resilienceMapShares.createdAt, firstName: people.firstName, lastName: people.lastName })
    .from(resilienceMapShares)
    .innerJoin(people, eq(people.id, resilienceMapShares.personId))
    .where(eq(resilienceMapShares.mapId, mapId))
    .orderBy(asc(resilienceMapShares.createdAt))
    .then((rows) => rows.map((r) => ({ ...r, mode: r.mode as ShareMode })));
}

/** The access-policy view of a map: owner, and with whom it is shared (and for editing). */
export async function loadMapResource(db: Db, institutionId: string, mapId: string): Promise<(MapResource & { map: MapRow }) | null> {
  const map = await findMapById(db, mapId);
  if (!map) return null;
  const [owner] = await db.select({ institutionId: people.institutionId }).from(people).where(eq(people.id, map.ownerId));
  if (!owner || owner.institutionId !== institutionId) return null;
  const shares = await db.select().from(resilienceMapShares).where(eq(resilienceMapShares.mapId, mapId));
  const [grant] = await db.select({ programmeId: roleAssignments.programmeId }).from(roleAssignments).where(eq(roleAssignments.personId, map.ownerId));
  return {
    kind: 'coachingContent',
    contentType: 'resilienceMap',
    institutionId,
    programmeId: grant?.programmeId ?? '',
    subjectId: map.ownerId,
    authorId: null,
    supervisorIds: [],
    sharedWithIds: shares.map((s) => s.personId),
    editorIds: shares.filter((s) => s.mode === 'edit').map((s) => s.personId),
    map,
  };
}

/** Saves when `version` is still the current one; null when someone saved in between. */
export async function saveMapContent(db: Db, mapId: string, version: number, content: ResilienceMapContent, now: Date) {
  const [row] = await db
    .update(resilienceMaps)
    .set({ content, version: sql`${resilienceMaps.version} + 1`, updatedAt: now })
    .where(and(eq(resilienceMaps.id, mapId), eq(resilienceMaps.version, version)))
    .returning();
  return row ?? null;
}

export async function upsertShare(db: Db, mapId: string, personId: string, mode: ShareMode) {
  await db
    .insert(resilienceMapShares)
    .values({ mapId, personId, mode })
    .onConflictDoUpdate({ target: [resilienceMapShares.mapId, resilienceMapShares.personId], set: { mode } });
}

export async function deleteShare(db: Db, mapId: string, personId: string) {
  await db.delete(resilienceMapShares).where(and(eq(resilienceMapShares.mapId, mapId), eq(resilienceMapShares.personId, personId)));
}

export async function snapshotsOf(db: Db, mapId: string) {
  return db
    .select({ id: resilienceSnapshots.id, takenOn: resilienceSnapshots.takenOn })
    .from(resilienceSnapshots)
    .where(eq(resilienceSnapshots.mapId, mapId))
    .orderBy(asc(resilienceSnapshots.takenOn), asc(resilienceSnapshots.createdAt));
}

export async function insertSnapshot(db: Db, values: { mapId: string; takenOn: string; content: ResilienceMap; createdById: string }) {
  const [row] = await db.insert(resilienceSnapshots).values(values).returning();
  return row!;
}

export async function findSnapshot(db: Db, mapId: string, snapshotId: string) {
  const [row] = await db
    .select()
    .from(resilienceSnapshots)
    .where(and(eq(resilienceSnapshots.id, snapshotId), eq(resilienceSnapshots.mapId, mapId)));
  return row ? { ...row, content: row.content as ResilienceMap } : null;
}

export async function mapsSharedWith(db: Db, personId: string) {
  return db
    .select({ mapId: resilienceMapShares.mapId, ownerId: resilienceMaps.ownerId, mode: resilienceMapShares.mode })
    .from(resilienceMapShares)
    .innerJoin(resilienceMaps, eq(resilienceMaps.id, resilienceMapShares.mapId))
    .where(eq(resilienceMapShares.personId, personId))
    .then((rows) => rows.map((r) => ({ ...r, mode: r.mode as ShareMode })));
}

export async function insertConversation(db: Db, values: { coachId: string; coacheeId: string; heldOn: string }) {
  const [row] = await db.insert(resilienceConversations).values({ ...values, progress: {} }).returning();
  return row!;
}

export async function findConversation(db: Db, id: string) {
  const [row] = await db.select().from(resilienceConversations).where(eq(resilienceConversations.id, id));
  return row ? { ...row, progress: row.progress as ConversationProgress } : null;
}

export async function saveConversationProgress(db: Db, id: string, progress: ConversationProgress, now: Date) {
  await db.update(resilienceConversations).set({ progress, updatedAt: now }).where(eq(resilienceConversations.id, id));
}

export async function conversationsBy(db: Db, coachId: string, coacheeIds: string[]) {
  if (coacheeIds.length === 0) return [];
  return db
    .select()
    .from(resilienceConversations)
    .where(and(eq(resilienceConversations.coachId, coachId), inArray(resilienceConversations.coacheeId, coacheeIds)))
    .orderBy(desc(resilienceConversations.heldOn), desc(resilienceConversations.createdAt))
    .then((rows) => rows.map((r) => ({ ...r, progress: r.progress as ConversationProgress })));
}

export async function groupShowsOf(db: Db, communityId: string) {
  return db
    .select()
    .from(resilienceGroupShows)
    .where(eq(resilienceGroupShows.communityId, communityId))
    .then((rows) => rows.map((r) => ({ ...r, resourceIds: r.resourceIds as string[] })));
}

export async function upsertGroupShow(db: Db, values: { communityId: string; ownerId: string; resourceIds: string[]; inTally: boolean; now: Date }) {
  const { now, ...rest } = values;
  await db
    .insert(resilienceGroupShows)
    .values({ ...rest, updatedAt: now })
    .onConflictDoUpdate({
      target: [resilienceGroupShows.communityId, resilienceGroupShows.ownerId],
      set: { resourceIds: rest.resourceIds, inTally: rest.inTally, updatedAt: now },
    });
}

export async function mapsOf(db: Db, ownerIds: string[]) {
  if (ownerIds.length === 0) return [];
  const rows = await db.select().from(resilienceMaps).where(inArray(resilienceMaps.ownerId, ownerIds));
  return rows.map((r) => ({ ...r, content: r.content as ResilienceMap }));
}
