import type { Services } from '../../context';
import { identityRepository } from './repository';
import { digest, newToken } from './secrets';

export const SESSION_DAYS = 14;

export type OpenedSession = { sessionToken: string; csrfToken: string; expiresAt: Date; personId: string };

/**
 * Opens a signed-in session for a person whose identity has just been proven — by password,
 * sign-in link or invitation. Every way in ends here, so a step that must come before a session
 * (a second factor) has one place to hook into.
 */
export async function openSession(services: Services, personId: string): Promise<OpenedSession> {
  const sessionToken = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(services.now().getTime() + SESSION_DAYS * 86_400_000);
  await identityRepository(services.db).createSession({ tokenHash: digest(sessionToken), personId, csrfToken, expiresAt });
  return { sessionToken, csrfToken, expiresAt, personId };
}
