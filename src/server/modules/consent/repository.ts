/** All SQL of the consent ledger. The ledger is append-only: this file never updates a row. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { consentEvents } from '../../db/schema';

export type ConsentEventRow = typeof consentEvents.$inferSelect;

export const consentRepository = (db: Db) => ({
  async append(row: typeof consentEvents.$inferInsert): Promise<ConsentEventRow> {
    const [inserted] = await db.insert(consentEvents).values(row).returning();
    return inserted!;
  },

  async eventsOf(personId: string): Promise<ConsentEventRow[]> {
    return db.select().from(consentEvents).where(eq(consentEvents.personId, personId)).orderBy(asc(consentEvents.at));
  },

  async latestOf(personId: string, consentId: string): Promise<ConsentEventRow | undefined> {
    const [row] = await db
      .select()
      .from(consentEvents)
      .where(and(eq(consentEvents.personId, personId), eq(consentEvents.consentId, consentId)))
      .orderBy(desc(consentEvents.at))
      .limit(1);
    return row;
  },

  /** Of these people, those whose latest event for the consent is a grant. */
  async grantedAmong(personIds: readonly string[], consentId: string): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await db
      .selectDistinctOn([consentEvents.personId], { personId: consentEvents.personId, event: consentEvents.event })
      .from(consentEvents)
      .where(and(inArray(consentEvents.personId, [...personIds]), eq(consentEvents.consentId, consentId)))
      .orderBy(consentEvents.personId, desc(consentEvents.at), sql`${consentEvents.id}`);
    return new Set(rows.filter((r) => r.event === 'grant').map((r) => r.personId));
  },
});
