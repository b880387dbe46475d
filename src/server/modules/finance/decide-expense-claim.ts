/**
 * The coordinator approves or rejects a claim. Two decisions at once: the first wins, the other
 * gets 409 and changes nothing. An approval sets the promised pay date; the overdue reminder for
 * that date is scheduled with it.
 */
import type { DecideExpenseClaimRequest } from '../../../contracts/finance';
import { claimPromisedPayDate } from '../../../domain/finance/expense-claim';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { isoDay } from './claim-view';
import { fieldError } from './field-error';
import { scheduleOverdueReminder } from './overdue-reminders';
import { financeRepository } from './repository';

export async function decideExpenseClaim({ services, claimId, deciderId, decision, locale }: { services: Services; claimId: string; deciderId: string; decision: DecideExpenseClaimRequest; locale: Locale }) {
  const reason = decision.reason?.trim() ?? '';
  if (decision.decision === 'reject' && reason === '') throw fieldError(locale, 'reason', 'decision.reasonRequired');
  const now = services.now();
  return services.db.transaction(async (tx) => {
    const approved = decision.decision === 'approve';
    const row = await financeRepository(tx).decideClaim(claimId, {
      status: approved ? 'approved' : 'rejected',
      decidedById: deciderId,
      decidedAt: now,
      rejectReason: approved ? null : reason,
      promisedPayDate: approved ? claimPromisedPayDate(isoDay(now)) : null,
    });
    if (!row) throw new AppError('claim_already_decided');
    if (row.promisedPayDate) await scheduleOverdueReminder(tx, row.institutionId, row.promisedPayDate);
    return { id: row.id, status: row.status, promisedPayDate: row.promisedPayDate };
  });
}
