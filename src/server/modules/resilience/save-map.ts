/** Saves a map (owner, or a coach it was shared with for editing), refusing a save based on an old version. */
import type { Actor } from '../../../domain/access/policy';
import { validateMap } from '../../../domain/resilience/validate';
import type { SaveResilienceMapRequest } from '../../../contracts/resilience';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { relationsOf, saveMapContent, type MapRow } from './repository';

export async function saveMap({ services, actor, map, request, locale }: { services: Services; actor: Actor; map: MapRow; request: SaveResilienceMapRequest; locale: Locale }) {
  const relations = await relationsOf(services.db, actor.institutionId, map.ownerId);
  const issues = validateMap(request.content, new Set([...relations.coachIds, ...relations.fellowIds]));
  if (issues.length > 0) {
    throw new AppError('validation_failed', 'map rules', {}, issues.map((i) => ({ path: `content.${i.path}`, message: translate(locale, `resilience.issues.${i.code}`) })));
  }
  const saved = await saveMapContent(services.db, map.id, request.version, request.content, services.now());
  if (!saved) throw new AppError('conflict', 'map version moved on');
  return { version: saved.version, updatedAt: saved.updatedAt.toISOString() };
}
