import type { HelpDirectoryResponse, HelpScope } from '../../../contracts/support';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { helpResourceOf, programmeNames, toHelpResource, type ProgrammeNames } from './help-mapping';
import { supportRepository } from './repository';

export type ListHelpDirectoryOptions = { services: Services; actor: Actor };

/** Where the person may add entries: the whole institution and/or the programmes whose entries they keep. */
export function helpScopesOf(actor: Actor, names: ProgrammeNames): HelpScope[] {
  const scopes: HelpScope[] = [];
  if (isAllowed(actor, 'helpResource:manage', helpResourceOf({ institutionId: actor.institutionId, programmeId: null }))) scopes.push({ programmeId: null, name: null });
  for (const [programmeId, name] of [...names].sort((a, b) => a[1].nl.localeCompare(b[1].nl, 'nl'))) {
    if (isAllowed(actor, 'helpResource:manage', helpResourceOf({ institutionId: actor.institutionId, programmeId }))) scopes.push({ programmeId, name });
  }
  return scopes;
}

/**
 * The help directory as this person sees it: the institution-wide entries and those of their own
 * programme(s), never another programme's (issue 21 item 8); archived entries only for the
 * people who keep them.
 */
export async function listHelpDirectory({ services, actor }: ListHelpDirectoryOptions): Promise<HelpDirectoryResponse> {
  const [rows, names] = await Promise.all([supportRepository(services.db).helpResources(actor.institutionId), programmeNames(services.db, actor.institutionId)]);
  const resources = rows
    .filter((r) => isAllowed(actor, 'helpResource:read', helpResourceOf(r)))
    .map((r) => toHelpResource(r, actor, names))
    .filter((r) => r.canEdit || !r.archived);
  const scopes = helpScopesOf(actor, names);
  return { categories: services.content.helpDirectory.categories, resources, canManage: scopes.length > 0, scopes };
}
