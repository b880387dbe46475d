import type { SignalDetail, UpdateSignalRequest } from '../../../contracts/support';
import type { Actor } from '../../../domain/access/policy';
import { canMoveSignal } from '../../../domain/support/signals';
import type { Locale } from '../../../i18n/translate';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { mailContactOf } from '../identity/public';
import { getSignal } from './get-signal';
import { supportRepository, type SignalResource } from './repository';

export type UpdateSignalOptions = { services: Services; actor: Actor; locale: Locale; signal: SignalResource; input: UpdateSignalRequest };

/**
 * The coordinator moves a signal on: takes it up, passes it on to the degree programme's contact,
 * or closes it — with a note for the coach. The first coordinator to act becomes its handler
 * (for an incident: from then on the only coordinator who sees it). E-mails carry the reference
 * only, never the content: the programme's contact hears from the coordinator how to follow up.
 */
export async function updateSignal({ services, actor, locale, signal, input }: UpdateSignalOptions): Promise<SignalDetail> {
  if (!canMoveSignal(signal.row.status, input.status)) throw new AppError('invalid_transition', `signal ${signal.row.status} → ${input.status}`);
  await services.db.transaction(async (tx) => {
    const repo = supportRepository(tx);
    const contact = input.status === 'forwarded' ? (await repo.contacts(signal.programmeId)).find((c) => c.id === input.contactId) : undefined;
    if (input.status === 'forwarded' && !contact) {
      throw new AppError('validation_failed', 'unknown programme contact', {}, [{ path: 'contactId', message: 'invalid' }]);
    }
    const moved = await repo.moveSignal(signal.row.id, input.version, { status: input.status, handlerId: signal.handlerId ?? actor.personId });
    if (!moved) throw new AppError('conflict', 'signal changed concurrently');
    await repo.insertSignalUpdate({ signalId: signal.row.id, status: input.status, note: input.note, byId: actor.personId, contactId: contact?.id ?? null });
    const reference = signal.row.reference;
    if (contact) {
      await services.mailer.enqueue(tx, {
        institutionId: signal.institutionId,
        to: contact.email,
        subject: translate('nl', 'support.mail.signalForwarded.subject', { reference }),
        text: `${translate('nl', 'support.mail.signalForwarded.body', { reference })}\n\n---\n\n${translate('en', 'support.mail.signalForwarded.body', { reference })}`,
      });
    }
    const raiser = signal.row.raisedById ? await mailContactOf(tx, signal.row.raisedById) : undefined;
    if (raiser) {
      const lang = raiser.locale === 'en' ? 'en' : 'nl';
      await services.mailer.enqueue(tx, {
        institutionId: signal.institutionId,
        to: raiser.email,
        subject: translate(lang, 'support.mail.signalUpdated.subject', { reference }),
        text: translate(lang, 'support.mail.signalUpdated.body', { reference, link: `${services.config.publicUrl}/support/signals` }),
      });
    }
  });
  const fresh = await supportRepository(services.db).signal(signal.row.id);
  if (!fresh) throw new AppError('not_found');
  return getSignal({ services, actor, locale, signal: fresh });
}
