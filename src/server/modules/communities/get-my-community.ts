import { and, asc, desc, eq, gte, isNull } from 'drizzle-orm';
import type { MyCommunityResponse } from '../../../contracts/communities';
import type { Services } from '../../context';
import { photoVersions } from '../coaches/public';
import { coachProfiles, communities, communityCoachPeriods, communityMembers, handovers, people, sessions } from '../../db/schema';

/**
 * The coachee's view: my community, my coach and how to reach them (phone only with the coach's
 * consent), fellow members by first name, and the community's next planned session.
 */
export async function getMyCommunity({ services, personId }: { services: Services; personId: string }): Promise<MyCommunityResponse> {
  const { db } = services;
  const [membership] = await db
    .select({ communityId: communityMembers.communityId, name: communities.name, coachId: communities.coachId, kind: communities.kind })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communityMembers.personId, personId), isNull(communityMembers.leftOn)))
    .orderBy(desc(communityMembers.joinedOn))
    .limit(1);
  if (!membership) return { community: null, nextSession: null };
  // A caseload's coachees each meet only their coach: they are not shown to each other.
  const caseload = membership.kind === 'caseload';
  const members = caseload
    ? []
    : await db
        .select({ id: people.id, firstName: people.firstName })
        .from(communityMembers)
        .innerJoin(people, eq(people.id, communityMembers.personId))
        .where(and(eq(communityMembers.communityId, membership.communityId), isNull(communityMembers.leftOn)))
        .orderBy(people.firstName);
  let coach: NonNullable<MyCommunityResponse['community']>['coach'] = null;
  let coachSince: string | null = null;
  let introProposedAt: string | null = null;
  if (membership.coachId) {
    const [row] = await db
      .select({ person: people, profile: coachProfiles })
      .from(people)
      .leftJoin(coachProfiles, eq(coachProfiles.personId, people.id))
      .where(eq(people.id, membership.coachId));
    if (row) {
      coach = {
        id: row.person.id,
        firstName: row.person.firstName,
        lastName: row.person.lastName,
        intro: row.profile?.intro ?? '',
        languages: row.profile?.languages ?? [],
        email: row.person.email,
        phone: row.profile?.phoneConsent ? (row.profile.phone ?? null) : null,
        photoVersion: (await photoVersions(db, [row.person.id])).get(row.person.id) ?? null,
      };
    }
    const [period] = await db
      .select({ startedAt: communityCoachPeriods.startedAt })
      .from(communityCoachPeriods)
      .where(and(eq(communityCoachPeriods.communityId, membership.communityId), isNull(communityCoachPeriods.endedAt)))
      .limit(1);
    coachSince = period?.startedAt.toISOString() ?? null;
    const [handover] = await db
      .select({ at: handovers.introProposedAt })
      .from(handovers)
      .where(and(eq(handovers.communityId, membership.communityId), eq(handovers.toCoachId, membership.coachId), eq(handovers.status, 'completed')))
      .orderBy(desc(handovers.completedAt))
      .limit(1);
    introProposedAt = handover?.at?.toISOString() ?? null;
  }
  const [next] = await db
    .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt, title: sessions.title, location: sessions.location })
    .from(sessions)
    .where(
      and(
        eq(sessions.communityId, membership.communityId),
        // The meeting the person is invited to: the group's session, the class's class-wide one, or their own one-on-one in a caseload.
        membership.kind === 'class' ? eq(sessions.type, 'classWide') : caseload ? and(eq(sessions.type, 'oneOnOne'), eq(sessions.coacheeId, personId)) : eq(sessions.type, 'community'),
        eq(sessions.status, 'planned'),
        gte(sessions.endsAt, services.now()),
      ),
    )
    .orderBy(asc(sessions.startsAt))
    .limit(1);
  return {
    community: { id: membership.communityId, name: membership.name, kind: membership.kind as 'group' | 'caseload' | 'class', members: members.filter((m) => m.id !== personId), coach, coachSince, introProposedAt },
    nextSession: next ? { ...next, startsAt: next.startsAt.toISOString(), endsAt: next.endsAt.toISOString() } : null,
  };
}
