/** All SQL of the activity library: coaches' own activities and session plans. */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Resource } from '../../../domain/access/policy';
import type { Db } from '../../db/client';
import { customActivities, people, programmes, sessionPlans } from '../../db/schema';

export type CustomActivityRow = typeof customActivities.$inferSelect;
export type SessionPlanRow = typeof sessionPlans.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

/**
 * A session plan, or (with `programmeId`) an own activity, as a policy resource. A plan's own
 * programme column records where its author coached; a shared plan stays for all the institution's coaches.
 */
export const libraryItemOf = (row: { institutionId: string; authorId: string | null; shared: boolean }, programmeId: string | null = null): Resource => ({
  kind: 'libraryItem',
  institutionId: row.institutionId,
  builtIn: false,
  authorId: row.authorId,
  shared: row.shared,
  programmeId,
});

/** An own activity as a policy resource: for one programme's coaches when it has a programme. */
export const activityItemOf = (a: CustomActivityRow): Resource => libraryItemOf(a, a.programmeId);

/** The names of the institution's programmes (badges "Alleen voor <opleiding>"). */
export async function programmeNames(db: Db, institutionId: string): Promise<Map<string, { nl: string; en: string }>> {
  const rows = await db.select({ id: programmes.id, nl: programmes.nameNl, en: programmes.nameEn }).from(programmes).where(eq(programmes.institutionId, institutionId));
  return new Map(rows.map((p) => [p.id, { nl: p.nl, en: p.en }]));
}

/** Own activities of the institution that are shared or the person's own (the policy decides per row). */
export async function customActivitiesFor(db: Db, institutionId: string, personId: string) {
  return db
    .select({ a: customActivities, authorFirstName: people.firstName })
    .from(customActivities)
    .leftJoin(people, eq(people.id, customActivities.authorId))
    .where(and(eq(customActivities.institutionId, institutionId), or(eq(customActivities.shared, true), eq(customActivities.authorId, personId))));
}

export async function customActivityById(db: Db, institutionId: string, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ a: customActivities, authorFirstName: people.firstName })
    .from(customActivities)
    .leftJoin(people, eq(people.id, customActivities.authorId))
    .where(and(eq(customActivities.institutionId, institutionId), eq(customActivities.id, id)));
  return row ?? null;
}

/** Titles and minutes of own activities by id (for plans: a plan keeps its steps even when the viewer may not browse them). */
export async function customActivityBriefs(db: Db, institutionId: string, ids: string[]) {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return [];
  return db
    .select({ id: customActivities.id, title: customActivities.title, durationMinutes: customActivities.durationMinutes })
    .from(customActivities)
    .where(and(eq(customActivities.institutionId, institutionId), inArray(customActivities.id, wanted)));
}

export async function sessionPlansFor(db: Db, institutionId: string, personId: string) {
  return db
    .select({ p: sessionPlans, authorFirstName: people.firstName })
    .from(sessionPlans)
    .leftJoin(people, eq(people.id, sessionPlans.authorId))
    .where(and(eq(sessionPlans.institutionId, institutionId), or(eq(sessionPlans.shared, true), eq(sessionPlans.authorId, personId))))
    .orderBy(sessionPlans.title);
}

export async function sessionPlanById(db: Db, institutionId: string, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ p: sessionPlans, authorFirstName: people.firstName })
    .from(sessionPlans)
    .leftJoin(people, eq(people.id, sessionPlans.authorId))
    .where(and(eq(sessionPlans.institutionId, institutionId), eq(sessionPlans.id, id)));
  return row ?? null;
}

/** Removing an own activity takes it out of every plan that used it, in the same transaction. */
export async function deleteCustomActivity(db: Db, id: string) {
  await db.transaction(async (tx) => {
    await tx
      .update(sessionPlans)
      .set({ activityIds: sql`${sessionPlans.activityIds} - ${id}::text` })
      .where(sql`${sessionPlans.activityIds} @> jsonb_build_array(${id}::text)`);
    await tx.delete(customActivities).where(eq(customActivities.id, id));
  });
}
