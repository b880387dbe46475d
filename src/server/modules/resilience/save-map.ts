/** Saves a map (owner, or a coach it was shared with for editing), refusing a save based on an old version. */
import type { Actor } from '../../../domain/access/policy';
import { validateMap } from '../../../domain/resilience/validate';
import type { SaveResilienceMapRequest } from '../../../contracts/resilience';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { relationsOf, saveMapContent, type MapRow } from './repository';

type SaveOptions = { services: Services; actor: Actor; request: SaveResilienceMapRequest; locale: Locale };

export async function saveMap({ services, actor, map, request, locale }: SaveOptions & { map: MapRow }) {
  await checkContent({ services, actor, ownerId: map.ownerId, request, locale });
  return saveVersion(services, map.id, request);
}

/** Refuses content that breaks the map's rules (a link to someone outside the owner's community, …), with field messages. */
export async function checkContent({ services, actor, ownerId, request, locale }: SaveOptions & { ownerId: string }) {
  const relations = await relationsOf(services.db, actor.institutionId, ownerId);
  const issues = validateMap(request.content, new Set([...relations.coachIds, ...relations.fellowIds]));
  if (issues.length > 0) {
    throw new AppError('validation_failed', 'map rules', {}, issues.map((i) => ({ path: `content.${i.path}`, message: translate(locale, `resilience.issues.${i.code}`) })));
  }
}

/** Saves when `request.version` is still the map's version; a conflict when someone saved in between. */
export async function saveVersion(services: Services, mapId: string, request: SaveResilienceMapRequest, db = services.db) {
  const saved = await saveMapContent(db, mapId, request.version, request.content, services.now());
  if (!saved) throw new AppError('conflict', 'map version moved on');
  return { version: saved.version, updatedAt: saved.updatedAt.toISOString() };
}
