/**
 * The face of the sso context (single sign-on through OpenID Connect). Everything else in this
 * folder is private; ESLint refuses imports past this file (ADR 0008).
 */
import type { Services } from '../../context';
import { ssoRepository } from './repository';

/** Retention: OpenID Connect sign-ins in progress that were used or expired (run hourly by the poller). */
export const purgeOidcAttempts = async (services: Services): Promise<void> => {
  await ssoRepository(services.db).purgeAttempts(services.now());
};
