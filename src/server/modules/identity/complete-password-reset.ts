import { AppError } from '../../errors/app-error';
import type { Services } from '../../context';
import { identityRepository } from './repository';
import { digest, hashPassword } from './secrets';

export type CompletePasswordResetOptions = { services: Services; token: string; password: string };

/** Sets the new password, uses up the token and signs the person out everywhere. */
export async function completePasswordReset({ services, token, password }: CompletePasswordResetOptions): Promise<void> {
  const hash = await hashPassword(password);
  await services.db.transaction(async (tx) => {
    const repo = identityRepository(tx);
    const personId = await repo.consumeResetToken(digest(token), services.now());
    if (!personId) throw new AppError('reset_token_invalid');
    await repo.setPasswordHash(personId, hash);
    await repo.deleteSessionsOf(personId);
  });
}
