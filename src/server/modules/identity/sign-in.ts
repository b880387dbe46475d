import { AppError } from '../../errors/app-error';
import type { Services } from '../../context';
import { countAttempt, signInRules } from './attempt-limits';
import { identityRepository } from './repository';
import { digest, newToken, timingDummyHash, verifyPassword } from './secrets';
import { cutUserAgent, refuseDeactivated } from './sign-in-rules';

export const SESSION_DAYS = 14;

export type SignInOptions = {
  services: Services;
  email: string;
  password: string;
  /** The client's address as the server sees it (request.ip, after the trusted proxies). */
  address: string;
  /** The browser's User-Agent header, kept with the session to name it on "Waar ben ik ingelogd". */
  userAgent?: string | undefined;
};
export type SignInResult = { sessionToken: string; csrfToken: string; expiresAt: Date; personId: string };

/**
 * Checks e-mail and password and opens a session. Unknown e-mail and wrong password look alike,
 * and count alike against the attempt limits (attempt-limits.ts); a success is not counted.
 */
export async function signIn({ services, email, password, address, userAgent }: SignInOptions): Promise<SignInResult> {
  const attempt = await countAttempt(services, signInRules(services, address, email));
  const repo = identityRepository(services.db);
  const person = await repo.findPersonByEmail(email.trim());
  const storedHash = person ? await repo.passwordHash(person.id) : undefined;
  const valid = await verifyPassword(storedHash ?? (await timingDummyHash()), password);
  if (!person || !storedHash || !valid) throw new AppError('invalid_credentials');
  // Only someone who knows the password learns that the account is deactivated.
  refuseDeactivated(person);

  const sessionToken = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(services.now().getTime() + SESSION_DAYS * 86_400_000);
  await repo.createSession({ tokenHash: digest(sessionToken), personId: person.id, csrfToken, expiresAt, userAgent: cutUserAgent(userAgent), lastSeenAt: services.now() });
  await attempt.succeeded();
  return { sessionToken, csrfToken, expiresAt, personId: person.id };
}
