/**
 * Approved, unpaid statements and claims (`inBatch`: in a batch not yet marked paid) of an institution (or one programme), with the coach's
 * name: what finance pays next, what the coordinator sees as overdue.
 */
import type { PayableItem } from '../../../contracts/finance';
import type { Db } from '../../db/client';
import { fullName } from './claim-view';
import { financeRepository } from './repository';
import { payableStatements } from './statements';

export async function listPayableItems(db: Db, institutionId: string, today: string, programmeId?: string): Promise<PayableItem[]> {
  const repo = financeRepository(db);
  const [claims, statements] = await Promise.all([repo.unpaidClaims(institutionId), payableStatements(db, institutionId)]);
  const [names, inBatch] = await Promise.all([repo.personNames([...new Set(statements.map((s) => s.coachPersonId))]), repo.transferredStatementIds(statements.map((s) => s.statementId))]);
  const items: PayableItem[] = [
    ...statements.map((s) => {
      const name = names.get(s.coachPersonId);
      return { kind: 'allowance' as const, id: s.statementId, coach: { id: s.coachPersonId, name: name ? fullName(name) : '' }, programmeId: s.programmeId, label: s.month, amountCents: s.amountCents, promisedPayDate: s.promisedPayDate, overdue: s.promisedPayDate < today, inBatch: inBatch.has(s.statementId) };
    }),
    ...claims.map((c) => ({
      kind: 'expense' as const,
      id: c.id,
      coach: { id: c.coachId, name: fullName({ firstName: c.coachFirstName, lastName: c.coachLastName }) },
      programmeId: c.programmeId,
      label: c.description,
      amountCents: c.amountCents,
      promisedPayDate: c.promisedPayDate,
      overdue: c.promisedPayDate !== null && c.promisedPayDate < today,
      inBatch: c.payoutId !== null,
    })),
  ];
  return items.filter((i) => !programmeId || i.programmeId === programmeId).sort((a, b) => (a.promisedPayDate ?? '').localeCompare(b.promisedPayDate ?? '') || a.coach.name.localeCompare(b.coach.name));
}
