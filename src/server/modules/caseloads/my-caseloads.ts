/** The coach's caseloads: each coachee with their last and next one-on-one (the coach's own). */
import type { MyCaseloadsResponse } from '../../../contracts/caseloads';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import { caseloadsOfCoach, membersOf, oneOnOnesOf } from './repository';

export async function myCaseloads({ services, coachId, locale }: { services: Services; coachId: string; locale: 'nl' | 'en' }): Promise<MyCaseloadsResponse> {
  const caseloads = await caseloadsOfCoach(services.db, coachId);
  const ids = caseloads.map((c) => c.id);
  const [members, sessions] = await Promise.all([membersOf(services.db, ids), oneOnOnesOf(services.db, ids, coachId)]);
  const now = services.now().getTime();
  return {
    caseloads: caseloads.map((c) => ({
      caseloadId: c.id,
      programme: locale === 'nl' ? c.nameNl : c.nameEn,
      academicYear: c.academicYear,
      month: c.month,
      target: readIntakeSettings(c.settings, c.month).settings.caseloadSize,
      coachees: members
        .filter((m) => m.communityId === c.id)
        .map((m) => {
          const own = sessions.filter((s) => s.coacheeId === m.id);
          const last = own.filter((s) => s.startsAt.getTime() <= now).at(-1) ?? null;
          const next = own.find((s) => s.startsAt.getTime() > now) ?? null;
          return {
            id: m.id,
            firstName: m.firstName,
            lastName: m.lastName,
            lastOneOnOne: last ? { id: last.id, startsAt: last.startsAt.toISOString() } : null,
            nextOneOnOne: next ? { id: next.id, startsAt: next.startsAt.toISOString() } : null,
          };
        }),
    })),
  };
}
