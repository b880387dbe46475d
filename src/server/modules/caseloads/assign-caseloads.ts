/**
 * Automatic assignment: every student of the intake without a caseload goes to an available
 * coach of the programme, spread evenly towards the target size (domain/communities/caseloads.ts).
 * The intake row is locked, so two clicks at once assign each student once.
 */
import { assignCaseloads } from '../../../domain/communities/caseloads';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { caseloadOfCoach } from './caseload-of-coach';
import { addMembers, caseloadsOf, coachesOfProgramme, currentPlacements, intakeOf, studentsOfIntake } from './repository';

export async function assignIntakeCaseloads({ services, intakeId }: { services: Services; intakeId: string }) {
  return services.db.transaction(async (tx) => {
    const intake = await intakeOf(tx, intakeId, true);
    if (!intake) throw new AppError('not_found');
    if (intake.settings.format !== 'individual') throw new AppError('intake_not_individual');
    const now = services.now();
    const [coaches, caseloads, students, placements] = await Promise.all([
      coachesOfProgramme(tx, intake.institutionId, intake.programmeId),
      caseloadsOf(tx, intakeId),
      studentsOfIntake(tx, intakeId),
      currentPlacements(tx, intakeId),
    ]);
    const available = coaches.filter((c) => c.available);
    if (available.length === 0) throw new AppError('no_coaches_available');
    const placed = new Set(placements.map((p) => p.personId));
    const open = students.filter((s) => !placed.has(s.id)).map((s) => s.id);
    const sizeOf = (coachId: string) => {
      const caseload = caseloads.find((c) => c.coachId === coachId);
      return caseload ? placements.filter((p) => p.communityId === caseload.id).length : 0;
    };
    const assignment = assignCaseloads(open, available.map((c) => ({ id: c.id, current: sizeOf(c.id), target: intake.settings.caseloadSize })));
    let assigned = 0;
    for (const coach of available) {
      const ids = open.filter((id) => assignment.get(id) === coach.id);
      if (ids.length === 0) continue;
      const caseloadId = await caseloadOfCoach(tx, intakeId, coach.id, now);
      // Placed at the start: original members for the continuity figures.
      await addMembers(tx, caseloadId, ids, now, 'grouping');
      assigned += ids.length;
    }
    return { assigned, withoutCoach: open.length - assigned };
  });
}
