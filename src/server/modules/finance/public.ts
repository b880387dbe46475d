/**
 * The face of the finance context (coach compensation's money side: expense claims, coaches'
 * IBANs, payout batches, paid on time). Everything else in this folder is private; ESLint refuses
 * imports past this file (ADR 0008).
 */

/** The overdue-reminder job kind and its handler (job-handlers.ts). */
export { OVERDUE_REMINDER_JOB, sendOverdueReminders } from './overdue-reminders';
/** Schedules the reminder jobs of coming promised dates; a retention hook of the job poller (job-handlers.ts). */
export { scheduleOverdueReminders } from './overdue-reminders';
/** "Paid on time" per month and year, of an institution or a programme (the evidence dashboard). */
export { getPaidOnTime } from './paid-on-time';
/** The SEPA file of everything payable now, checked and XSD-validated, without storing or marking anything (the CLI). */
export { preparePayout, type PreparedPayout } from './create-payout-batch';
/** Demo data: coaches' IBANs, a paying account, approved claims with receipts (src/server/demo). */
export { loadFinanceDemo } from './load-finance-demo';
/** Approved, unpaid statements and claims (`inBatch` when already in a batch): the home page's "payouts to make". */
export { listPayableItems } from './payables';
