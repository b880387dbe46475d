/** How a claim row reads to the client: the coach's name and where its payment stands. */
import type { ExpenseClaim, PaymentStatus } from '../../../contracts/finance';
import { zonedParts } from '../../../domain/sessions/zoned-time';
import type { ClaimListRow } from './repository';

export function paymentStatus(item: { status?: 'submitted' | 'approved' | 'rejected'; promisedPayDate: string | null; paidOn: string | null; payoutId: string | null }, today: string): PaymentStatus {
  if (item.status === 'submitted' || item.status === 'rejected') return item.status;
  if (item.paidOn) return 'paid';
  if (item.promisedPayDate && item.promisedPayDate < today) return 'overdue';
  return item.payoutId ? 'inBatch' : 'approved';
}

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
/**
 * The calendar day in the Netherlands ("2026-12-07"), what "today" means to finance, coaches and
 * the web client (which shows and sends Amsterdam dates). Not the UTC day: between 23:00 and 24:00
 * UTC in winter they differ, and "paid today" would be refused as a date in the future.
 */
export const isoDay = (d: Date) => zonedParts(d).date;

export function claimView(row: ClaimListRow, today: string): ExpenseClaim {
  return {
    id: row.id,
    coach: { id: row.coachId, name: fullName({ firstName: row.coachFirstName, lastName: row.coachLastName }) },
    programmeId: row.programmeId,
    spentOn: row.spentOn,
    amountCents: row.amountCents,
    category: row.category,
    description: row.description,
    status: row.status,
    paymentStatus: paymentStatus(row, today),
    rejectReason: row.rejectReason,
    promisedPayDate: row.promisedPayDate,
    paidOn: row.paidOn,
    receiptType: row.receiptType,
    createdAt: row.createdAt.toISOString(),
  };
}
