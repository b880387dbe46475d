/** SQL for editing communities: versions, memberships, coach periods, handovers. */
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { CoachStatus } from '../../../domain/programme/coach-lifecycle';
import { canLeadCommunity } from '../../../domain/programme/coach-lifecycle';
import { readIntakeSettings } from '../../../domain/programme/intake-settings';
import type { Db } from '../../db/client';
import { communities, communityCoachPeriods, communityMembers, coachProfiles, handovers, intakes, people, roleAssignments } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/**
 * Optimistic concurrency: the edit states the version it saw; a stale version is a 409
 * `conflict`, never a silent overwrite.
 */
export async function bumpVersion(db: Db, communityId: string, expected: number | null): Promise<number> {
  const rows = await db
    .update(communities)
    .set({ version: sql`${communities.version} + 1` })
    .where(expected === null ? eq(communities.id, communityId) : and(eq(communities.id, communityId), eq(communities.version, expected)))
    .returning({ version: communities.version });
  if (rows.length === 0) throw new AppError('conflict', 'stale community version');
  return rows[0]!.version;
}

export async function communityWithIntake(db: Db, communityId: string) {
  const [row] = await db
    .select({ community: communities, intake: intakes })
    .from(communities)
    .innerJoin(intakes, eq(intakes.id, communities.intakeId))
    .where(eq(communities.id, communityId));
  if (!row) throw new AppError('not_found');
  return { ...row, size: readIntakeSettings(row.intake.settings, row.intake.month).settings.communitySize };
}

export async function activeMembers(db: Db, communityId: string) {
  return db
    .select({ membershipId: communityMembers.id, personId: communityMembers.personId, joinedOn: communityMembers.joinedOn })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), isNull(communityMembers.leftOn)));
}

/** Coaches of a programme who may lead a community now (active or paused; a missing profile counts as active). */
export async function availableCoaches(db: Db, institutionId: string, programmeId: string) {
  const rows = await db
    .selectDistinct({ id: people.id, firstName: people.firstName, lastName: people.lastName, status: coachProfiles.status })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .leftJoin(coachProfiles, eq(coachProfiles.personId, people.id))
    .where(and(eq(roleAssignments.institutionId, institutionId), eq(roleAssignments.role, 'studentcoach'), eq(roleAssignments.programmeId, programmeId)))
    .orderBy(asc(people.firstName), asc(people.lastName));
  return rows.filter((r) => canLeadCommunity((r.status ?? 'active') as CoachStatus)).map(({ status: _s, ...p }) => p);
}

export async function assertCoachAvailable(db: Db, institutionId: string, programmeId: string, coachId: string) {
  const coaches = await availableCoaches(db, institutionId, programmeId);
  if (!coaches.some((c) => c.id === coachId)) throw new AppError('coach_not_available');
}

/**
 * A coach may lead more than one community, but never by accident: assigning one who already leads
 * another needs the coordinator's explicit confirmation.
 */
export async function assertSecondCommunityConfirmed(db: Db, coachId: string, exceptCommunityId: string | null, confirmed: boolean) {
  if (confirmed) return;
  const led = await db
    .select({ name: communities.name })
    .from(communities)
    .where(and(eq(communities.coachId, coachId), exceptCommunityId ? ne(communities.id, exceptCommunityId) : undefined))
    .orderBy(asc(communities.name));
  if (led.length > 0) throw new AppError('coach_already_leads', 'coach leads another community', { communities: led.map((c) => c.name).join(', ') });
}

/** Ends the current coach period and starts the next one (or none). */
export async function changeCoach(db: Db, communityId: string, coachId: string | null, at: Date, reason: string) {
  await db
    .update(communityCoachPeriods)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(communityCoachPeriods.communityId, communityId), isNull(communityCoachPeriods.endedAt)));
  if (coachId) await db.insert(communityCoachPeriods).values({ communityId, coachId, startedAt: at });
  await db.update(communities).set({ coachId }).where(eq(communities.id, communityId));
}

export async function coachPeriodsOf(db: Db, communityIds: string[]) {
  if (communityIds.length === 0) return [];
  return db.select().from(communityCoachPeriods).where(inArray(communityCoachPeriods.communityId, communityIds)).orderBy(asc(communityCoachPeriods.startedAt));
}

export async function membershipsOf(db: Db, communityIds: string[]) {
  if (communityIds.length === 0) return [];
  return db.select().from(communityMembers).where(inArray(communityMembers.communityId, communityIds)).orderBy(asc(communityMembers.joinedOn));
}

/** Current member counts of communities (0 for one without members). */
export async function memberCounts(db: Db, communityIds: string[]): Promise<Map<string, number>> {
  if (communityIds.length === 0) return new Map();
  const rows = await db
    .select({ communityId: communityMembers.communityId, n: sql<number>`count(*)::int` })
    .from(communityMembers)
    .where(and(inArray(communityMembers.communityId, communityIds), isNull(communityMembers.leftOn)))
    .groupBy(communityMembers.communityId);
  const counts = new Map(rows.map((r) => [r.communityId, Number(r.n)]));
  return new Map(communityIds.map((id) => [id, counts.get(id) ?? 0]));
}

export async function openHandoversOf(db: Db, communityIds: string[]) {
  if (communityIds.length === 0) return [];
  return db.select().from(handovers).where(and(inArray(handovers.communityId, communityIds), eq(handovers.status, 'open')));
}
