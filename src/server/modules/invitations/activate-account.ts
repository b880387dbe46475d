import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { countTokenLinkAttempt, digest, hashPassword, openSession, setPasswordHash, type OpenedSession } from '../identity/public';
import { cancelJob } from '../jobs/public';
import { invitationsRepository } from './repository';
import { reminderKey } from './send-invitation';

/** Why a link does not work, as the error the person reads. */
async function refusal(services: Services, tokenHash: string): Promise<AppError> {
  const found = await invitationsRepository(services.db).findToken(tokenHash);
  if (!found) return new AppError('invitation_invalid');
  if (found.token.usedAt || found.invitation.status === 'activated') return new AppError('invitation_used');
  if (found.token.revokedAt) return new AppError('invitation_replaced');
  if (found.token.expiresAt.getTime() <= services.now().getTime()) return new AppError('invitation_expired');
  return new AppError('invitation_invalid');
}

export type InvitationPreview = { firstName: string; email: string; institution: string; locale: Locale; expiresAt: string };

/**
 * What the activation page shows before the person chooses a password: whose account it is and
 * until when the link works. Reading changes nothing (a mail scanner may open the page).
 */
export async function previewInvitation({ services, token, address }: { services: Services; token: string; address: string }): Promise<InvitationPreview> {
  const attempt = await countTokenLinkAttempt(services, address);
  const tokenHash = digest(token);
  const found = await invitationsRepository(services.db).findToken(tokenHash);
  const now = services.now();
  if (!found || found.token.usedAt || found.token.revokedAt || found.invitation.status === 'activated' || found.token.expiresAt.getTime() <= now.getTime()) {
    throw await refusal(services, tokenHash);
  }
  const person = await invitationsRepository(services.db).invitee(found.invitation.personId);
  if (!person) throw new AppError('invitation_invalid');
  await attempt.succeeded();
  return { firstName: person.firstName, email: person.email, institution: person.institutionName, locale: person.locale === 'en' ? 'en' : 'nl', expiresAt: found.token.expiresAt.toISOString() };
}

export type ActivateAccountOptions = { services: Services; token: string; password: string; address: string };

/**
 * Activates the account with a password: in one transaction the link is used up (one
 * conditional UPDATE, so two tabs cannot both use it), the invitation becomes activated (once,
 * whichever of its links is used), its other links are revoked, the pending reminder cancelled
 * and the password stored. Then the person is signed in through the one session opener.
 * A forged, used, replaced or expired link changes nothing and counts against the address.
 */
export async function activateAccount({ services, token, password, address }: ActivateAccountOptions): Promise<OpenedSession> {
  const attempt = await countTokenLinkAttempt(services, address);
  const tokenHash = digest(token);
  const hash = await hashPassword(password);
  const now = services.now();
  const personId = await services.db.transaction(async (tx) => {
    const repo = invitationsRepository(tx);
    const invitationId = await repo.consumeToken(tokenHash, now);
    if (!invitationId) return null;
    const activated = await repo.markActivated(invitationId, now);
    if (!activated) throw new AppError('invitation_used');
    await repo.revokeTokens(invitationId, now);
    await cancelJob(tx, reminderKey(invitationId));
    await setPasswordHash(tx, activated, hash);
    return activated;
  });
  if (!personId) throw await refusal(services, tokenHash);
  const session = await openSession({ services, personId, method: 'activation' });
  await attempt.succeeded();
  return session;
}
