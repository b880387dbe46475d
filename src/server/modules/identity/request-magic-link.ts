import { AppError } from '../../errors/app-error';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { secretLink } from '../mail/public';
import { countAttempt, magicLinkRules } from './attempt-limits';
import { identityRepository } from './repository';
import { digest, newToken } from './secrets';

export const MAGIC_LINK_MINUTES = 15;

export type RequestMagicLinkOptions = { services: Services; email: string; address: string };

/**
 * Mails a single-use sign-in link (15 minutes) when the address belongs to an account. The
 * answer is the same either way, and so is the work: both count the attempt, look the address
 * up, make a token and store its digest in one transaction — for an unknown address without a
 * person, so the row can never sign anyone in. Only the mail row is extra for a known address,
 * one insert in the same transaction (well below network jitter). The token travels in the URL
 * fragment, so it never reaches a server log, and the page it opens signs in only when the
 * person presses the button (a POST): mail scanners that fetch the link do not use it up.
 */
export async function requestMagicLink({ services, email, address }: RequestMagicLinkOptions): Promise<void> {
  // Sign-in links follow the institution's switch for sign-in outside its SSO.
  if (!services.config.signIn.password) throw new AppError('password_sign_in_off');
  await countAttempt(services, magicLinkRules(address, email));
  const person = await identityRepository(services.db).findPersonByEmail(email.trim());
  const token = newToken();
  const locale = person?.locale === 'en' ? 'en' : 'nl';
  const link = secretLink(services.config.publicUrl, 'magicLink', token);
  const text = translate(locale, 'mail.magicLink.body', { name: person?.firstName ?? '', link, minutes: MAGIC_LINK_MINUTES });
  await services.db.transaction(async (tx) => {
    await identityRepository(tx).createMagicLinkToken({
      tokenHash: digest(token),
      personId: person?.id ?? null,
      expiresAt: new Date(services.now().getTime() + MAGIC_LINK_MINUTES * 60_000),
    });
    if (person) {
      await services.mailer.enqueue(tx, { institutionId: person.institutionId, to: person.email, subject: translate(locale, 'mail.magicLink.subject'), text });
    }
  });
}
