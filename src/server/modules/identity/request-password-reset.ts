import { AppError } from '../../errors/app-error';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { secretLink } from '../mail/public';
import { countAttempt, passwordResetRules } from './attempt-limits';
import { identityRepository } from './repository';
import { digest, newToken } from './secrets';

export const RESET_TOKEN_MINUTES = 60;

export type RequestPasswordResetOptions = { services: Services; email: string; address: string };

/**
 * Sends a reset link when the address belongs to an account. The answer is the same either way,
 * so the form cannot be used to find out who has an account. The token travels in the URL
 * fragment, which browsers do not send to servers, so it never lands in access logs. Every
 * request counts against the attempt limits, known address or not, so nobody's mailbox can be
 * flooded and the limit says nothing about who has an account.
 */
export async function requestPasswordReset({ services, email, address }: RequestPasswordResetOptions): Promise<void> {
  // No passwords at an institution that signs in with SSO only: nothing to reset.
  if (!services.config.signIn.password) throw new AppError('password_sign_in_off');
  await countAttempt(services, passwordResetRules(address, email));
  const repo = identityRepository(services.db);
  const person = await repo.findPersonByEmail(email.trim());
  if (!person) return;
  const token = newToken();
  const locale = person.locale === 'en' ? 'en' : 'nl';
  const link = secretLink(services.config.publicUrl, 'passwordReset', token);
  await services.db.transaction(async (tx) => {
    await identityRepository(tx).createResetToken({
      tokenHash: digest(token),
      personId: person.id,
      expiresAt: new Date(services.now().getTime() + RESET_TOKEN_MINUTES * 60_000),
    });
    await services.mailer.enqueue(tx, {
      institutionId: person.institutionId,
      to: person.email,
      subject: translate(locale, 'mail.passwordReset.subject'),
      text: translate(locale, 'mail.passwordReset.body', { link, minutes: RESET_TOKEN_MINUTES }),
    });
  });
}
