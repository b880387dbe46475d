import type { Services } from '../../context';
import { mfaRepository } from './mfa-repository';
import { identityRepository } from './repository';

/**
 * Retention (docs/privacy.md): signed-in sessions end at their expiry, reset tokens when used
 * or a day after they expire, sign-in link tokens a day after they expire, and sign-ins awaiting
 * an MFA code after five minutes. None works any more by then, so deleting them changes nothing a
 * person can do; it only stops the tables keeping who signed in when. Run by the job poller of
 * every instance (src/server/job-handlers.ts, `retentionPurges`); deleting twice is harmless.
 */
export const purgeExpiredSignIns = async (services: Services): Promise<void> => {
  const repo = identityRepository(services.db);
  await repo.deleteExpiredSessions(services.now());
  await repo.deleteSpentResetTokens(services.now());
  await repo.deleteSpentMagicLinkTokens(services.now());
  await mfaRepository(services.db).deleteExpiredPending(services.now());
};
