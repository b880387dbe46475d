/** Request and response schemas of coach compensation's money side: claims, IBANs, payouts (#17). */
import { z } from 'zod';
import { EXPENSE_CATEGORIES } from '../domain/finance/expense-claim';

const Uuid = z.string().uuid();
const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);

export const ExpenseCategory = z.enum(EXPENSE_CATEGORIES);

/** Where a payment stands, as the coach sees it. */
export const PaymentStatus = z.enum(['submitted', 'rejected', 'approved', 'inBatch', 'paid', 'overdue']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const ExpenseClaim = z.object({
  id: Uuid,
  coach: z.object({ id: Uuid, name: z.string() }),
  programmeId: Uuid,
  spentOn: IsoDate,
  amountCents: z.number().int(),
  category: ExpenseCategory,
  description: z.string(),
  status: z.enum(['submitted', 'approved', 'rejected']),
  paymentStatus: PaymentStatus,
  rejectReason: z.string().nullable(),
  promisedPayDate: IsoDate.nullable(),
  paidOn: IsoDate.nullable(),
  receiptType: z.string().nullable(),
  createdAt: z.string(),
});
export type ExpenseClaim = z.infer<typeof ExpenseClaim>;

export const SubmitExpenseClaimRequest = z.strictObject({
  spentOn: IsoDate,
  /** Cents; the bounds (1 cent to €1,000) are checked with a message of their own. */
  amountCents: z.number().int().min(-100_000_000).max(100_000_000),
  category: ExpenseCategory,
  description: Text(500),
  /** The receipt uploaded just before (`PUT /api/me/payments/receipts`). */
  receiptId: Uuid,
});
export type SubmitExpenseClaimRequest = z.infer<typeof SubmitExpenseClaimRequest>;

export const UploadReceiptResponse = z.object({ receiptId: Uuid, contentType: z.string(), byteSize: z.number().int() });

export const DecideExpenseClaimRequest = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  /** Required when rejecting: the coach reads it. */
  reason: z.string().trim().max(500).optional(),
});
export type DecideExpenseClaimRequest = z.infer<typeof DecideExpenseClaimRequest>;

export const BankAccount = z.object({ iban: z.string(), ibanFormatted: z.string(), holderName: z.string() });

export const SaveBankAccountRequest = z.strictObject({ iban: z.string().max(64), holderName: Text(70) });
export type SaveBankAccountRequest = z.infer<typeof SaveBankAccountRequest>;

/** A payment to the coach: an allowance statement or an expense claim. */
export const Payment = z.object({
  kind: z.enum(['allowance', 'expense']),
  id: Uuid,
  /** The statement's month (YYYY-MM) or the claim's date. */
  label: z.string(),
  amountCents: z.number().int(),
  status: PaymentStatus,
  promisedPayDate: IsoDate.nullable(),
  paidOn: IsoDate.nullable(),
});
export type Payment = z.infer<typeof Payment>;

export const MyCompensationResponse = z.object({
  bankAccount: BankAccount.nullable(),
  claims: z.array(ExpenseClaim),
  payments: z.array(Payment),
});
export type MyCompensationResponse = z.infer<typeof MyCompensationResponse>;

export const OnTimeFigure = z.object({ period: z.string(), due: z.number().int(), onTime: z.number().int(), late: z.number().int(), share: z.number().nullable() });
export const PaidOnTime = z.object({ months: z.array(OnTimeFigure), years: z.array(OnTimeFigure) });
export type PaidOnTime = z.infer<typeof PaidOnTime>;

/** An approved, unpaid payment as the programme or finance sees it. */
export const PayableItem = z.object({
  kind: z.enum(['allowance', 'expense']),
  id: Uuid,
  coach: z.object({ id: Uuid, name: z.string() }),
  programmeId: Uuid,
  label: z.string(),
  amountCents: z.number().int(),
  promisedPayDate: IsoDate.nullable(),
  overdue: z.boolean(),
  /** In a payout batch that finance has not yet marked paid. */
  inBatch: z.boolean(),
});
export type PayableItem = z.infer<typeof PayableItem>;

export const ProgrammeFinanceResponse = z.object({
  claims: z.array(ExpenseClaim),
  overdue: z.array(PayableItem),
  paidOnTime: PaidOnTime,
});
export type ProgrammeFinanceResponse = z.infer<typeof ProgrammeFinanceResponse>;

export const PaymentSettings = z.object({ debtorName: z.string(), debtorIban: z.string(), debtorBic: z.string().nullable() });
export const PaymentSettingsResponse = z.object({ settings: PaymentSettings.nullable() });
export const SavePaymentSettingsRequest = z.strictObject({ debtorName: Text(70), debtorIban: z.string().max(64), debtorBic: z.string().trim().max(11).optional() });
export type SavePaymentSettingsRequest = z.infer<typeof SavePaymentSettingsRequest>;

export const PayoutBatch = z.object({
  id: Uuid,
  messageId: z.string(),
  executionDate: IsoDate,
  transferCount: z.number().int(),
  controlSumCents: z.number().int(),
  paidOn: IsoDate.nullable(),
  createdAt: z.string(),
});
export type PayoutBatch = z.infer<typeof PayoutBatch>;

export const PayablesResponse = z.object({
  settings: PaymentSettings.nullable(),
  /** Payable now: approved, unpaid, and the coach has an IBAN (shown in full to finance). */
  items: z.array(PayableItem.extend({ iban: z.string().nullable() })),
  totalCents: z.number().int(),
  /** Coaches with approved payments but no IBAN yet: their items wait. */
  waitingForIban: z.number().int(),
  overdue: z.number().int(),
  batches: z.array(PayoutBatch),
});
export type PayablesResponse = z.infer<typeof PayablesResponse>;

export const CreatePayoutBatchRequest = z.strictObject({ executionDate: IsoDate });
export const CreatePayoutBatchResponse = z.object({ id: Uuid, transfers: z.number().int(), controlSumCents: z.number().int(), waitingForIban: z.number().int() });
export type CreatePayoutBatchResponse = z.infer<typeof CreatePayoutBatchResponse>;

export const MarkPayoutPaidRequest = z.strictObject({ paidOn: IsoDate });

/** The figure for a home card: overdue payments the person can act on. */
export const OverdueSummaryResponse = z.object({ overdue: z.number().int(), oldestPromisedPayDate: IsoDate.nullable(), link: z.string().nullable() });
export type OverdueSummaryResponse = z.infer<typeof OverdueSummaryResponse>;
