import { AppError } from '../../errors/app-error';
import type { Services } from '../../context';
import { countAttempt, signInRules } from './attempt-limits';
import { identityRepository } from './repository';
import { openSession, type OpenedSession } from './open-session';
import { timingDummyHash, verifyPassword } from './secrets';


export type SignInOptions = {
  services: Services;
  email: string;
  password: string;
  /** The client's address as the server sees it (request.ip, after the trusted proxies). */
  address: string;
};
export type SignInResult = OpenedSession;

/**
 * Checks e-mail and password and opens a session. Unknown e-mail and wrong password look alike,
 * and count alike against the attempt limits (attempt-limits.ts); a success is not counted.
 */
export async function signIn({ services, email, password, address }: SignInOptions): Promise<SignInResult> {
  const attempt = await countAttempt(services, signInRules(services, address, email));
  const repo = identityRepository(services.db);
  const person = await repo.findPersonByEmail(email.trim());
  const storedHash = person ? await repo.passwordHash(person.id) : undefined;
  const valid = await verifyPassword(storedHash ?? (await timingDummyHash()), password);
  if (!person || !storedHash || !valid) throw new AppError('invalid_credentials');

  const session = await openSession(services, person.id);
  await attempt.succeeded();
  return session;
}
