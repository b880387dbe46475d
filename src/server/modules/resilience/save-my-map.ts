/**
 * The coachee saves their own map. The first save creates it: opening "my map" writes nothing, so
 * a coachee who never saves has no map row (special-category data is only stored when they write it).
 */
import type { Actor } from '../../../domain/access/policy';
import type { SaveResilienceMapRequest, SavedResilienceMapResponse } from '../../../contracts/resilience';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { ensureMapOf, findMapOf, NEW_MAP_VERSION } from './repository';
import { checkContent, saveVersion } from './save-map';

export async function saveMyMap({ services, actor, request, locale }: { services: Services; actor: Actor; request: SaveResilienceMapRequest; locale: Locale }): Promise<SavedResilienceMapResponse> {
  await checkContent({ services, actor, ownerId: actor.personId, request, locale });
  return services.db.transaction(async (tx) => {
    const existing = await findMapOf(tx, actor.personId);
    // A save based on the new map while none exists creates it; any other version is out of date.
    if (!existing && request.version !== NEW_MAP_VERSION) throw new AppError('conflict', 'map version moved on');
    const map = existing ?? (await ensureMapOf(tx, actor.personId));
    return { id: map.id, ...(await saveVersion(services, map.id, request, tx)) };
  });
}
