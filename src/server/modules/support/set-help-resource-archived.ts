import type { HelpResource } from '../../../contracts/support';
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { programmeNames, toHelpResource } from './help-mapping';
import { supportRepository } from './repository';

export type SetHelpResourceArchivedOptions = { services: Services; actor: Actor; resourceId: string; archived: boolean };

/**
 * Archives (hides) or restores an entry. Entries are never deleted: past referrals keep
 * pointing at what the coachee was referred to.
 */
export async function setHelpResourceArchived({ services, actor, resourceId, archived }: SetHelpResourceArchivedOptions): Promise<HelpResource> {
  const repo = supportRepository(services.db);
  const current = await repo.helpResource(resourceId);
  if (!current) throw new AppError('not_found');
  const updated = await repo.updateHelpResource(resourceId, current.version, { archivedAt: archived ? services.now() : null });
  if (!updated) throw new AppError('conflict');
  return toHelpResource(updated, actor, await programmeNames(services.db, actor.institutionId));
}
