import type { AnswerConsentRequest, ConsentSummary } from '../../../contracts/consent';
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { listMyConsents } from './list-my-consents';
import { consentRepository } from './repository';

export type AnswerConsentOptions = { services: Services; actor: Actor; consentId: string; answer: AnswerConsentRequest };

/**
 * Appends a grant or a withdrawal with the exact text shown (both languages). Effective at once:
 * every read by someone else checks the ledger (has-consent.ts). Saying no before ever saying yes
 * is recorded too (a refusal). Answering the same way twice for the same text records nothing new.
 */
export async function answerConsent({ services, actor, consentId, answer }: AnswerConsentOptions): Promise<ConsentSummary> {
  const text = services.content.consents.consents.find((c) => c.id === consentId);
  if (!text) throw new AppError('not_found');
  if (answer.textVersion !== text.version) throw new AppError('consent_text_changed', 'answered an outdated consent text');
  await services.db.transaction(async (tx) => {
    const repo = consentRepository(tx);
    const latest = await repo.latestOf(actor.personId, consentId);
    if (latest && latest.event === answer.decision && latest.textVersion === text.version) return;
    // Strictly later than the previous event, so the order of the ledger never depends on a tie.
    const now = services.now();
    const at = latest && latest.at.getTime() >= now.getTime() ? new Date(latest.at.getTime() + 1) : now;
    await repo.append({
      institutionId: actor.institutionId,
      personId: actor.personId,
      consentId,
      event: answer.decision,
      textVersion: text.version,
      textNl: text.text.nl,
      textEn: text.text.en,
      shownLocale: answer.shownLocale,
      at,
    });
  });
  const all = await listMyConsents({ services, personId: actor.personId });
  return all.find((c) => c.id === consentId)!;
}
