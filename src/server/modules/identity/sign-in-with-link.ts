import { AppError } from '../../errors/app-error';
import type { Services } from '../../context';
import { countAttempt, tokenLinkRules } from './attempt-limits';
import { openSession, type OpenedSession } from './open-session';
import { identityRepository } from './repository';
import { digest } from './secrets';

export type SignInWithLinkOptions = { services: Services; token: string; address: string };

/**
 * Signs in with the token of a sign-in link. The token is used up in one conditional UPDATE, so
 * of two tabs that send it at the same moment exactly one gets a session. An expired, used or
 * unknown token changes nothing, says which of the three it was, and counts against the
 * attempt limit of the address.
 */
export async function signInWithLink({ services, token, address }: SignInWithLinkOptions): Promise<OpenedSession> {
  const attempt = await countAttempt(services, tokenLinkRules(address));
  const repo = identityRepository(services.db);
  const now = services.now();
  const tokenHash = digest(token);
  const personId = await repo.consumeMagicLinkToken(tokenHash, now);
  if (!personId) {
    const row = await repo.findMagicLinkToken(tokenHash);
    if (row?.personId && row.usedAt) throw new AppError('magic_link_used');
    if (row?.personId && row.expiresAt.getTime() <= now.getTime()) throw new AppError('magic_link_expired');
    throw new AppError('magic_link_invalid');
  }
  const session = await openSession({ services, personId, method: 'magic-link' });
  await attempt.succeeded();
  return session;
}
