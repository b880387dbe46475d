/** The coach's classes (#21 item 3, ADR 0027): each class with its size, the coming class-wide sessions and the last ones held. */
import type { MyClassesResponse } from '../../../contracts/classwide';
import type { Services } from '../../context';
import { classCommunitiesOfCoach, classSessionsOf, currentSizes } from './repository';

export async function myClasses({ services, coachId, locale }: { services: Services; coachId: string; locale: 'nl' | 'en' }): Promise<MyClassesResponse> {
  const rows = await classCommunitiesOfCoach(services.db, coachId);
  const ids = rows.map((r) => r.id);
  const [sizes, all] = await Promise.all([currentSizes(services.db, ids), classSessionsOf(services.db, ids)]);
  const now = services.now().getTime();
  const view = (s: (typeof all)[number]) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), location: s.location, mode: s.mode, status: s.status });
  return {
    classes: rows.map((r) => {
      const own = all.filter((s) => s.communityId === r.id);
      return {
        communityId: r.id,
        code: r.code,
        programme: locale === 'nl' ? r.nameNl : r.nameEn,
        academicYear: r.academicYear,
        month: r.month,
        size: sizes.get(r.id) ?? 0,
        upcoming: own.filter((s) => s.status === 'planned' && s.endsAt.getTime() > now).map(view),
        past: own.filter((s) => s.status !== 'cancelled' && s.endsAt.getTime() <= now).reverse().slice(0, 10).map(view),
      };
    }),
  };
}
