import type { HelpResource, SaveHelpResourceRequest } from '../../../contracts/support';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { helpResourceOf, programmeNames, toHelpResource } from './help-mapping';
import { supportRepository } from './repository';

export type SaveHelpResourceOptions = {
  services: Services;
  actor: Actor;
  /** Absent: a new entry. */
  resourceId?: string;
  input: SaveHelpResourceRequest;
};

const orNull = (value: string | null | undefined) => (value ? value : null);

/**
 * Adds or edits an entry of the help directory, both languages at once. The route's access rule
 * checked the entry (an edit) or the scope asked for (a new one: the whole institution or one
 * programme); moving an entry to another scope needs the right to keep entries there too.
 */
export async function saveHelpResource({ services, actor, resourceId, input }: SaveHelpResourceOptions): Promise<HelpResource> {
  const repo = supportRepository(services.db);
  const names = await programmeNames(services.db, actor.institutionId);
  const programmeId = input.programmeId ?? null;
  if (programmeId !== null && !names.has(programmeId)) throw new AppError('not_found');
  const values = {
    kind: input.kind,
    category: input.category,
    nameNl: input.name.nl,
    nameEn: input.name.en,
    whenToGoNl: input.whenToGo.nl,
    whenToGoEn: input.whenToGo.en,
    howToReachNl: input.howToReach.nl,
    howToReachEn: input.howToReach.en,
    url: orNull(input.url),
    phone: orNull(input.phone),
    email: orNull(input.email),
  };
  const movesOrAdds = !resourceId || input.programmeId !== undefined;
  if (movesOrAdds && !isAllowed(actor, 'helpResource:manage', helpResourceOf({ institutionId: actor.institutionId, programmeId }))) throw new AppError('not_found');
  if (!resourceId) return toHelpResource(await repo.insertHelpResource({ institutionId: actor.institutionId, programmeId, ...values }), actor, names);
  if (input.version === undefined) throw new AppError('validation_failed', 'version required for an edit', {}, [{ path: 'version', message: 'required' }]);
  // An edit that leaves out programmeId keeps the entry where it is.
  const updated = await repo.updateHelpResource(resourceId, input.version, input.programmeId === undefined ? values : { ...values, programmeId });
  if (!updated) throw new AppError('conflict', 'help resource changed concurrently');
  return toHelpResource(updated, actor, names);
}
