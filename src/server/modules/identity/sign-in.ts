import { AppError } from '../../errors/app-error';
import type { Services } from '../../context';
import { countAttempt, signInRules } from './attempt-limits';
import { openSession, type OpenedSession } from './open-session';
import { identityRepository } from './repository';
import { timingDummyHash, verifyPassword } from './secrets';
import { refuseDeactivated } from './sign-in-rules';

export type SignInOptions = {
  services: Services;
  email: string;
  password: string;
  /** The client's address as the server sees it (request.ip, after the trusted proxies). */
  address: string;
  /** The browser's User-Agent header, kept with the session to name it on "Waar ben ik ingelogd". */
  userAgent?: string | undefined;
};

/**
 * Checks e-mail and password, then opens a session (or, with MFA on, a pending sign-in: see
 * open-session.ts). Unknown e-mail and wrong password look alike, and count alike against the
 * attempt limits (attempt-limits.ts); a success is not counted. Refused when the institution
 * switched password sign-in off.
 */
export async function signIn({ services, email, password, address, userAgent }: SignInOptions): Promise<OpenedSession> {
  if (!services.config.signIn.password) throw new AppError('password_sign_in_off');
  const attempt = await countAttempt(services, signInRules(services, address, email));
  const repo = identityRepository(services.db);
  const person = await repo.findPersonByEmail(email.trim());
  const storedHash = person ? await repo.passwordHash(person.id) : undefined;
  const valid = await verifyPassword(storedHash ?? (await timingDummyHash()), password);
  if (!person || !storedHash || !valid) throw new AppError('invalid_credentials');
  // Only someone who knows the password learns that the account is deactivated.
  refuseDeactivated(person);
  await attempt.succeeded();
  return openSession({ services, personId: person.id, method: 'password', userAgent });
}
