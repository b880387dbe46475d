import { AppError } from '../../errors/app-error';
import type { Services } from '../../context';
import { completeResetRules, countAttempt } from './attempt-limits';
import { identityRepository } from './repository';
import { digest, hashPassword } from './secrets';

export type CompletePasswordResetOptions = { services: Services; token: string; password: string; address: string };

/**
 * Sets the new password, uses up the token and signs the person out everywhere. Unknown, used
 * or expired tokens count against the attempt limit of the address.
 */
export async function completePasswordReset({ services, token, password, address }: CompletePasswordResetOptions): Promise<void> {
  // No passwords at an institution that signs in with SSO only: nothing to reset.
  if (!services.config.signIn.password) throw new AppError('password_sign_in_off');
  const attempt = await countAttempt(services, completeResetRules(address));
  const hash = await hashPassword(password);
  await services.db.transaction(async (tx) => {
    const repo = identityRepository(tx);
    const personId = await repo.consumeResetToken(digest(token), services.now());
    if (!personId) throw new AppError('reset_token_invalid');
    await repo.setPasswordHash(personId, hash);
    await repo.deleteSessionsOf(personId);
  });
  await attempt.succeeded();
}
