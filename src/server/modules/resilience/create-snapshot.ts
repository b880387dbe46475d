/** Keeps a dated version of the map, to compare later. */
import type { Actor } from '../../../domain/access/policy';
import { translate, type Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { localDate } from './dates';
import { insertSnapshot, type MapRow } from './repository';

export async function createSnapshot({ services, actor, map, takenOn, locale }: { services: Services; actor: Actor; map: MapRow; takenOn?: string | undefined; locale: Locale }) {
  const today = localDate(services.now());
  const date = takenOn ?? today;
  if (date > today) throw new AppError('validation_failed', 'snapshot in the future', {}, [{ path: 'takenOn', message: translate(locale, 'resilience.issues.future_date') }]);
  const row = await insertSnapshot(services.db, { mapId: map.id, takenOn: date, content: map.content, createdById: actor.personId });
  return { id: row.id, takenOn: row.takenOn };
}
