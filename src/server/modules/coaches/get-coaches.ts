import { and, desc, eq, inArray } from 'drizzle-orm';
import type { CoachesResponse } from '../../../contracts/programme';
import type { ApplicationStatus } from '../../../domain/programme/coach-lifecycle';
import type { Services } from '../../context';
import { coachApplications, people, roleAssignments } from '../../db/schema';
import { nominationsOfApplications } from '../growth/public';
import { coachesOf } from './repository';

/** The coordinator's coach screen: open applications, every coach with their state, the seniors. */
export async function getCoaches({ services, institutionId, programmeId }: { services: Services; institutionId: string; programmeId: string }): Promise<CoachesResponse> {
  const { db } = services;
  const applications = await db
    .select()
    .from(coachApplications)
    .where(and(eq(coachApplications.programmeId, programmeId), inArray(coachApplications.status, ['submitted', 'conversationPlanned'])))
    .orderBy(desc(coachApplications.createdAt));
  const nominations = await nominationsOfApplications(db, applications.map((a) => a.id));
  const coaches = await coachesOf(db, institutionId, programmeId);
  const seniors = await db
    .selectDistinct({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(and(eq(roleAssignments.role, 'seniorcoach'), eq(roleAssignments.programmeId, programmeId)));
  return {
    applications: applications.map((a) => ({
      id: a.id,
      firstName: a.firstName,
      lastName: a.lastName,
      email: a.email,
      studyYear: a.studyYear,
      motivation: a.motivation,
      availability: a.availability,
      languages: a.languages,
      roleModelText: a.roleModelConsent ? a.roleModelText : null,
      status: a.status as ApplicationStatus,
      conversationAt: a.conversationAt?.toISOString() ?? null,
      decisionNote: a.decisionNote,
      createdAt: a.createdAt.toISOString(),
      nomination: nominations.get(a.id) ?? null,
    })),
    coaches: coaches.sort((a, b) => a.firstName.localeCompare(b.firstName)),
    seniors,
  };
}
