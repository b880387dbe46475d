/** Finance marks a batch paid on a date: its statements and claims show "betaald op …". Once only. */
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { financeRepository } from './repository';
import { markStatementsPaid } from './statements';

export async function markPayoutPaid({ services, institutionId, batchId, paidOn, actorId }: { services: Services; institutionId: string; batchId: string; paidOn: string; actorId: string }) {
  return services.db.transaction(async (tx) => {
    const repo = financeRepository(tx);
    const batch = await repo.batch(institutionId, batchId);
    if (!batch) throw new AppError('not_found');
    if (!(await repo.markBatchPaid(batchId, paidOn, actorId))) throw new AppError('payout_already_paid');
    await repo.markClaimsPaid(batchId, paidOn);
    const statementIds = (await repo.transfersOf(batchId)).flatMap((t) => (t.statementId ? [t.statementId] : []));
    if (statementIds.length > 0) await markStatementsPaid(tx, { statementIds, payoutId: batchId, paidOn });
    return { id: batchId, paidOn };
  });
}
