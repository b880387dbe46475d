/**
 * Links a coach to a class of a class-wide intake (ADR 0027): the first link makes the class's
 * community (kind 'class', its members the class's students, placed at the start); a later link
 * is a coach change — a handover: the old coach's period ends, the new one starts, and the class's
 * sessions move along (a class session's organiser is the community's current coach). The intake
 * row is locked and the screen's coach must still be the current one, so of two changes at once
 * one wins and the other answers 409.
 */
import type { z } from 'zod';
import type { LinkClassCoachRequest } from '../../../contracts/classwide';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { changeCoach } from '../communities/public';
import { classCommunitiesOf, classesWithSize, coachesOfProgramme, insertClassCommunity, intakeOf, syncMembers } from './repository';

export async function linkClassCoach({ services, intakeId, classId, request }: { services: Services; intakeId: string; classId: string; request: z.infer<typeof LinkClassCoachRequest> }) {
  return services.db.transaction(async (tx) => {
    const intake = await intakeOf(tx, intakeId, true);
    if (!intake) throw new AppError('not_found');
    // A class of another intake is as unknown here as a missing one.
    const klass = (await classesWithSize(tx, intakeId)).find((k) => k.id === classId);
    if (!klass) throw new AppError('not_found');
    if (intake.settings.format !== 'classWide') throw new AppError('intake_not_class_wide');
    const coach = (await coachesOfProgramme(tx, intake.institutionId, intake.programmeId)).find((c) => c.id === request.coachId);
    if (!coach?.available) throw new AppError('validation_failed', 'not an available coach of the programme', {}, [{ path: 'coachId', message: 'caseload_coach' }]);
    const now = services.now();
    const existing = (await classCommunitiesOf(tx, intakeId)).find((c) => c.classId === classId);
    if ((existing?.coachId ?? null) !== request.currentCoachId) throw new AppError('conflict', 'the class got another coach meanwhile');
    if (existing?.coachId === request.coachId) throw new AppError('conflict', 'already the class coach');
    if (!existing) {
      const communityId = await insertClassCommunity(tx, intakeId, classId, klass.code, now);
      await changeCoach(tx, communityId, request.coachId, now, 'changed');
      const { members } = await syncMembers(tx, communityId, classId, now, true);
      return { communityId, members };
    }
    await changeCoach(tx, existing.id, request.coachId, now, 'handover');
    const { members } = await syncMembers(tx, existing.id, classId, now, false);
    return { communityId: existing.id, members };
  });
}
