import type { ConsentSummary } from '../../../contracts/consent';
import { deriveConsentState } from '../../../domain/consent/consent-state';
import type { Services } from '../../context';
import { consentRepository } from './repository';

export type ListMyConsentsOptions = { services: Services; personId: string };

/** Every consent with its current text and the person's current answer, derived from the ledger. */
export async function listMyConsents({ services, personId }: ListMyConsentsOptions): Promise<ConsentSummary[]> {
  const events = await consentRepository(services.db).eventsOf(personId);
  const ledger = events.map((e) => ({ consentId: e.consentId, kind: e.event, textVersion: e.textVersion, at: e.at }));
  return services.content.consents.consents.map((c) => {
    const state = deriveConsentState(c.id, c.version, ledger);
    return {
      id: c.id,
      version: c.version,
      title: c.title,
      text: c.text,
      agreeLabel: c.agreeLabel,
      status: state.status,
      answeredVersion: state.answeredVersion,
      answeredAt: state.answeredAt?.toISOString() ?? null,
      outdated: state.outdated,
    };
  });
}
