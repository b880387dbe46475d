import type { HelpResource, SaveHelpResourceRequest } from '../../../contracts/support';
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { toHelpResource } from './help-mapping';
import { supportRepository } from './repository';

export type SaveHelpResourceOptions = {
  services: Services;
  actor: Actor;
  /** Absent: a new entry. */
  resourceId?: string;
  input: SaveHelpResourceRequest;
};

const orNull = (value: string | null | undefined) => (value ? value : null);

/** Adds or edits an entry of the help directory, both languages at once. */
export async function saveHelpResource({ services, actor, resourceId, input }: SaveHelpResourceOptions): Promise<HelpResource> {
  const repo = supportRepository(services.db);
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
  if (!resourceId) return toHelpResource(await repo.insertHelpResource({ institutionId: actor.institutionId, ...values }));
  if (input.version === undefined) throw new AppError('validation_failed', 'version required for an edit', {}, [{ path: 'version', message: 'required' }]);
  const updated = await repo.updateHelpResource(resourceId, input.version, values);
  if (!updated) throw new AppError('conflict', 'help resource changed concurrently');
  return toHelpResource(updated);
}
