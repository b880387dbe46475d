import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { RaiseSignalRequest, SignalSummary } from '../../../contracts/support';
import type { Actor } from '../../../domain/access/policy';
import type { Locale } from '../../../i18n/translate';
import { translate } from '../../../i18n/translate';
import type { Services } from '../../context';
import { people, roleAssignments } from '../../db/schema';
import { toSignalSummaries } from './signal-mapping';
import { supportRepository } from './repository';

export type RaiseSignalOptions = { services: Services; actor: Actor; locale: Locale; input: RaiseSignalRequest };

/** A short reference such as PK-4821-73, safe to mention in e-mail (it reveals nothing). */
const newReference = () => `PK-${randomInt(1000, 10000)}-${randomInt(10, 100)}`;

/**
 * A coach raises a need, theme or incident with the programme's coordinators, who get an e-mail
 * with the reference only — the content stays in peerkracht.
 */
export async function raiseSignal({ services, actor, locale, input }: RaiseSignalOptions): Promise<SignalSummary> {
  return services.db.transaction(async (tx) => {
    const repo = supportRepository(tx);
    const row = await repo.insertSignal({
      reference: newReference(),
      institutionId: actor.institutionId,
      programmeId: input.programmeId,
      raisedById: actor.personId,
      kind: input.kind,
      anonymous: input.anonymous,
      title: input.title,
      body: input.body,
    });
    await repo.insertSignalUpdate({ signalId: row.id, status: 'open', note: '', byId: null });
    const coordinators = await tx
      .selectDistinct({ email: people.email, locale: people.locale })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(and(eq(roleAssignments.role, 'coordinator'), eq(roleAssignments.programmeId, input.programmeId)));
    for (const c of coordinators) {
      const lang = c.locale === 'en' ? 'en' : 'nl';
      await services.mailer.enqueue(tx, {
        institutionId: actor.institutionId,
        to: c.email,
        subject: translate(lang, 'support.mail.signalRaised.subject', { reference: row.reference }),
        text: translate(lang, 'support.mail.signalRaised.body', { reference: row.reference, link: `${services.config.publicUrl}/support/signals` }),
      });
    }
    const [summary] = await toSignalSummaries(tx, actor.personId, actor.institutionId, locale, [
      { kind: 'signal', institutionId: row.institutionId, programmeId: row.programmeId, raisedById: actor.personId, signalKind: row.kind, handlerId: null, row },
    ]);
    return summary!;
  });
}
