/** All SQL of the support context: help directory, referrals, signals, programme contacts. */
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Resource } from '../../../domain/access/policy';
import type { Db } from '../../db/client';
import {
  communities,
  communityMembers,
  helpResources,
  people,
  programmeContacts,
  programmes,
  referrals,
  signals,
  signalUpdates,
} from '../../db/schema';

export type HelpResourceRow = typeof helpResources.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type SignalRow = typeof signals.$inferSelect;

export type ReferralResource = Extract<Resource, { kind: 'referral' }> & { row: ReferralRow };
export type SignalResource = Extract<Resource, { kind: 'signal' }> & { row: SignalRow };

export const supportRepository = (db: Db) => ({
  // --- help directory ---------------------------------------------------------------------
  async helpResources(institutionId: string): Promise<HelpResourceRow[]> {
    return db
      .select()
      .from(helpResources)
      .where(eq(helpResources.institutionId, institutionId))
      .orderBy(asc(helpResources.kind), asc(helpResources.category), asc(helpResources.nameNl));
  },

  async helpResource(id: string): Promise<HelpResourceRow | undefined> {
    const [row] = await db.select().from(helpResources).where(eq(helpResources.id, id));
    return row;
  },

  async insertHelpResource(row: typeof helpResources.$inferInsert): Promise<HelpResourceRow> {
    const [inserted] = await db.insert(helpResources).values(row).returning();
    return inserted!;
  },

  /** Optimistic: updates only when `version` is still current; undefined when someone else won. */
  async updateHelpResource(id: string, version: number, values: Partial<typeof helpResources.$inferInsert>) {
    const [row] = await db
      .update(helpResources)
      .set({ ...values, version: sql`${helpResources.version} + 1`, updatedAt: new Date() })
      .where(and(eq(helpResources.id, id), eq(helpResources.version, version)))
      .returning();
    return row;
  },

  // --- people the support context needs ----------------------------------------------------
  /** Current members of the communities this coach leads. */
  async coacheesOf(coachId: string) {
    return db
      .selectDistinct({ id: people.id, firstName: people.firstName, lastName: people.lastName })
      .from(communities)
      .innerJoin(communityMembers, and(eq(communityMembers.communityId, communities.id), isNull(communityMembers.leftOn)))
      .innerJoin(people, eq(people.id, communityMembers.personId))
      .where(eq(communities.coachId, coachId))
      .orderBy(asc(people.firstName), asc(people.lastName));
  },

  // --- referrals ---------------------------------------------------------------------------
  async insertReferral(row: typeof referrals.$inferInsert): Promise<ReferralRow> {
    const [inserted] = await db.insert(referrals).values(row).returning();
    return inserted!;
  },

  async referral(id: string): Promise<ReferralResource | null> {
    const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
    return row ? asReferralResource(row) : null;
  },

  async referralsWhere(filter: { coacheeId?: string; coachId?: string }): Promise<ReferralResource[]> {
    const rows = await db
      .select()
      .from(referrals)
      .where(
        and(
          filter.coacheeId ? eq(referrals.coacheeId, filter.coacheeId) : undefined,
          filter.coachId ? eq(referrals.coachId, filter.coachId) : undefined,
        ),
      )
      .orderBy(desc(referrals.referredOn), desc(referrals.createdAt));
    return rows.map(asReferralResource);
  },

  async setReferral(id: string, values: Partial<typeof referrals.$inferInsert>): Promise<void> {
    await db.update(referrals).set(values).where(eq(referrals.id, id));
  },

  // --- signals -----------------------------------------------------------------------------
  async insertSignal(row: typeof signals.$inferInsert): Promise<SignalRow> {
    const [inserted] = await db.insert(signals).values(row).returning();
    return inserted!;
  },

  async signal(id: string): Promise<SignalResource | null> {
    const [row] = await db.select().from(signals).where(eq(signals.id, id));
    return row ? asSignalResource(row) : null;
  },

  /** Signals raised by this person, or in these programmes. */
  async signalsFor(personId: string, programmeIds: readonly string[]): Promise<SignalResource[]> {
    const rows = await db
      .select()
      .from(signals)
      .where(or(eq(signals.raisedById, personId), programmeIds.length ? inArray(signals.programmeId, [...programmeIds]) : undefined))
      .orderBy(desc(signals.updatedAt));
    return rows.map(asSignalResource);
  },

  /** Optimistic status change; undefined when someone else changed the signal first. */
  async moveSignal(id: string, version: number, values: Partial<typeof signals.$inferInsert>) {
    const [row] = await db
      .update(signals)
      .set({ ...values, version: sql`${signals.version} + 1`, updatedAt: new Date() })
      .where(and(eq(signals.id, id), eq(signals.version, version)))
      .returning();
    return row;
  },

  async insertSignalUpdate(row: typeof signalUpdates.$inferInsert): Promise<void> {
    await db.insert(signalUpdates).values(row);
  },

  async signalUpdates(signalId: string) {
    return db
      .select({
        status: signalUpdates.status,
        note: signalUpdates.note,
        at: signalUpdates.at,
        byId: signalUpdates.byId,
        contact: programmeContacts.label,
      })
      .from(signalUpdates)
      .leftJoin(programmeContacts, eq(programmeContacts.id, signalUpdates.contactId))
      .where(eq(signalUpdates.signalId, signalId))
      .orderBy(asc(signalUpdates.at));
  },

  // --- programmes and their contacts -------------------------------------------------------
  async programmes(institutionId: string) {
    return db.select().from(programmes).where(eq(programmes.institutionId, institutionId));
  },

  async contacts(programmeId: string) {
    return db.select().from(programmeContacts).where(eq(programmeContacts.programmeId, programmeId)).orderBy(asc(programmeContacts.label));
  },

  async addContact(row: typeof programmeContacts.$inferInsert) {
    const [inserted] = await db.insert(programmeContacts).values(row).returning();
    return inserted!;
  },

  async removeContact(programmeId: string, contactId: string): Promise<boolean> {
    const removed = await db
      .delete(programmeContacts)
      .where(and(eq(programmeContacts.id, contactId), eq(programmeContacts.programmeId, programmeId)))
      .returning({ id: programmeContacts.id });
    return removed.length > 0;
  },
});

export type SupportRepository = ReturnType<typeof supportRepository>;

function asReferralResource(row: ReferralRow): ReferralResource {
  return {
    kind: 'referral',
    institutionId: row.institutionId,
    programmeId: row.programmeId,
    coacheeId: row.coacheeId,
    coachId: row.coachId ?? '',
    row,
  };
}

function asSignalResource(row: SignalRow): SignalResource {
  return {
    kind: 'signal',
    institutionId: row.institutionId,
    programmeId: row.programmeId,
    raisedById: row.raisedById ?? '',
    signalKind: row.kind,
    handlerId: row.handlerId,
    row,
  };
}
