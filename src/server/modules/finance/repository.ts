/** All SQL of the finance context: claims, receipts, bank accounts, paying account, batches, reminders. */
import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  coachBankAccounts,
  expenseClaims,
  expenseReceipts,
  institutionPaymentSettings,
  payoutBatches,
  payoutReminders,
  payoutTransfers,
  people,
  programmes,
  roleAssignments,
} from '../../db/schema';

export type ClaimRow = typeof expenseClaims.$inferSelect;

const claimColumns = {
  id: expenseClaims.id,
  institutionId: expenseClaims.institutionId,
  programmeId: expenseClaims.programmeId,
  coachId: expenseClaims.coachId,
  spentOn: expenseClaims.spentOn,
  amountCents: expenseClaims.amountCents,
  category: expenseClaims.category,
  description: expenseClaims.description,
  status: expenseClaims.status,
  decidedAt: expenseClaims.decidedAt,
  rejectReason: expenseClaims.rejectReason,
  promisedPayDate: expenseClaims.promisedPayDate,
  paidOn: expenseClaims.paidOn,
  payoutId: expenseClaims.payoutId,
  createdAt: expenseClaims.createdAt,
  coachFirstName: people.firstName,
  coachLastName: people.lastName,
  receiptType: expenseReceipts.contentType,
};

function claimsQuery(db: Db) {
  return db
    .select(claimColumns)
    .from(expenseClaims)
    .innerJoin(people, eq(people.id, expenseClaims.coachId))
    .leftJoin(expenseReceipts, eq(expenseReceipts.claimId, expenseClaims.id));
}

export type ClaimListRow = Awaited<ReturnType<ReturnType<typeof claimsQuery>['execute']>>[number];

export const financeRepository = (db: Db) => ({
  async claimResource(institutionId: string, claimId: string) {
    const [row] = await db
      .select({ programmeId: expenseClaims.programmeId, coachId: expenseClaims.coachId })
      .from(expenseClaims)
      .where(and(eq(expenseClaims.id, claimId), eq(expenseClaims.institutionId, institutionId)));
    return row ?? null;
  },

  claimsOfCoach(coachId: string) {
    return claimsQuery(db).where(eq(expenseClaims.coachId, coachId)).orderBy(desc(expenseClaims.createdAt));
  },

  claimsOfProgramme(programmeId: string) {
    return claimsQuery(db)
      .where(eq(expenseClaims.programmeId, programmeId))
      .orderBy(sql`case ${expenseClaims.status} when 'submitted' then 0 else 1 end`, desc(expenseClaims.createdAt));
  },

  /** Approved claims not yet paid (in a batch or not). */
  unpaidClaims(institutionId: string) {
    return claimsQuery(db)
      .where(and(eq(expenseClaims.institutionId, institutionId), eq(expenseClaims.status, 'approved'), isNull(expenseClaims.paidOn)))
      .orderBy(asc(expenseClaims.promisedPayDate), asc(expenseClaims.createdAt));
  },

  /** Approved claims with their promised and paid dates (paid on time, overdue). */
  approvedClaims(institutionId: string, programmeId?: string) {
    return claimsQuery(db).where(
      and(eq(expenseClaims.institutionId, institutionId), eq(expenseClaims.status, 'approved'), programmeId ? eq(expenseClaims.programmeId, programmeId) : undefined),
    );
  },

  async insertClaim(values: typeof expenseClaims.$inferInsert) {
    const [row] = await db.insert(expenseClaims).values(values).returning({ id: expenseClaims.id });
    return row!;
  },

  /** Attaches an unattached receipt of the owner; false when there is none. */
  async attachReceipt(receiptId: string, ownerId: string, claimId: string) {
    const rows = await db
      .update(expenseReceipts)
      .set({ claimId })
      .where(and(eq(expenseReceipts.id, receiptId), eq(expenseReceipts.ownerId, ownerId), isNull(expenseReceipts.claimId)))
      .returning({ id: expenseReceipts.id });
    return rows.length === 1;
  },

  async insertReceipt(values: typeof expenseReceipts.$inferInsert) {
    const [row] = await db.insert(expenseReceipts).values(values).returning({ id: expenseReceipts.id });
    return row!;
  },

  async receiptOfClaim(claimId: string) {
    const [row] = await db.select().from(expenseReceipts).where(eq(expenseReceipts.claimId, claimId));
    return row ?? null;
  },

  /** Decides a submitted claim; null when it was decided already (the other decision won). */
  async decideClaim(claimId: string, set: Partial<typeof expenseClaims.$inferInsert>) {
    const [row] = await db
      .update(expenseClaims)
      .set(set)
      .where(and(eq(expenseClaims.id, claimId), eq(expenseClaims.status, 'submitted')))
      .returning({ id: expenseClaims.id, institutionId: expenseClaims.institutionId, coachId: expenseClaims.coachId, status: expenseClaims.status, promisedPayDate: expenseClaims.promisedPayDate });
    return row ?? null;
  },

  async bankAccount(personId: string) {
    const [row] = await db.select().from(coachBankAccounts).where(eq(coachBankAccounts.personId, personId));
    return row ?? null;
  },

  bankAccounts(personIds: string[]) {
    if (personIds.length === 0) return Promise.resolve([]);
    return db.select().from(coachBankAccounts).where(inArray(coachBankAccounts.personId, personIds));
  },

  async saveBankAccount(values: typeof coachBankAccounts.$inferInsert) {
    await db.insert(coachBankAccounts).values(values).onConflictDoUpdate({ target: coachBankAccounts.personId, set: { ibanEncrypted: values.ibanEncrypted, ibanMasked: values.ibanMasked, holderName: values.holderName, updatedAt: values.updatedAt } });
  },

  async deleteBankAccount(personId: string) {
    await db.delete(coachBankAccounts).where(eq(coachBankAccounts.personId, personId));
  },

  async paymentSettings(institutionId: string) {
    const [row] = await db.select().from(institutionPaymentSettings).where(eq(institutionPaymentSettings.institutionId, institutionId));
    return row ?? null;
  },

  async savePaymentSettings(values: typeof institutionPaymentSettings.$inferInsert) {
    const set = { debtorName: values.debtorName, debtorIban: values.debtorIban, debtorBic: values.debtorBic ?? null, updatedById: values.updatedById ?? null, updatedAt: values.updatedAt };
    await db.insert(institutionPaymentSettings).values(values).onConflictDoUpdate({ target: institutionPaymentSettings.institutionId, set });
  },

  async insertBatch(values: typeof payoutBatches.$inferInsert) {
    const [row] = await db.insert(payoutBatches).values(values).returning({ id: payoutBatches.id });
    return row!;
  },

  async insertTransfers(rows: (typeof payoutTransfers.$inferInsert)[]) {
    if (rows.length > 0) await db.insert(payoutTransfers).values(rows);
  },

  async setClaimsPayout(claimIds: string[], payoutId: string) {
    if (claimIds.length === 0) return;
    await db.update(expenseClaims).set({ payoutId }).where(and(inArray(expenseClaims.id, claimIds), isNull(expenseClaims.payoutId)));
  },

  batches(institutionId: string) {
    return db
      .select({
        id: payoutBatches.id,
        messageId: payoutBatches.messageId,
        executionDate: payoutBatches.executionDate,
        transferCount: payoutBatches.transferCount,
        controlSumCents: payoutBatches.controlSumCents,
        paidOn: payoutBatches.paidOn,
        createdAt: payoutBatches.createdAt,
      })
      .from(payoutBatches)
      .where(eq(payoutBatches.institutionId, institutionId))
      .orderBy(desc(payoutBatches.createdAt));
  },

  async batch(institutionId: string, batchId: string) {
    const [row] = await db.select().from(payoutBatches).where(and(eq(payoutBatches.id, batchId), eq(payoutBatches.institutionId, institutionId)));
    return row ?? null;
  },

  /** Which of these statements are in a batch already (paid or not). */
  async transferredStatementIds(statementIds: string[]) {
    if (statementIds.length === 0) return new Set<string>();
    const rows = await db.select({ id: payoutTransfers.statementId }).from(payoutTransfers).where(inArray(payoutTransfers.statementId, statementIds));
    return new Set(rows.map((r) => r.id));
  },

  transfersOf(batchId: string) {
    return db.select().from(payoutTransfers).where(eq(payoutTransfers.batchId, batchId));
  },

  /** Marks an unpaid batch paid; null when it was marked already. */
  async markBatchPaid(batchId: string, paidOn: string, byId: string) {
    const [row] = await db
      .update(payoutBatches)
      .set({ paidOn, markedPaidById: byId })
      .where(and(eq(payoutBatches.id, batchId), isNull(payoutBatches.paidOn)))
      .returning({ id: payoutBatches.id });
    return row ?? null;
  },

  async markClaimsPaid(payoutId: string, paidOn: string) {
    await db.update(expenseClaims).set({ paidOn }).where(eq(expenseClaims.payoutId, payoutId));
  },

  /** Unpaid approved claims whose promised date lies before `today` and that had no reminder yet. */
  overdueClaimsWithoutReminder(institutionId: string, today: string) {
    return db
      .select({ id: expenseClaims.id, programmeId: expenseClaims.programmeId })
      .from(expenseClaims)
      .leftJoin(payoutReminders, and(eq(payoutReminders.itemKind, 'expense'), eq(payoutReminders.itemId, expenseClaims.id)))
      .where(
        and(
          eq(expenseClaims.institutionId, institutionId),
          eq(expenseClaims.status, 'approved'),
          isNull(expenseClaims.paidOn),
          lt(expenseClaims.promisedPayDate, today),
          isNull(payoutReminders.itemId),
        ),
      );
  },

  /** Records reminders; returns the items recorded now (an item already reminded is left out). */
  async recordReminders(institutionId: string, items: { itemKind: 'allowance' | 'expense'; itemId: string }[], sentAt: Date) {
    if (items.length === 0) return [];
    return db
      .insert(payoutReminders)
      .values(items.map((i) => ({ ...i, institutionId, sentAt })))
      .onConflictDoNothing()
      .returning({ itemKind: payoutReminders.itemKind, itemId: payoutReminders.itemId });
  },

  /** Distinct promised dates of unpaid approved claims per institution (to schedule reminders). */
  unpaidPromisedDates() {
    return db
      .selectDistinct({ institutionId: expenseClaims.institutionId, promisedPayDate: expenseClaims.promisedPayDate })
      .from(expenseClaims)
      .where(and(eq(expenseClaims.status, 'approved'), isNull(expenseClaims.paidOn)));
  },

  /** People holding a role in the institution (finance: institution-wide; coordinators: of the given programmes or all). */
  async contactsWithRole(institutionId: string, role: 'finance' | 'coordinator', programmeIds?: string[]) {
    const rows = await db
      .selectDistinct({ id: people.id, email: people.email, firstName: people.firstName, locale: people.locale })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(
        and(
          eq(roleAssignments.institutionId, institutionId),
          eq(roleAssignments.role, role),
          programmeIds ? sql`(${roleAssignments.programmeId} is null or ${inArray(roleAssignments.programmeId, programmeIds.length > 0 ? programmeIds : ['00000000-0000-0000-0000-000000000000'])})` : undefined,
        ),
      );
    return rows;
  },

  async programmeNames(programmeIds: string[]) {
    if (programmeIds.length === 0) return new Map<string, { nameNl: string; nameEn: string }>();
    const rows = await db.select({ id: programmes.id, nameNl: programmes.nameNl, nameEn: programmes.nameEn }).from(programmes).where(inArray(programmes.id, programmeIds));
    return new Map(rows.map((r) => [r.id, r]));
  },

  async programmeOf(institutionId: string, programmeId: string) {
    const [row] = await db.select({ id: programmes.id }).from(programmes).where(and(eq(programmes.id, programmeId), eq(programmes.institutionId, institutionId)));
    return row ?? null;
  },

  async personNames(personIds: string[]) {
    if (personIds.length === 0) return new Map<string, { firstName: string; lastName: string }>();
    const rows = await db.select({ id: people.id, firstName: people.firstName, lastName: people.lastName }).from(people).where(inArray(people.id, personIds));
    return new Map(rows.map((r) => [r.id, r]));
  },
});
