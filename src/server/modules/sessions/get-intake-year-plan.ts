import { and, eq, ne } from 'drizzle-orm';
import type { IntakeYearPlanResponse } from '../../../contracts/sessions';
import type { Services } from '../../context';
import { communities } from '../../db/schema';
import { loadCommunityResources } from '../relations/public';
import { getYearPlan, holidaysOf, intakePeriod } from './plan-year';
import { peopleNames } from './repository';

export type GetIntakeYearPlanOptions = { services: Services; institutionId: string; programmeId: string; intakeId: string };

/**
 * The coordinator's overview of an intake: per community the planned series, its sessions, the
 * holidays and every stretch longer than the planned interval without a session. Caseloads of an
 * individual-coaching intake are left out: they have one-on-ones only, planned by their coach.
 */
export async function getIntakeYearPlan({ services, institutionId, programmeId, intakeId }: GetIntakeYearPlanOptions): Promise<IntakeYearPlanResponse> {
  const ids = (await services.db.select({ id: communities.id }).from(communities).where(and(eq(communities.intakeId, intakeId), ne(communities.kind, 'caseload')))).map((c) => c.id);
  const loaded = (await loadCommunityResources(services.db, institutionId, ids)).sort((a, b) => a.name.localeCompare(b.name));
  const period = await intakePeriod(services.db, intakeId);
  const coaches = await peopleNames(services.db, loaded.flatMap((c) => (c.coachId ? [c.coachId] : [])));
  const plans = [];
  for (const community of loaded) {
    const plan = await getYearPlan({ services, community });
    const coach = community.coachId ? coaches.get(community.coachId) : undefined;
    plans.push({ communityId: plan.communityId, academicYear: plan.academicYear, intervalDays: plan.intervalDays, series: plan.series, sessions: plan.sessions, gaps: plan.gaps, communityName: community.name, coachName: coach ? `${coach.firstName} ${coach.lastName}` : null });
  }
  // The intake's format says why an individual-coaching intake has no community sessions (#21 item 3).
  return { intakeId, programmeId, format: period.settings.format, academicYear: period.academicYear, holidays: await holidaysOf(services.db, institutionId, period.academicYear), communities: plans };
}
