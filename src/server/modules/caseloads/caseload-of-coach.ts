/** The caseload of one coach in an intake, created (with its coach history) when the coach has none yet. */
import type { Db } from '../../db/client';
import { changeCoach } from '../communities/public';
import { caseloadsOf, insertCaseload, nextCaseloadNumber } from './repository';

export async function caseloadOfCoach(tx: Db, intakeId: string, coachId: string, at: Date): Promise<string> {
  const existing = (await caseloadsOf(tx, intakeId)).find((c) => c.coachId === coachId);
  if (existing) return existing.id;
  const id = await insertCaseload(tx, intakeId, await nextCaseloadNumber(tx, intakeId), at);
  await changeCoach(tx, id, coachId, at, 'changed');
  return id;
}
