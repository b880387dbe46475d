import type { SignalsOverviewResponse } from '../../../contracts/support';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { recordRead } from '../audit/public';
import { toSignalSummaries } from './signal-mapping';
import { supportRepository } from './repository';

export type ListSignalsOptions = { services: Services; actor: Actor; locale: Locale };

/**
 * The signals page: what the person raised (with its status — closing the loop) and, for a
 * coordinator, the inbox of their programmes. Titles in the inbox are content: each listed
 * signal counts as read by the coordinator.
 */
export async function listSignals({ services, actor, locale }: ListSignalsOptions): Promise<SignalsOverviewResponse> {
  const repo = supportRepository(services.db);
  const programmes = await repo.programmes(actor.institutionId);
  const programme = (id: string) => ({ kind: 'programme' as const, institutionId: actor.institutionId, programmeId: id });
  const name = (p: (typeof programmes)[number]) => (locale === 'en' ? p.nameEn : p.nameNl);
  const handles = programmes.filter((p) => isAllowed(actor, 'programme:handleSignals', programme(p.id)));
  const canRaiseIn = programmes.filter((p) => isAllowed(actor, 'signal:raise', programme(p.id)));
  const all = await repo.signalsFor(actor.personId, handles.map((p) => p.id));
  const raised = all.filter((s) => s.raisedById === actor.personId);
  const inbox = all.filter((s) => s.raisedById !== actor.personId && isAllowed(actor, 'signal:read', s));
  for (const s of inbox) {
    if (s.row.raisedById) await recordRead(services.db, { actorId: actor.personId, subjectId: s.row.raisedById, resourceType: 'signal', resourceId: s.row.id });
  }
  return {
    raised: await toSignalSummaries(services.db, actor.personId, actor.institutionId, locale, raised),
    inbox: await toSignalSummaries(services.db, actor.personId, actor.institutionId, locale, inbox),
    canRaiseIn: canRaiseIn.map((p) => ({ id: p.id, name: name(p) })),
    handles: handles.map((p) => ({ id: p.id, name: name(p) })),
  };
}
