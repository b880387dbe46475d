/** The coach's own page: their bank account, their claims, and every payment with its status and date. */
import type { MyCompensationResponse, Payment } from '../../../contracts/finance';
import { formatIban } from '../../../domain/finance/iban';
import type { Services } from '../../context';
import { ibansOf } from './bank-account';
import { claimView, isoDay, paymentStatus } from './claim-view';
import { financeRepository } from './repository';
import { approvedStatements } from './statements';

export async function getMyCompensation({ services, institutionId, coachId }: { services: Services; institutionId: string; coachId: string }): Promise<MyCompensationResponse> {
  const today = isoDay(services.now());
  const repo = financeRepository(services.db);
  const [claims, accounts, statements] = await Promise.all([repo.claimsOfCoach(coachId), ibansOf(services, [coachId]), approvedStatements(services.db, { institutionId, coachId })]);
  const account = accounts.get(coachId);
  const inBatch = await repo.transferredStatementIds(statements.filter((s) => !s.paidOn).map((s) => s.statementId));
  const payments: Payment[] = [
    ...statements.map((s) => ({ kind: 'allowance' as const, id: s.statementId, label: s.month, amountCents: s.amountCents, status: paymentStatus({ ...s, payoutId: s.payoutId ?? (inBatch.has(s.statementId) ? 'batch' : null) }, today), promisedPayDate: s.promisedPayDate, paidOn: s.paidOn })),
    ...claims
      .filter((c) => c.status === 'approved')
      .map((c) => ({ kind: 'expense' as const, id: c.id, label: c.spentOn, amountCents: c.amountCents, status: paymentStatus(c, today), promisedPayDate: c.promisedPayDate, paidOn: c.paidOn })),
  ].sort((a, b) => (b.promisedPayDate ?? '').localeCompare(a.promisedPayDate ?? ''));
  return {
    bankAccount: account ? { iban: account.iban, ibanFormatted: formatIban(account.iban), holderName: account.holderName } : null,
    claims: claims.map((c) => claimView(c, today)),
    payments,
  };
}
