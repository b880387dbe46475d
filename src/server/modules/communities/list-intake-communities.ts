import { and, asc, eq, sql } from 'drizzle-orm';
import type { IntakeCommunitiesResponse } from '../../../contracts/communities';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Services } from '../../context';
import { classes, classMembers, communities, communityMembers, intakes, people } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { continuityFor } from './continuity-of';
import { availableCoaches, openHandoversOf } from './manage-repository';

/** The coordinator's overview of an intake's communities with size and continuity figures. */
export async function listIntakeCommunities({ services, institutionId, intakeId }: { services: Services; institutionId: string; intakeId: string }): Promise<IntakeCommunitiesResponse> {
  const { db } = services;
  const [intake] = await db.select().from(intakes).where(eq(intakes.id, intakeId));
  if (!intake) throw new AppError('not_found');
  const rows = await db
    .select({
      id: communities.id,
      name: communities.name,
      version: communities.version,
      createdAt: communities.createdAt,
      coachId: communities.coachId,
      coachFirst: people.firstName,
      coachLast: people.lastName,
      memberCount: sql<number>`(select count(*)::int from ${communityMembers} where ${communityMembers.communityId} = ${communities.id} and ${communityMembers.leftOn} is null)`,
    })
    .from(communities)
    .leftJoin(people, eq(people.id, communities.coachId))
    .where(eq(communities.intakeId, intakeId))
    .orderBy(asc(communities.name));
  const continuity = await continuityFor(db, rows, services.now());
  const open = await openHandoversOf(db, rows.map((r) => r.id));
  const [unplaced] = await db
    .select({ n: sql<number>`count(distinct ${classMembers.personId})::int` })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .where(
      and(
        eq(classes.intakeId, intakeId),
        sql`not exists (select 1 from ${communityMembers} join ${communities} on ${communities.id} = ${communityMembers.communityId}
          where ${communityMembers.personId} = ${classMembers.personId} and ${communities.intakeId} = ${intakeId} and ${communityMembers.leftOn} is null)`,
      ),
    );
  return {
    intake: { id: intake.id, programmeId: intake.programmeId, academicYear: intake.academicYear, month: intake.month },
    size: readIntakeSettings(intake.settings, intake.month).settings.communitySize,
    communities: rows.map((r) => ({
      id: r.id,
      name: r.name,
      version: r.version,
      coach: r.coachId ? { id: r.coachId, firstName: r.coachFirst ?? '', lastName: r.coachLast ?? '' } : null,
      memberCount: r.memberCount,
      continuity: continuity.get(r.id)!,
      openHandover: open.some((h) => h.communityId === r.id),
    })),
    coaches: await availableCoaches(db, institutionId, intake.programmeId),
    unplacedCount: unplaced?.n ?? 0,
  };
}
