/** All SQL of the roadmap context. */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { people, programmes, roadmapAssessments, roadmapContentVersions, roadmapPlanItems, roadmaps, roadmapStakeholders, roadmapViews, roleAssignments } from '../../db/schema';

export type RoadmapRow = typeof roadmaps.$inferSelect;
export type AssessmentRow = typeof roadmapAssessments.$inferSelect;
export type PlanItemRow = typeof roadmapPlanItems.$inferSelect;

export const scopeKeyOf = (programmeId: string | null) => programmeId ?? 'institution';

export function roadmapRepository(db: Db) {
  return {
    async roadmap(institutionId: string, roadmapId: string): Promise<RoadmapRow | null> {
      const [row] = await db.select().from(roadmaps).where(and(eq(roadmaps.id, roadmapId), eq(roadmaps.institutionId, institutionId)));
      return row ?? null;
    },
    async roadmapById(roadmapId: string): Promise<RoadmapRow | null> {
      const [row] = await db.select().from(roadmaps).where(eq(roadmaps.id, roadmapId));
      return row ?? null;
    },
    async roadmapsOf(institutionId: string): Promise<RoadmapRow[]> {
      return db.select().from(roadmaps).where(eq(roadmaps.institutionId, institutionId)).orderBy(desc(roadmaps.year), asc(roadmaps.scopeKey));
    },
    /** The roadmaps of the same scope, oldest year first (progress over the years). */
    async roadmapsOfScope(institutionId: string, programmeId: string | null, upToYear: number): Promise<RoadmapRow[]> {
      return db
        .select()
        .from(roadmaps)
        .where(and(eq(roadmaps.institutionId, institutionId), eq(roadmaps.scopeKey, scopeKeyOf(programmeId)), sql`${roadmaps.year} <= ${upToYear}`))
        .orderBy(asc(roadmaps.year));
    },
    async roadmapOfYear(institutionId: string, programmeId: string | null, year: number): Promise<RoadmapRow | null> {
      const [row] = await db.select().from(roadmaps).where(and(eq(roadmaps.institutionId, institutionId), eq(roadmaps.scopeKey, scopeKeyOf(programmeId)), eq(roadmaps.year, year)));
      return row ?? null;
    },
    /** Inserts the roadmap; null when this scope already has one for the year. */
    async insertRoadmap(values: { institutionId: string; programmeId: string | null; year: number; contentVersion: number }): Promise<RoadmapRow | null> {
      const [row] = await db
        .insert(roadmaps)
        .values({ ...values, scopeKey: scopeKeyOf(values.programmeId) })
        .onConflictDoNothing()
        .returning();
      return row ?? null;
    },
    async programmesOf(institutionId: string, ids?: readonly string[]) {
      const where = ids ? and(eq(programmes.institutionId, institutionId), inArray(programmes.id, [...ids])) : eq(programmes.institutionId, institutionId);
      if (ids && ids.length === 0) return [];
      return db.select({ id: programmes.id, nameNl: programmes.nameNl, nameEn: programmes.nameEn }).from(programmes).where(where).orderBy(asc(programmes.nameNl));
    },
    async stakeholders(roadmapIds: readonly string[]) {
      if (roadmapIds.length === 0) return [];
      return db.select().from(roadmapStakeholders).where(inArray(roadmapStakeholders.roadmapId, [...roadmapIds])).orderBy(asc(roadmapStakeholders.createdAt));
    },
    /** Roadmaps the person was invited to. */
    async invitedTo(personId: string): Promise<string[]> {
      const rows = await db.select({ id: roadmapStakeholders.roadmapId }).from(roadmapStakeholders).where(eq(roadmapStakeholders.personId, personId));
      return rows.map((r) => r.id);
    },
    /** Invites (or re-invites, replacing the factors) a person. */
    async upsertStakeholder(values: { roadmapId: string; personId: string; stakeholderId: string; factorIds: string[] }) {
      await db
        .insert(roadmapStakeholders)
        .values(values)
        .onConflictDoUpdate({ target: [roadmapStakeholders.roadmapId, roadmapStakeholders.personId], set: { stakeholderId: values.stakeholderId, factorIds: values.factorIds } });
    },
    async removeStakeholder(roadmapId: string, personId: string): Promise<boolean> {
      const rows = await db.delete(roadmapStakeholders).where(and(eq(roadmapStakeholders.roadmapId, roadmapId), eq(roadmapStakeholders.personId, personId))).returning({ id: roadmapStakeholders.id });
      if (rows.length > 0) await db.delete(roadmapViews).where(and(eq(roadmapViews.roadmapId, roadmapId), eq(roadmapViews.personId, personId)));
      return rows.length > 0;
    },
    async views(roadmapId: string) {
      return db.select().from(roadmapViews).where(eq(roadmapViews.roadmapId, roadmapId)).orderBy(asc(roadmapViews.updatedAt));
    },
    async upsertView(values: { roadmapId: string; factorId: string; personId: string; status: AssessmentRow['status']; note: string; now: Date }) {
      const { now, ...rest } = values;
      await db
        .insert(roadmapViews)
        .values({ ...rest, updatedAt: now })
        .onConflictDoUpdate({ target: [roadmapViews.roadmapId, roadmapViews.factorId, roadmapViews.personId], set: { status: rest.status, note: rest.note, updatedAt: now } });
    },
    async assessments(roadmapIds: readonly string[]): Promise<AssessmentRow[]> {
      if (roadmapIds.length === 0) return [];
      return db.select().from(roadmapAssessments).where(inArray(roadmapAssessments.roadmapId, [...roadmapIds]));
    },
    /** Records the agreed status when `version` is still current (0: none yet); false when someone else was first. */
    async recordAssessment(values: Omit<typeof roadmapAssessments.$inferInsert, 'version' | 'updatedAt'> & { version: number; now: Date }): Promise<boolean> {
      const { version, now, ...rest } = values;
      if (version === 0) {
        const rows = await db.insert(roadmapAssessments).values({ ...rest, updatedAt: now }).onConflictDoNothing().returning({ id: roadmapAssessments.id });
        return rows.length > 0;
      }
      const rows = await db
        .update(roadmapAssessments)
        .set({ status: rest.status, evidenceNote: rest.evidenceNote, ownerStakeholderId: rest.ownerStakeholderId ?? null, ownerPersonId: rest.ownerPersonId ?? null, recordedBy: rest.recordedBy ?? null, version: version + 1, updatedAt: now })
        .where(and(eq(roadmapAssessments.roadmapId, rest.roadmapId), eq(roadmapAssessments.factorId, rest.factorId), eq(roadmapAssessments.version, version)))
        .returning({ id: roadmapAssessments.id });
      return rows.length > 0;
    },
    async planItems(roadmapId: string): Promise<PlanItemRow[]> {
      return db.select().from(roadmapPlanItems).where(eq(roadmapPlanItems.roadmapId, roadmapId)).orderBy(asc(roadmapPlanItems.dueDate), asc(roadmapPlanItems.createdAt));
    },
    async planItem(roadmapId: string, itemId: string): Promise<PlanItemRow | null> {
      const [row] = await db.select().from(roadmapPlanItems).where(and(eq(roadmapPlanItems.id, itemId), eq(roadmapPlanItems.roadmapId, roadmapId)));
      return row ?? null;
    },
    async planItemById(itemId: string): Promise<PlanItemRow | null> {
      const [row] = await db.select().from(roadmapPlanItems).where(eq(roadmapPlanItems.id, itemId));
      return row ?? null;
    },
    /** Adds the intervention to the plan; null when it is in the plan already. */
    async insertPlanItem(values: typeof roadmapPlanItems.$inferInsert): Promise<PlanItemRow | null> {
      const [row] = await db.insert(roadmapPlanItems).values(values).onConflictDoNothing().returning();
      return row ?? null;
    },
    /** Updates the item when `version` is still current; null when someone else was first. */
    async updatePlanItem(itemId: string, version: number, set: Pick<PlanItemRow, 'ownerStakeholderId' | 'ownerPersonId' | 'horizon' | 'dueDate' | 'status'>): Promise<PlanItemRow | null> {
      const [row] = await db
        .update(roadmapPlanItems)
        .set({ ...set, version: version + 1 })
        .where(and(eq(roadmapPlanItems.id, itemId), eq(roadmapPlanItems.version, version)))
        .returning();
      return row ?? null;
    },
    async deletePlanItem(roadmapId: string, itemId: string): Promise<boolean> {
      const rows = await db.delete(roadmapPlanItems).where(and(eq(roadmapPlanItems.id, itemId), eq(roadmapPlanItems.roadmapId, roadmapId))).returning({ id: roadmapPlanItems.id });
      return rows.length > 0;
    },
    /** Marks the item reminded for its due date; false when it was already (exactly once per due date). */
    async markReminded(itemId: string, dueDate: string): Promise<boolean> {
      const rows = await db
        .update(roadmapPlanItems)
        .set({ remindedFor: dueDate })
        .where(and(eq(roadmapPlanItems.id, itemId), eq(roadmapPlanItems.dueDate, dueDate), sql`${roadmapPlanItems.remindedFor} is distinct from ${dueDate}::date`))
        .returning({ id: roadmapPlanItems.id });
      return rows.length > 0;
    },
    /** Open plan items with a person as owner, due on or after `today`, not yet reminded for their due date. */
    async itemsToRemind(today: string) {
      return db
        .select({ id: roadmapPlanItems.id, dueDate: roadmapPlanItems.dueDate })
        .from(roadmapPlanItems)
        .where(and(sql`${roadmapPlanItems.dueDate} >= ${today}::date`, inArray(roadmapPlanItems.status, ['planned', 'inProgress']), sql`${roadmapPlanItems.ownerPersonId} is not null`, sql`${roadmapPlanItems.remindedFor} is distinct from ${roadmapPlanItems.dueDate}`));
    },
    /** A person of the institution by id or e-mail address (case-insensitive). */
    async personOf(institutionId: string, by: { personId: string } | { email: string }) {
      const where = 'personId' in by ? eq(people.id, by.personId) : sql`lower(${people.email}) = lower(${by.email})`;
      const [row] = await db
        .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email, locale: people.locale })
        .from(people)
        .where(and(where, eq(people.institutionId, institutionId), isNull(people.deactivatedAt)));
      return row ?? null;
    },
    async peopleByIds(ids: readonly string[]) {
      if (ids.length === 0) return new Map<string, { firstName: string; lastName: string; email: string }>();
      const rows = await db.select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email }).from(people).where(inArray(people.id, [...ids]));
      return new Map(rows.map((r) => [r.id, r]));
    },
    /** Programme-scoped owners of a programme (coordinators, opleidingsmanagement). */
    async ownersOf(institutionId: string, programmeId: string) {
      return db
        .select({ personId: roleAssignments.personId })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.institutionId, institutionId), inArray(roleAssignments.role, ['coordinator', 'opleidingsmanagement']), sql`(${roleAssignments.programmeId} = ${programmeId} or ${roleAssignments.programmeId} is null)`));
    },
    async latestContent(institutionId: string) {
      const [row] = await db.select().from(roadmapContentVersions).where(eq(roadmapContentVersions.institutionId, institutionId)).orderBy(desc(roadmapContentVersions.version)).limit(1);
      return row ?? null;
    },
    async contentVersion(institutionId: string, version: number) {
      const [row] = await db.select().from(roadmapContentVersions).where(and(eq(roadmapContentVersions.institutionId, institutionId), eq(roadmapContentVersions.version, version)));
      return row ?? null;
    },
    /** Saves a new content version; null when `version` is taken (someone else saved first). */
    async insertContentVersion(values: typeof roadmapContentVersions.$inferInsert) {
      const [row] = await db.insert(roadmapContentVersions).values(values).onConflictDoNothing().returning();
      return row ?? null;
    },
  };
}
