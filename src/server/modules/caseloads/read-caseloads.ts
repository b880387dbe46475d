/** The coordinator's caseload screen: each coach of the programme with their caseload, and the students without one. */
import type { IntakeCaseloadsResponse } from '../../../contracts/caseloads';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { caseloadsOf, coachesOfProgramme, currentPlacements, intakeOf, membersOf, studentsOfIntake } from './repository';

export async function readCaseloads({ services, intakeId }: { services: Services; intakeId: string }): Promise<IntakeCaseloadsResponse> {
  const intake = await intakeOf(services.db, intakeId);
  if (!intake) throw new AppError('not_found');
  const [coaches, caseloads, students, placements] = await Promise.all([
    coachesOfProgramme(services.db, intake.institutionId, intake.programmeId),
    caseloadsOf(services.db, intakeId),
    studentsOfIntake(services.db, intakeId),
    currentPlacements(services.db, intakeId),
  ]);
  const members = await membersOf(services.db, caseloads.map((c) => c.id));
  const classOf = new Map(students.map((s) => [s.id, s.classCode]));
  const placed = new Set(placements.map((p) => p.personId));
  // A coach shows when available, or when they still hold a caseload (paused coaches keep theirs until moved).
  const shown = coaches.filter((c) => c.available || caseloads.some((l) => l.coachId === c.id));
  return {
    intakeId,
    format: intake.settings.format,
    target: intake.settings.caseloadSize,
    coaches: shown.map((coach) => {
      const caseload = caseloads.find((c) => c.coachId === coach.id) ?? null;
      return {
        coach: { id: coach.id, firstName: coach.firstName, lastName: coach.lastName },
        caseloadId: caseload?.id ?? null,
        coachees: caseload ? members.filter((m) => m.communityId === caseload.id).map((m) => ({ id: m.id, firstName: m.firstName, lastName: m.lastName, classCode: classOf.get(m.id) ?? '' })) : [],
      };
    }),
    unassigned: students.filter((s) => !placed.has(s.id)),
  };
}
