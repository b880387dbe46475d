/**
 * Coach compensation, the money side (#17 items 5–7): coaches' bank accounts, expense claims with
 * their receipts, the institution's paying account, payout batches and their transfers, and the
 * overdue reminders sent. Financial records: kept 7 years (the fiscal retention duty, AWR art. 52).
 */
import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { institutions, people, programmes } from './organisation';

/** Binary data: Buffer from `pg`, Uint8Array from PGlite; always a Buffer to the app. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The account a coach is paid on. Personal data: IBAN (encrypted at rest with AES-256-GCM under
 * PEERKRACHT_DATA_KEY; only the masked form in clear) and the account holder's name. Purpose:
 * paying the coach. Retention: until the coach removes it, at the latest 7 years after the last
 * payout it was used for. Not special-category.
 */
export const coachBankAccounts = pgTable('coach_bank_accounts', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  institutionId: uuid('institution_id')
    .notNull()
    .references(() => institutions.id, { onDelete: 'cascade' }),
  /** iv (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext of the IBAN in electronic format. */
  ibanEncrypted: bytea('iban_encrypted').notNull(),
  /** e.g. `NL•• •••• •••• ••43 00`: what others than the coach and finance may see. */
  ibanMasked: text('iban_masked').notNull(),
  holderName: text('holder_name').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The account the institution pays from (the debtor of the SEPA file). No personal data (an
 * organisation's account); the last editor is a staff member.
 */
export const institutionPaymentSettings = pgTable('institution_payment_settings', {
  institutionId: uuid('institution_id')
    .primaryKey()
    .references(() => institutions.id, { onDelete: 'cascade' }),
  debtorName: text('debtor_name').notNull(),
  debtorIban: text('debtor_iban').notNull(),
  debtorBic: text('debtor_bic'),
  updatedById: uuid('updated_by_id').references(() => people.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A payout batch: one SEPA credit-transfer file (and its CSV twin) finance created and, later,
 * marked paid. Personal data: the files (coaches' names, IBANs, amounts), stored encrypted like
 * the IBANs; who created and marked it. Purpose: paying coaches and the fiscal record.
 * Retention: 7 years after it was paid.
 */
export const payoutBatches = pgTable(
  'payout_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** The SEPA MsgId: unique, SEPA character set. */
    messageId: text('message_id').notNull(),
    executionDate: date('execution_date').notNull(),
    transferCount: integer('transfer_count').notNull(),
    controlSumCents: integer('control_sum_cents').notNull(),
    sepaXmlEncrypted: bytea('sepa_xml_encrypted').notNull(),
    csvEncrypted: bytea('csv_encrypted').notNull(),
    createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
    paidOn: date('paid_on'),
    markedPaidById: uuid('marked_paid_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('payout_batches_message_uq').on(t.messageId), index('payout_batches_institution_idx').on(t.institutionId, t.createdAt)],
);

export const EXPENSE_CATEGORIES = ['groceries', 'travel', 'materials', 'other'] as const;
export const EXPENSE_STATUSES = ['submitted', 'approved', 'rejected'] as const;

/**
 * An expense a coach paid for the programme and claims back. Personal data: who, what, how much,
 * the coordinator's decision and reason. Purpose: reimbursing the coach; the fiscal record.
 * Retention: 7 years after the end of the year it was decided (or submitted). Not special-category.
 */
export const expenseClaims = pgTable(
  'expense_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    spentOn: date('spent_on').notNull(),
    amountCents: integer('amount_cents').notNull(),
    category: text('category', { enum: EXPENSE_CATEGORIES }).notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: EXPENSE_STATUSES }).notNull().default('submitted'),
    decidedById: uuid('decided_by_id').references(() => people.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    /** Set on approval: the date the coach is promised the money by. */
    promisedPayDate: date('promised_pay_date'),
    payoutId: uuid('payout_id').references(() => payoutBatches.id, { onDelete: 'set null' }),
    paidOn: date('paid_on'),
    createdAt: createdAt(),
  },
  (t) => [
    index('expense_claims_programme_idx').on(t.programmeId, t.status),
    index('expense_claims_coach_idx').on(t.coachId, t.createdAt),
    check('expense_claims_amount_ck', sql`${t.amountCents} > 0 and ${t.amountCents} <= 100000`),
    check('expense_claims_category_ck', sql`${t.category} in ('groceries', 'travel', 'materials', 'other')`),
    check('expense_claims_status_ck', sql`${t.status} in ('submitted', 'approved', 'rejected')`),
  ],
);

/**
 * The receipt of an expense claim (photo re-encoded without metadata, or PDF), uploaded before the
 * claim is sent (claimId null until then). Personal data: what the receipt shows (a purchase, a
 * shop, sometimes a name). Visible to the coach, the programme's coordinator and finance only.
 * Retention: as the claim; an upload never attached to a claim goes after one day.
 */
export const expenseReceipts = pgTable(
  'expense_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    claimId: uuid('claim_id').references(() => expenseClaims.id, { onDelete: 'cascade' }),
    /** Detected from the file's bytes, never taken from a name or a declared type. */
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('expense_receipts_claim_uq').on(t.claimId),
    index('expense_receipts_owner_idx').on(t.ownerId),
    check('expense_receipts_type_ck', sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')`),
  ],
);

/**
 * One transfer of a payout batch: an allowance statement or an expense claim, paid to a coach.
 * The unique indexes make paying the same item twice impossible, also when two batches are
 * created at once. Personal data: who was paid how much. Retention: as the batch.
 */
export const payoutTransfers = pgTable(
  'payout_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => payoutBatches.id, { onDelete: 'cascade' }),
    coachId: uuid('coach_id').references(() => people.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['allowance', 'expense'] }).notNull(),
    /** The allowance statement (module compensation) this transfer pays. */
    statementId: uuid('statement_id'),
    claimId: uuid('claim_id').references(() => expenseClaims.id, { onDelete: 'set null' }),
    amountCents: integer('amount_cents').notNull(),
    endToEndId: text('end_to_end_id').notNull(),
  },
  (t) => [
    index('payout_transfers_batch_idx').on(t.batchId),
    uniqueIndex('payout_transfers_statement_uq').on(t.statementId),
    uniqueIndex('payout_transfers_claim_uq').on(t.claimId),
    check('payout_transfers_kind_ck', sql`${t.kind} in ('allowance', 'expense')`),
  ],
);

/**
 * That the overdue reminder for a statement or claim was sent: the reminder goes exactly once per
 * item. No personal data beyond the item's id. Retention: as the item (7 years).
 */
export const payoutReminders = pgTable(
  'payout_reminders',
  {
    itemKind: text('item_kind', { enum: ['allowance', 'expense'] }).notNull(),
    itemId: uuid('item_id').notNull(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemKind, t.itemId] })],
);
