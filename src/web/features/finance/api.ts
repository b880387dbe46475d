/** The compensation money screens' calls, typed by the shared contracts. */
import type {
  BankAccount,
  CreatePayoutBatchResponse,
  MyCompensationResponse,
  OverdueSummaryResponse,
  PayablesResponse,
  ProgrammeFinanceResponse,
  SubmitExpenseClaimRequest,
} from '../../../contracts/finance';
import type { z } from 'zod';
import { api } from '../../api';
import { formatDate, todayInAmsterdam } from '../../format';

type Settings = { settings: { debtorName: string; debtorIban: string; debtorBic: string | null } | null };

export const financeApi = {
  mine: () => api<MyCompensationResponse>('/api/me/payments'),
  saveBankAccount: (body: { iban: string; holderName: string }) => api<z.infer<typeof BankAccount>>('/api/me/payments/bank-account', { method: 'PUT', body }),
  uploadReceipt: (file: File) => api<{ receiptId: string }>('/api/me/payments/receipts', { method: 'PUT', body: file }),
  submitClaim: (body: SubmitExpenseClaimRequest) => api<{ id: string }>('/api/me/payments/expense-claims', { method: 'POST', body }),
  programme: (programmeId: string) => api<ProgrammeFinanceResponse>(`/api/programmes/${programmeId}/finance`),
  decide: (claimId: string, body: { decision: 'approve' | 'reject'; reason?: string }) =>
    api<{ id: string; status: string; promisedPayDate: string | null }>(`/api/expense-claims/${claimId}/decision`, { method: 'POST', body }),
  overdue: () => api<OverdueSummaryResponse>('/api/me/overdue-payments'),
  payables: () => api<PayablesResponse>('/api/finance/payables'),
  saveSettings: (body: { debtorName: string; debtorIban: string; debtorBic?: string }) => api<Settings>('/api/finance/payment-settings', { method: 'PUT', body }),
  createBatch: (executionDate: string) => api<CreatePayoutBatchResponse>('/api/finance/payout-batches', { method: 'POST', body: { executionDate } }),
  markPaid: (batchId: string, paidOn: string) => api<{ id: string; paidOn: string }>(`/api/finance/payout-batches/${batchId}/paid`, { method: 'POST', body: { paidOn } }),
};

/** € 18,45 / €18.45 */
export const money = (cents: number, lang: string) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
/** 25 maart 2026 / 25 March 2026 */
export const day = (iso: string, lang: string) => formatDate(iso, 'long', lang);
export const todayIso = () => todayInAmsterdam();

/** Cents from what a person types: 18,45 or 18.45 or 18; null when it is no amount. */
export function parseEuros(text: string): number | null {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text.replace(/^€\s*/, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}
