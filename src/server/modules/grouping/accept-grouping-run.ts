/**
 * Accepting a draft creates its communities (membership reason 'grouping') and assigns coaches of
 * the same programme, all in one transaction. The version check makes a second, concurrent accept
 * (or an accept of a draft someone just edited) a 409 instead of a second set of communities.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AcceptGroupingRequest, GroupingRunResponse } from '../../../contracts/grouping';
import { AcceptGroupingRequest as AcceptSchema } from '../../../contracts/grouping';
import type { Actor } from '../../../domain/access/policy';
import { assignCoaches } from '../../../domain/grouping/assign-coaches';
import { roleModelPreference, roleModelTraits } from '../../../domain/grouping/role-model';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { coachProfiles, communities, communityMembers, groupingRuns, intakes, people, roleAssignments } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { changeCoach } from '../communities/public';
import { presentRun, type StoredCommunity } from './present-run';
import { alreadyPlaced, lastNumberWithPrefix, studentsByIds, studentsForGrouping } from './repository';

export type AcceptGroupingOptions = { services: Services; actor: Actor; runId: string; request: AcceptGroupingRequest; locale: 'nl' | 'en' };

export async function acceptGroupingRun({ services, actor, runId, request: input, locale }: AcceptGroupingOptions): Promise<GroupingRunResponse> {
  const request = AcceptSchema.parse(input);
  const accepted = await services.db.transaction(async (tx) => {
    const now = services.now();
    const [run] = await tx
      .update(groupingRuns)
      .set({ status: 'accepted', version: sql`${groupingRuns.version} + 1`, acceptedAt: now })
      .where(and(eq(groupingRuns.id, runId), eq(groupingRuns.version, request.version), eq(groupingRuns.status, 'draft')))
      .returning();
    if (!run) throw new AppError('conflict', 'grouping run accepted or changed meanwhile');
    const assignment = run.assignment as Record<string, number>;
    const stored = run.communities as StoredCommunity[];
    const members = await studentsByIds(tx, run.intakeId, Object.keys(assignment));
    if ((await alreadyPlaced(tx, run.intakeId, members.map((m) => m.id))).length > 0) throw new AppError('grouping_stale', 'students were placed since the run');
    const [intake] = await tx.select({ programmeId: intakes.programmeId }).from(intakes).where(eq(intakes.id, run.intakeId));
    const programmeId = intake!.programmeId;

    let number = await lastNumberWithPrefix(tx, run.intakeId, request.namePrefix);
    const created: StoredCommunity[] = [];
    const createdIds: { index: number; id: string; memberIds: string[] }[] = [];
    for (const [i, c] of stored.entries()) {
      const memberIds = members.filter((m) => assignment[m.id] === i).map((m) => m.id);
      if (memberIds.length === 0) {
        created.push(c);
        continue;
      }
      number += 1;
      const [row] = await tx
        .insert(communities)
        .values({ intakeId: run.intakeId, classId: c.classId, name: `${request.namePrefix} ${number}`, createdAt: now })
        .returning({ id: communities.id });
      await tx.insert(communityMembers).values(memberIds.map((personId) => ({ communityId: row!.id, personId, joinedOn: now, joinedReason: 'grouping' })));
      created.push({ ...c, communityId: row!.id });
      createdIds.push({ index: i, id: row!.id, memberIds });
    }
    if (request.assignCoaches && createdIds.length > 0) {
      const coaches = await freeCoaches(tx, actor.institutionId, programmeId, run.intakeId);
      let preference: number[][] | undefined;
      if (request.preferRoleModels) {
        // Only values that count (disclosed, enabled, background with consent) take part.
        const students = await studentsForGrouping(tx, actor.institutionId, members);
        const attributesOf = new Map(students.map((s) => [s.id, s.attributes]));
        preference = roleModelPreference(
          coaches.map((coach) => ({ traits: roleModelTraits(coach.roleModelText), languages: coach.languages })),
          createdIds.map((c) => ({ members: c.memberIds.map((id) => attributesOf.get(id) ?? {}) })),
        );
      }
      const result = assignCoaches({
        coaches: coaches.map((c) => ({ id: c.id, programmeId })),
        communities: createdIds.map((c) => ({ index: c.index, programmeId })),
        ...(preference ? { preference } : {}),
      });
      for (const [k, coachId] of result.coachOfCommunity.entries()) if (coachId) await changeCoach(tx, createdIds[k]!.id, coachId, now, 'changed');
    }
    const [updated] = await tx.update(groupingRuns).set({ communities: created }).where(eq(groupingRuns.id, runId)).returning();
    return updated!;
  });
  return presentRun(services, actor.institutionId, accepted, locale);
}

/**
 * Coaches of the programme who can take a community of this intake now: active (or without a
 * profile yet), not paused or leaving, and not already leading one of the intake's communities.
 */
async function freeCoaches(db: Db, institutionId: string, programmeId: string, intakeId: string) {
  const rows = await db
    .selectDistinct({
      id: people.id,
      lastName: people.lastName,
      status: coachProfiles.status,
      languages: coachProfiles.languages,
      roleModelConsent: coachProfiles.roleModelConsent,
      roleModelText: coachProfiles.roleModelText,
    })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .leftJoin(coachProfiles, eq(coachProfiles.personId, people.id))
    .where(
      and(
        eq(roleAssignments.institutionId, institutionId),
        eq(roleAssignments.role, 'studentcoach'),
        eq(roleAssignments.programmeId, programmeId),
        sql`not exists (select 1 from ${communities} where ${communities.coachId} = ${people.id} and ${communities.intakeId} = ${intakeId})`,
      ),
    )
    .orderBy(people.lastName, people.id);
  return rows
    .filter((r) => (r.status ?? 'active') === 'active')
    // The self-description is used only when the coach consented to it being used as a role model.
    .map((r) => ({ id: r.id, languages: r.languages ?? [], roleModelText: r.roleModelConsent ? r.roleModelText : null }));
}
