/** The owner stops sharing; the next request of the other person is refused at once. */
import type { Services } from '../../context';
import { deleteShare, type MapRow } from './repository';

export async function revokeMapShare({ services, map, personId }: { services: Services; map: MapRow; personId: string }) {
  await deleteShare(services.db, map.id, personId);
}
