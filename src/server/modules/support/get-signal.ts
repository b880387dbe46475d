import type { SignalDetail } from '../../../contracts/support';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { recordRead } from '../audit/public';
import { namesOf } from '../relations/public';
import { toSignalSummaries } from './signal-mapping';
import { supportRepository, type SignalResource } from './repository';

export type GetSignalOptions = { services: Services; actor: Actor; locale: Locale; signal: SignalResource };

/** One signal with its history; a read by anyone but the raiser is recorded. */
export async function getSignal({ services, actor, locale, signal }: GetSignalOptions): Promise<SignalDetail> {
  const repo = supportRepository(services.db);
  if (signal.row.raisedById) {
    await recordRead(services.db, { actorId: actor.personId, subjectId: signal.row.raisedById, resourceType: 'signal', resourceId: signal.row.id });
  }
  const [summary] = await toSignalSummaries(services.db, actor.personId, actor.institutionId, locale, [signal]);
  const updates = await repo.signalUpdates(signal.row.id);
  const staff = await namesOf(services.db, [...new Set([...updates.flatMap((u) => (u.byId ? [u.byId] : [])), ...(signal.handlerId ? [signal.handlerId] : [])])]);
  const name = (id: string | null) => {
    const n = id ? staff.get(id) : undefined;
    return n ? { firstName: n.firstName, lastName: n.lastName } : null;
  };
  const canHandle = isAllowed(actor, 'signal:handle', signal);
  return {
    ...summary!,
    body: signal.row.body,
    version: signal.row.version,
    handler: name(signal.handlerId),
    canHandle,
    updates: updates.map((u) => ({ status: u.status, note: u.note, at: u.at.toISOString(), by: name(u.byId), contact: u.contact })),
    contacts: canHandle ? (await repo.contacts(signal.programmeId)).map((c) => ({ id: c.id, label: c.label })) : [],
  };
}
