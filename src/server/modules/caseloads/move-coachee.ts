/**
 * A manual move: the student goes to another coach's caseload (or gets their first). For the
 * student this is a coach change: the old membership ends as a move (no ending in the continuity
 * figures), the new one starts as moved in. Their earlier one-on-ones stay the old coach's history.
 */
import type { z } from 'zod';
import type { MoveCoacheeRequest } from '../../../contracts/caseloads';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { caseloadOfCoach } from './caseload-of-coach';
import { addMembers, caseloadsOf, coachesOfProgramme, currentPlacements, endMembership, intakeOf, studentsOfIntake } from './repository';

export async function moveCoachee({ services, intakeId, request }: { services: Services; intakeId: string; request: z.infer<typeof MoveCoacheeRequest> }) {
  return services.db.transaction(async (tx) => {
    const intake = await intakeOf(tx, intakeId, true);
    if (!intake) throw new AppError('not_found');
    if (intake.settings.format !== 'individual') throw new AppError('intake_not_individual');
    // A student of another intake is as unknown here as a missing one.
    const students = await studentsOfIntake(tx, intakeId);
    if (!students.some((s) => s.id === request.studentId)) throw new AppError('not_found');
    const coach = (await coachesOfProgramme(tx, intake.institutionId, intake.programmeId)).find((c) => c.id === request.coachId);
    if (!coach?.available) throw new AppError('validation_failed', 'not an available coach of the programme', {}, [{ path: 'coachId', message: 'caseload_coach' }]);
    const now = services.now();
    const current = (await currentPlacements(tx, intakeId)).filter((p) => p.personId === request.studentId);
    const caseloads = await caseloadsOf(tx, intakeId);
    const target = caseloads.find((c) => c.coachId === request.coachId);
    if (target && current.some((p) => p.communityId === target.id)) throw new AppError('conflict', 'already in this caseload');
    for (const p of current) if (!(await endMembership(tx, p.membershipId, now, 'moved'))) throw new AppError('conflict', 'moved meanwhile');
    const caseloadId = await caseloadOfCoach(tx, intakeId, request.coachId, now);
    await addMembers(tx, caseloadId, [request.studentId], now, current.length > 0 ? 'moved' : 'added');
    return { ok: true as const };
  });
}
