import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { identityRepository, type PersonRow } from './repository';
import { digest } from './secrets';

export type SignedIn = {
  actor: Actor;
  person: PersonRow;
  csrfToken: string;
  tokenHash: string;
  sessionId: string;
  /** The person's role requires MFA and it is not on: only the set-up is reachable. */
  mfaSetupRequired: boolean;
};

/** How stale a session's "last seen" may get before a request records it again. */
export const LAST_SEEN_EVERY_MS = 5 * 60_000;

/**
 * Token digests whose "last seen" this instance wrote, and when: a session read from the access
 * cache carries the last-seen time it was cached with, so without this every request after five
 * minutes would try the (conditional) update again. Bounded; forgetting only costs one no-op update.
 */
const touched = new Map<string, number>();

/** Turns a session cookie into the signed-in person and their role grants, or null. */
export async function resolveSession(services: Services, sessionToken: string | undefined): Promise<SignedIn | null> {
  if (!sessionToken) return null;
  const repo = identityRepository(services.db);
  const tokenHash = digest(sessionToken);
  const now = services.now();
  const found = await repo.findSignedIn(tokenHash, now);
  if (!found) return null;
  const { person, grants, csrfToken, sessionId, lastSeenAt, mfaSetupRequired } = found;
  const seen = Math.max(lastSeenAt.getTime(), touched.get(tokenHash) ?? 0);
  if (now.getTime() - seen >= LAST_SEEN_EVERY_MS) {
    if (touched.size >= 10_000) touched.clear();
    touched.set(tokenHash, now.getTime());
    await repo.touchSession(tokenHash, now, LAST_SEEN_EVERY_MS);
  }
  return {
    actor: { personId: person.id, institutionId: person.institutionId, grants },
    person,
    csrfToken,
    tokenHash,
    mfaSetupRequired,
    sessionId,
  };
}
