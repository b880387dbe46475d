import { AppError } from '../../errors/app-error';
import type { Services } from '../../context';
import { checkSecondFactor } from './check-second-factor';
import { mfaRepository } from './mfa-repository';
import { startSession, type OpenedSession } from './open-session';
import { digest } from './secrets';

export type CompleteMfaSignInOptions = { services: Services; pendingToken: string | undefined; code: string; address: string };

/**
 * The second sign-in step: the pending sign-in (from the browser's cookie) and a code open the
 * session. A wrong code leaves the pending sign-in for another try (attempt limits apply); an
 * expired or used one answers `mfa_pending_invalid`. Two requests with good codes: one session.
 */
export async function completeMfaSignIn({ services, pendingToken, code, address }: CompleteMfaSignInOptions): Promise<OpenedSession & { kind: 'session' }> {
  if (!pendingToken) throw new AppError('mfa_pending_invalid');
  const repo = mfaRepository(services.db);
  const tokenHash = digest(pendingToken);
  const pending = await repo.findPending(tokenHash, services.now());
  if (!pending) throw new AppError('mfa_pending_invalid');
  await checkSecondFactor({ services, personId: pending.personId, code, address });
  if (!(await repo.consumePending(tokenHash, services.now()))) throw new AppError('mfa_pending_invalid');
  return startSession(services, pending.personId, false);
}
