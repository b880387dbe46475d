import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { identityRepository, type PersonRow } from './repository';
import { digest } from './secrets';

export type SignedIn = {
  actor: Actor;
  person: PersonRow;
  csrfToken: string;
  tokenHash: string;
  /** The person's role requires MFA and it is not on: only the set-up is reachable. */
  mfaSetupRequired: boolean;
};

/** Turns a session cookie into the signed-in person and their role grants, or null. */
export async function resolveSession(services: Services, sessionToken: string | undefined): Promise<SignedIn | null> {
  if (!sessionToken) return null;
  const repo = identityRepository(services.db);
  const tokenHash = digest(sessionToken);
  const found = await repo.findSignedIn(tokenHash, services.now());
  if (!found) return null;
  const { person, grants, csrfToken, mfaSetupRequired } = found;
  return {
    actor: { personId: person.id, institutionId: person.institutionId, grants },
    person,
    csrfToken,
    tokenHash,
    mfaSetupRequired,
  };
}
