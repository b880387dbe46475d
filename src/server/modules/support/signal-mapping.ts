import type { SignalSummary } from '../../../contracts/support';
import { mayIdentifyRaiser } from '../../../domain/support/signals';
import type { Locale } from '../../../i18n/translate';
import type { Db } from '../../db/client';
import { namesOf } from '../relations/public';
import type { SignalResource } from './repository';
import { supportRepository } from './repository';

/** Signal rows → summaries. The raiser of an anonymised signal is named to the raiser alone. */
export async function toSignalSummaries(
  db: Db,
  viewerId: string,
  institutionId: string,
  locale: Locale,
  items: readonly SignalResource[],
): Promise<SignalSummary[]> {
  if (items.length === 0) return [];
  const visibleRaisers = items.filter((s) => s.row.raisedById && mayIdentifyRaiser(viewerId, { raisedById: s.raisedById, anonymous: s.row.anonymous })).map((s) => s.raisedById);
  const names = await namesOf(db, [...new Set(visibleRaisers)]);
  const programmes = new Map((await supportRepository(db).programmes(institutionId)).map((p) => [p.id, p]));
  return items.map((s) => {
    const identify = Boolean(s.row.raisedById) && mayIdentifyRaiser(viewerId, { raisedById: s.raisedById, anonymous: s.row.anonymous });
    const raiser = identify ? names.get(s.raisedById) : undefined;
    const programme = programmes.get(s.programmeId);
    return {
      id: s.row.id,
      reference: s.row.reference,
      programme: { id: s.programmeId, name: (locale === 'en' ? programme?.nameEn : programme?.nameNl) ?? '' },
      kind: s.row.kind,
      anonymous: s.row.anonymous,
      title: s.row.title,
      status: s.row.status,
      raisedBy: raiser ? { firstName: raiser.firstName, lastName: raiser.lastName } : null,
      mine: s.raisedById === viewerId,
      createdAt: s.row.createdAt.toISOString(),
      updatedAt: s.row.updatedAt.toISOString(),
    };
  });
}
