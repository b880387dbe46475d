/** A coach claims an expense with the receipt they just uploaded; the coordinator decides. */
import type { SubmitExpenseClaimRequest } from '../../../contracts/finance';
import { checkClaim, EXPENSE_MAX_CENTS } from '../../../domain/finance/expense-claim';
import type { Locale } from '../../../i18n/translate';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { isoDay } from './claim-view';
import { financeRepository } from './repository';

export type SubmitExpenseClaimOptions = { services: Services; institutionId: string; programmeId: string; coachId: string; claim: SubmitExpenseClaimRequest; locale: Locale };

export async function submitExpenseClaim({ services, institutionId, programmeId, coachId, claim, locale }: SubmitExpenseClaimOptions) {
  const problems = checkClaim(claim, isoDay(services.now()));
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      'claim rules',
      {},
      problems.map((p) => ({ path: p.field, message: translate(locale, `finance.errors.claim.${p.problem}`, { max: EXPENSE_MAX_CENTS / 100 }) })),
    );
  }
  return services.db.transaction(async (tx) => {
    const repo = financeRepository(tx);
    const { receiptId, ...values } = claim;
    const row = await repo.insertClaim({ ...values, institutionId, programmeId, coachId, createdAt: services.now() });
    if (!(await repo.attachReceipt(receiptId, coachId, row.id))) {
      throw new AppError('validation_failed', 'receipt not found', {}, [{ path: 'receiptId', message: translate(locale, 'finance.errors.receipt.missing') }]);
    }
    return { id: row.id };
  });
}
