import type { Resource } from '../../../domain/access/policy';
import type { Db } from '../../db/client';
import { invitationsRepository } from './repository';

/** A person as the policy's `invitee`: null (404) when not in the actor's institution. */
export async function inviteeResource(db: Db, institutionId: string, personId: string): Promise<Resource | null> {
  const repo = invitationsRepository(db);
  if (!(await repo.personInInstitution(personId, institutionId))) return null;
  return { kind: 'invitee', institutionId, personId, programmeIds: await repo.programmesOf(personId) };
}
