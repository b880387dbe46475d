/** Creating and editing communities by hand, one membership change at a time, with version checks. */
import { and, eq, isNull } from 'drizzle-orm';
import { capacityProblem } from '../../../domain/communities/continuity';
import type { Services } from '../../context';
import { classes, classMembers, communities, communityMembers } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { assertSwitchTarget, recordProgrammeSwitch } from '../year/public';
import { activeMembers, assertCoachAvailable, assertSecondCommunityConfirmed, bumpVersion, changeCoach, communityWithIntake } from './manage-repository';

type Scope = { services: Services; institutionId: string; programmeId: string };

export async function createCommunity({ services, institutionId, programmeId, intakeId, name, coachId, confirmSecondCommunity = false }: Scope & { intakeId: string; name: string; coachId: string | null; confirmSecondCommunity?: boolean }) {
  return services.db.transaction(async (tx) => {
    if (coachId) {
      await assertCoachAvailable(tx, institutionId, programmeId, coachId);
      await assertSecondCommunityConfirmed(tx, coachId, null, confirmSecondCommunity);
    }
    // One clock for the community's start and its first coach period (the continuity figure).
    const now = services.now();
    const [row] = await tx.insert(communities).values({ intakeId, name, createdAt: now }).returning({ id: communities.id });
    if (coachId) await changeCoach(tx, row!.id, coachId, now, 'changed');
    return { id: row!.id };
  });
}

export async function updateCommunity({ services, institutionId, programmeId, communityId, name, coachId, version, confirmSecondCommunity = false }: Scope & { communityId: string; name: string; coachId: string | null; version: number; confirmSecondCommunity?: boolean }) {
  return services.db.transaction(async (tx) => {
    const { community } = await communityWithIntake(tx, communityId);
    await bumpVersion(tx, communityId, version);
    await tx.update(communities).set({ name }).where(eq(communities.id, communityId));
    if (coachId !== community.coachId) {
      if (coachId) {
        await assertCoachAvailable(tx, institutionId, programmeId, coachId);
        await assertSecondCommunityConfirmed(tx, coachId, communityId, confirmSecondCommunity);
      }
      await changeCoach(tx, communityId, coachId, services.now(), 'changed');
    }
    return { id: communityId };
  });
}

/**
 * Adds a student of the intake; if they are in another community of the intake, it is a move
 * (that membership ends with reason 'moved'). A full community needs `overrideFull`.
 */
export async function addMember({ services, communityId, personId, version, overrideFull }: Omit<Scope, 'institutionId' | 'programmeId'> & { communityId: string; personId: string; version: number; overrideFull: boolean }) {
  return services.db.transaction(async (tx) => {
    const { community, size } = await communityWithIntake(tx, communityId);
    await bumpVersion(tx, communityId, version);
    const [inIntake] = await tx
      .select({ personId: classMembers.personId })
      .from(classMembers)
      .innerJoin(classes, eq(classes.id, classMembers.classId))
      .where(and(eq(classes.intakeId, community.intakeId), eq(classMembers.personId, personId)));
    if (!inIntake) throw new AppError('validation_failed', 'not a student of the intake', {}, [{ path: 'personId', message: 'intake' }]);
    const members = await activeMembers(tx, communityId);
    if (members.some((m) => m.personId === personId)) return { id: communityId, moved: false };
    if (capacityProblem(members.length, size.max, overrideFull)) throw new AppError('community_full');
    const now = services.now();
    const current = await tx
      .select({ id: communityMembers.id, communityId: communityMembers.communityId })
      .from(communityMembers)
      .innerJoin(communities, eq(communities.id, communityMembers.communityId))
      .where(and(eq(communityMembers.personId, personId), isNull(communityMembers.leftOn), eq(communities.intakeId, community.intakeId)));
    for (const m of current) {
      await tx.update(communityMembers).set({ leftOn: now, leftReason: 'moved' }).where(eq(communityMembers.id, m.id));
      await bumpVersion(tx, m.communityId, null);
    }
    await tx.insert(communityMembers).values({ communityId, personId, joinedOn: now, joinedReason: current.length > 0 ? 'moved' : 'added' });
    return { id: communityId, moved: current.length > 0 };
  });
}

/**
 * A member's participation ends, with a reason (#21 item 7). A switch to another programme names
 * it; if the student agreed, that programme's coordinator gets a warm-handover notice.
 */
export async function stopMember({ services, institutionId, programmeId, communityId, personId, reason, version, switchTo }: Scope & { communityId: string; personId: string; reason: string; version: number; switchTo?: { programmeId: string; welcomeAgreed: boolean } | undefined }) {
  return services.db.transaction(async (tx) => {
    if (reason === 'switchedProgramme' && switchTo) await assertSwitchTarget(tx, institutionId, programmeId, switchTo.programmeId);
    await bumpVersion(tx, communityId, version);
    const rows = await tx
      .update(communityMembers)
      .set({ leftOn: services.now(), leftReason: reason })
      .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.personId, personId), isNull(communityMembers.leftOn)))
      .returning({ id: communityMembers.id });
    if (rows.length === 0) throw new AppError('not_found');
    if (reason === 'switchedProgramme' && switchTo?.welcomeAgreed) {
      await recordProgrammeSwitch(tx, services, { institutionId, personId, fromProgrammeId: programmeId, toProgrammeId: switchTo.programmeId });
    }
    return { id: communityId };
  });
}
