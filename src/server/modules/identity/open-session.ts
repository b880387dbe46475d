/**
 * The one "open a session" step that every sign-in method ends in (password, SSO, magic link,
 * activation), and so the one place where MFA is decided (ADR 0010):
 *  - MFA on and not already done by the SSO → no session yet: a pending sign-in, five minutes,
 *    that the TOTP or recovery code completes (complete-mfa-sign-in.ts);
 *  - MFA off but required for one of the person's roles → a session that reaches only the
 *    MFA set-up until it is on (access-hook.ts);
 *  - otherwise → a session.
 */
import type { Services } from '../../context';
import { holdsRequiredRole } from './mfa-required';
import { mfaRepository } from './mfa-repository';
import { identityRepository } from './repository';
import { cutUserAgent, refuseDeactivated } from './sign-in-rules';
import { AppError } from '../../errors/app-error';
import { digest, newToken } from './secrets';

export const SESSION_DAYS = 14;
export const PENDING_MFA_MINUTES = 5;

export type SignInMethod = 'password' | 'oidc' | 'magic-link' | 'activation';

export type OpenSessionOptions = {
  services: Services;
  personId: string;
  method: SignInMethod;
  /** The SSO's `acr` says it did MFA, and the institution counts that value (OIDC only). */
  mfaDoneBySso?: boolean;
  /** The browser's User-Agent header, kept with the session to name it on "Waar ben ik ingelogd". */
  userAgent?: string | undefined;
};

export type OpenedSession =
  | { kind: 'session'; sessionToken: string; csrfToken: string; expiresAt: Date; personId: string }
  | { kind: 'mfa'; pendingToken: string; expiresAt: Date };

export async function openSession({ services, personId, method, mfaDoneBySso = false, userAgent }: OpenSessionOptions): Promise<OpenedSession> {
  // A deactivated account opens nothing, whichever way it signs in.
  const person = await identityRepository(services.db).findPerson(personId);
  if (!person) throw new AppError('invalid_credentials');
  refuseDeactivated(person);
  const totp = await mfaRepository(services.db).totpOf(personId);
  const enabled = Boolean(totp?.confirmedAt);
  if (enabled && !mfaDoneBySso) {
    const pendingToken = newToken();
    const expiresAt = new Date(services.now().getTime() + PENDING_MFA_MINUTES * 60_000);
    await mfaRepository(services.db).createPending({ tokenHash: digest(pendingToken), personId, method, expiresAt });
    return { kind: 'mfa', pendingToken, expiresAt };
  }
  const setupRequired = !enabled && !mfaDoneBySso && (await holdsRequiredRole(services, personId));
  return startSession(services, personId, setupRequired, userAgent);
}

/** A new session row; only its token's digest is stored. */
export async function startSession(services: Services, personId: string, mfaSetupRequired: boolean, userAgent?: string): Promise<OpenedSession & { kind: 'session' }> {
  const sessionToken = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(services.now().getTime() + SESSION_DAYS * 86_400_000);
  await identityRepository(services.db).createSession({ tokenHash: digest(sessionToken), personId, csrfToken, expiresAt, mfaSetupRequired, userAgent: cutUserAgent(userAgent), lastSeenAt: services.now() });
  return { kind: 'session', sessionToken, csrfToken, expiresAt, personId };
}
