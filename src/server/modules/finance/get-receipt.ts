/** A claim's receipt, for the people the policy lets read the claim. */
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { financeRepository } from './repository';

export async function getReceipt({ services, claimId }: { services: Services; claimId: string }) {
  const row = await financeRepository(services.db).receiptOfClaim(claimId);
  if (!row) throw new AppError('not_found');
  return row;
}
