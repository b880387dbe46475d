/** The coordinator's page: the programme's claims (to decide first), overdue payments, paid on time. */
import type { ProgrammeFinanceResponse } from '../../../contracts/finance';
import type { Services } from '../../context';
import { claimView, isoDay } from './claim-view';
import { getPaidOnTime } from './paid-on-time';
import { listPayableItems } from './payables';
import { financeRepository } from './repository';

export async function getProgrammeFinance({ services, institutionId, programmeId }: { services: Services; institutionId: string; programmeId: string }): Promise<ProgrammeFinanceResponse> {
  const today = isoDay(services.now());
  const [claims, unpaid, paidOnTime] = await Promise.all([
    financeRepository(services.db).claimsOfProgramme(programmeId),
    listPayableItems(services.db, institutionId, today, programmeId),
    getPaidOnTime(services.db, { institutionId, programmeId }, today),
  ]);
  return { claims: claims.map((c) => claimView(c, today)), overdue: unpaid.filter((i) => i.overdue), paidOnTime };
}
