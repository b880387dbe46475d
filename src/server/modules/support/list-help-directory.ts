import type { HelpDirectoryResponse } from '../../../contracts/support';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { toHelpResource } from './help-mapping';
import { supportRepository } from './repository';

export type ListHelpDirectoryOptions = { services: Services; actor: Actor };

/** The institution's help directory; archived entries only for the people who keep it. */
export async function listHelpDirectory({ services, actor }: ListHelpDirectoryOptions): Promise<HelpDirectoryResponse> {
  const canManage = isAllowed(actor, 'helpResource:manage', { kind: 'helpResource', institutionId: actor.institutionId });
  const rows = await supportRepository(services.db).helpResources(actor.institutionId);
  return {
    categories: services.content.helpDirectory.categories,
    resources: rows.filter((r) => canManage || r.archivedAt === null).map(toHelpResource),
    canManage,
  };
}
