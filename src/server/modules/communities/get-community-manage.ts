import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { CommunityManageResponse } from '../../../contracts/communities';
import type { Services } from '../../context';
import { classes, classMembers, communities, handovers, people } from '../../db/schema';
import { continuityFor } from './continuity-of';
import { availableCoaches, coachPeriodsOf, communityWithIntake, memberCounts, membershipsOf } from './manage-repository';

type Event = CommunityManageResponse['history'][number];

/** Everything the coordinator needs to edit one community, with its history (newest first). */
export async function getCommunityManage({ services, institutionId, communityId }: { services: Services; institutionId: string; communityId: string }): Promise<CommunityManageResponse> {
  const { db } = services;
  const { community, intake, size } = await communityWithIntake(db, communityId);
  const [memberships, periods, handoverRows] = await Promise.all([
    membershipsOf(db, [communityId]),
    coachPeriodsOf(db, [communityId]),
    db.select().from(handovers).where(eq(handovers.communityId, communityId)).orderBy(desc(handovers.createdAt)),
  ]);
  const ids = [
    ...new Set([
      ...memberships.map((m) => m.personId),
      ...periods.map((p) => p.coachId),
      ...handoverRows.flatMap((h) => [h.fromCoachId, h.toCoachId].filter((x): x is string => Boolean(x))),
      ...(community.coachId ? [community.coachId] : []),
    ]),
  ];
  const who = new Map(
    (ids.length ? await db.select({ id: people.id, firstName: people.firstName, lastName: people.lastName }).from(people).where(inArray(people.id, ids)) : []).map((p) => [p.id, p]),
  );
  const ref = (id: string | null) => (id ? (who.get(id) ?? null) : null);
  const numbers = new Map(
    (
      await db
        .select({ personId: classMembers.personId, studentNumber: classMembers.studentNumber })
        .from(classMembers)
        .innerJoin(classes, eq(classes.id, classMembers.classId))
        .where(eq(classes.intakeId, intake.id))
    ).map((r) => [r.personId, r.studentNumber]),
  );
  const history: Event[] = [
    ...memberships.map((m): Event => ({ at: m.joinedOn.toISOString(), kind: 'joined', person: ref(m.personId), reason: m.joinedReason })),
    ...memberships.flatMap((m): Event[] => (m.leftOn ? [{ at: m.leftOn.toISOString(), kind: 'left', person: ref(m.personId), reason: m.leftReason }] : [])),
    ...periods.map((p): Event => ({ at: p.startedAt.toISOString(), kind: 'coachStarted', person: ref(p.coachId), reason: null })),
    ...periods.flatMap((p): Event[] => (p.endedAt ? [{ at: p.endedAt.toISOString(), kind: 'coachEnded', person: ref(p.coachId), reason: p.endReason }] : [])),
    ...handoverRows.map((h): Event => ({ at: h.createdAt.toISOString(), kind: 'handoverStarted', person: ref(h.fromCoachId), reason: h.mode })),
    ...handoverRows.flatMap((h): Event[] => (h.completedAt ? [{ at: h.completedAt.toISOString(), kind: 'handoverCompleted', person: ref(h.toCoachId), reason: h.mode }] : [])),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const otherRows = await db
    .select({ id: communities.id, name: communities.name, version: communities.version })
    .from(communities)
    .where(and(eq(communities.intakeId, intake.id), ne(communities.id, communityId)))
    .orderBy(asc(communities.name));
  const counts = await memberCounts(db, otherRows.map((o) => o.id));
  const others = otherRows.map((o) => ({ ...o, memberCount: counts.get(o.id) ?? 0 }));
  const continuity = await continuityFor(db, [community], services.now());
  return {
    id: community.id,
    name: community.name,
    version: community.version,
    intakeId: intake.id,
    programmeId: intake.programmeId,
    size,
    coach: ref(community.coachId),
    members: memberships
      .filter((m) => m.leftOn === null)
      .map((m) => ({ ...(ref(m.personId) ?? { id: m.personId, firstName: '', lastName: '' }), studentNumber: numbers.get(m.personId) ?? null, joinedOn: m.joinedOn.toISOString() }))
      .sort((a, b) => a.firstName.localeCompare(b.firstName)),
    continuity: continuity.get(community.id)!,
    history,
    handovers: handoverRows.map((h) => ({
      id: h.id,
      status: h.status === 'completed' ? ('completed' as const) : ('open' as const),
      fromCoach: ref(h.fromCoachId),
      toCoach: ref(h.toCoachId),
      createdAt: h.createdAt.toISOString(),
    })),
    otherCommunities: others,
    coaches: await availableCoaches(db, institutionId, intake.programmeId),
  };
}
