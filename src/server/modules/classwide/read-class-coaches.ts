/** The coordinator's class screen of a class-wide intake: each class with its size and coach, and the coaches to choose from. */
import type { IntakeClassCoachesResponse } from '../../../contracts/classwide';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { classCommunitiesOf, classesWithSize, coachesOfProgramme, coachPeriodCounts, intakeOf } from './repository';

export async function readClassCoaches({ services, intakeId }: { services: Services; intakeId: string }): Promise<IntakeClassCoachesResponse> {
  const intake = await intakeOf(services.db, intakeId);
  if (!intake) throw new AppError('not_found');
  const [klasses, linked, coaches] = await Promise.all([
    classesWithSize(services.db, intakeId),
    classCommunitiesOf(services.db, intakeId),
    coachesOfProgramme(services.db, intake.institutionId, intake.programmeId),
  ]);
  const periods = await coachPeriodCounts(services.db, linked.map((l) => l.id));
  const person = (id: string | null) => {
    const c = id ? coaches.find((x) => x.id === id) : undefined;
    return c ? { id: c.id, firstName: c.firstName, lastName: c.lastName } : null;
  };
  return {
    intakeId,
    format: intake.settings.format,
    classes: klasses.map((k) => {
      const community = linked.find((l) => l.classId === k.id) ?? null;
      return {
        classId: k.id,
        code: k.code,
        size: k.size,
        communityId: community?.id ?? null,
        coach: person(community?.coachId ?? null),
        coachChanges: Math.max(0, (community ? (periods.get(community.id) ?? 0) : 0) - 1),
      };
    }),
    coaches: coaches
      .filter((c) => c.available)
      .map((c) => ({ id: c.id, firstName: c.firstName, lastName: c.lastName, classes: linked.filter((l) => l.coachId === c.id).length })),
  };
}
