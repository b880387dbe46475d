import { and, eq } from 'drizzle-orm';
import type { CoachPoolResponse } from '../../../contracts/programme';
import type { CoachStatus } from '../../../domain/programme/coach-lifecycle';
import { coachPool, MIN_CELL } from '../../../domain/programme/coach-pool';
import type { Services } from '../../context';
import { coachProfiles, roleAssignments } from '../../db/schema';

/**
 * The coordinator's view of the pool's make-up (P11): counts only. The role-model
 * self-descriptions are counted when the coach consented to keep one; the text never leaves here.
 */
export async function getCoachPool({ services, institutionId, programmeId }: { services: Services; institutionId: string; programmeId: string }): Promise<CoachPoolResponse> {
  const rows = await services.db
    .selectDistinct({
      personId: roleAssignments.personId,
      status: coachProfiles.status,
      studyYear: coachProfiles.studyYear,
      languages: coachProfiles.languages,
      roleModelConsent: coachProfiles.roleModelConsent,
      hasRoleModelText: coachProfiles.roleModelText,
    })
    .from(roleAssignments)
    .leftJoin(coachProfiles, eq(coachProfiles.personId, roleAssignments.personId))
    .where(and(eq(roleAssignments.institutionId, institutionId), eq(roleAssignments.role, 'studentcoach'), eq(roleAssignments.programmeId, programmeId)));
  const pool = coachPool(
    rows.map((r) => ({
      status: (r.status ?? 'active') as CoachStatus,
      studyYear: r.studyYear ?? null,
      languages: r.languages ?? [],
      roleModelDisclosed: Boolean(r.roleModelConsent && r.hasRoleModelText?.trim()),
    })),
  );
  return { minCell: MIN_CELL, ...pool };
}
