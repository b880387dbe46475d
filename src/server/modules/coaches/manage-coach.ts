/** The coordinator's part of the coach lifecycle: status, onboarding checklist, supervision. */
import { and, eq } from 'drizzle-orm';
import { checkCoachTransition, type CoachStatus } from '../../../domain/programme/coach-lifecycle';
import type { Services } from '../../context';
import { coachProfiles, coachSupervision, communities, roleAssignments } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { ensureProfile } from './repository';

type Target = { services: Services; coachId: string; programmeId: string };

/** Active ↔ paused, → leaving (then hand over each community), → left once nothing is led. */
export async function setCoachStatus({ services, coachId, programmeId, status }: Target & { status: CoachStatus }) {
  return services.db.transaction(async (tx) => {
    const profile = await ensureProfile(tx, coachId, programmeId);
    const led = await tx.select({ id: communities.id }).from(communities).where(eq(communities.coachId, coachId));
    const problem = checkCoachTransition(profile.status as CoachStatus, status, {
      onboarding: { agreementSignedOn: profile.agreementSignedOn, firstTrainingOn: profile.firstTrainingOn },
      communitiesLed: led.length,
    });
    if (problem) throw new AppError('coach_transition_blocked', problem);
    await tx.update(coachProfiles).set({ status, statusChangedAt: services.now() }).where(eq(coachProfiles.personId, coachId));
    return { id: coachId };
  });
}

export async function setOnboarding({ services, coachId, programmeId, agreementSignedOn, firstTrainingOn }: Target & { agreementSignedOn: string | null; firstTrainingOn: string | null }) {
  await ensureProfile(services.db, coachId, programmeId);
  await services.db.update(coachProfiles).set({ agreementSignedOn, firstTrainingOn }).where(eq(coachProfiles.personId, coachId));
  return { id: coachId };
}

/** One supervising senior coach per coach (the report's set-up); null removes it. */
export async function setSupervisor({ services, coachId, programmeId, seniorId }: Target & { seniorId: string | null }) {
  return services.db.transaction(async (tx) => {
    if (seniorId) {
      if (seniorId === coachId) throw new AppError('validation_failed', 'self supervision', {}, [{ path: 'seniorId', message: 'self' }]);
      const [senior] = await tx
        .select({ id: roleAssignments.personId })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.personId, seniorId), eq(roleAssignments.role, 'seniorcoach'), eq(roleAssignments.programmeId, programmeId)));
      if (!senior) throw new AppError('validation_failed', 'not a senior coach', {}, [{ path: 'seniorId', message: 'senior' }]);
    }
    await tx.delete(coachSupervision).where(eq(coachSupervision.coachId, coachId));
    if (seniorId) await tx.insert(coachSupervision).values({ seniorId, coachId, programmeId });
    return { id: coachId };
  });
}
