import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { endAllSessionsOf } from '../identity/public';
import { actingAs } from './acting-as';
import { peopleRepository } from './repository';

export type SetAccountActiveOptions = { services: Services; actor: Actor; personId: string; institutionId: string; active: boolean; reason: string };

/**
 * Deactivates an account (sign-in refused, every session ended at once, roles and history kept)
 * or reactivates it. The institution's last active beheerder cannot be deactivated. Deleting the
 * sessions and setting `deactivated_at` both notify the access cache, so every instance stops
 * accepting the person's session cookie on its next request.
 */
export async function setAccountActive({ services, actor, personId, institutionId, active, reason }: SetAccountActiveOptions): Promise<void> {
  await services.db.transaction(async (tx) => {
    const repo = peopleRepository(tx);
    await repo.lockInstitution(institutionId);
    const person = await repo.person(personId);
    if (!person) throw new AppError('not_found');
    if ((person.deactivatedAt === null) === active) throw new AppError('invalid_transition');
    if (!active) {
      const grants = await repo.grantsOf([personId]);
      const beheerder = grants.some((g) => g.role === 'beheerder' && g.programmeId === null);
      if (beheerder && (await repo.otherActiveBeheerders(institutionId, personId)) === 0) throw new AppError('last_beheerder');
    }
    const now = services.now();
    await repo.setDeactivated(personId, active ? null : now);
    if (!active) await endAllSessionsOf(tx, personId);
    await repo.recordEvent({ institutionId, personId, actorId: actor.personId, actorRole: actingAs(actor), kind: active ? 'reactivated' : 'deactivated', reason, at: now });
  });
}
