/**
 * The relations read model: who belongs to what, as the access policy and many contexts need it —
 * a community's coach, members, supervising senior coaches and the members' leercoaches; the
 * programme an intake belongs to; people's names. One owner for these reads (ADR 0008), so no
 * context re-implements them or reaches into another context's repository for them.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Resource } from '../../../domain/access/policy';
import type { Db } from '../../db/client';
import { classes, classMembers, coachSupervision, communities, communityMembers, intakes, people, programmes } from '../../db/schema';

type ProgrammeResource = Extract<Resource, { kind: 'programme' }>;

export type CommunityResource = Extract<Resource, { kind: 'community' }> & {
  id: string;
  name: string;
  intakeId: string;
  /** 'group', 'caseload' (individual coaching: one-on-ones only) or 'class' (class-wide), #21 item 3. */
  communityKind: string;
  /** The class of a class community (kind 'class', ADR 0027); null otherwise. */
  classId: string | null;
};

/** Loads communities (all of an institution, or the given ids) with coach, members, supervisors, leercoaches. */
export async function loadCommunityResources(db: Db, institutionId: string, ids?: string[]): Promise<CommunityResource[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select({
      id: communities.id,
      name: communities.name,
      intakeId: communities.intakeId,
      communityKind: communities.kind,
      classId: communities.classId,
      coachId: communities.coachId,
      programmeId: programmes.id,
      institutionId: programmes.institutionId,
    })
    .from(communities)
    .innerJoin(intakes, eq(intakes.id, communities.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(and(eq(programmes.institutionId, institutionId), ids ? inArray(communities.id, ids) : undefined));
  if (rows.length === 0) return [];
  const communityIds = rows.map((r) => r.id);
  const members = await db
    .select({ communityId: communityMembers.communityId, personId: communityMembers.personId })
    .from(communityMembers)
    .where(and(inArray(communityMembers.communityId, communityIds), isNull(communityMembers.leftOn)));
  const coachIds = rows.flatMap((r) => (r.coachId ? [r.coachId] : []));
  const supervision = coachIds.length
    ? await db.select().from(coachSupervision).where(inArray(coachSupervision.coachId, coachIds))
    : [];
  const memberIds = [...new Set(members.map((m) => m.personId))];
  const leercoaches = memberIds.length
    ? await db
        .select({ personId: classMembers.personId, leercoachId: classes.leercoachId })
        .from(classMembers)
        .innerJoin(classes, eq(classes.id, classMembers.classId))
        .where(inArray(classMembers.personId, memberIds))
    : [];
  return rows.map((row) => {
    const ids = members.filter((m) => m.communityId === row.id).map((m) => m.personId);
    return {
      kind: 'community' as const,
      ...row,
      memberIds: ids,
      supervisorIds: supervision.filter((s) => s.coachId === row.coachId).map((s) => s.seniorId),
      leercoachIds: [
        ...new Set(leercoaches.filter((l) => ids.includes(l.personId) && l.leercoachId).map((l) => l.leercoachId as string)),
      ],
    };
  });
}

/** Names and e-mail addresses of people, by id. */
export async function namesOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, { firstName: string; lastName: string; email: string }>();
  const rows = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email })
    .from(people)
    .where(inArray(people.id, personIds));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A programme of the institution, as a policy resource (null when it is not the institution's). */
export async function programmeResource(db: Db, institutionId: string, programmeId: string): Promise<ProgrammeResource | null> {
  const [row] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.id, programmeId), eq(programmes.institutionId, institutionId)));
  return row ? { kind: 'programme', institutionId, programmeId: row.id } : null;
}

/** The programme an intake belongs to, as a policy resource. */
export async function intakeResource(db: Db, institutionId: string, intakeId: string): Promise<(ProgrammeResource & { intakeId: string }) | null> {
  const [row] = await db
    .select({ programmeId: intakes.programmeId })
    .from(intakes)
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(and(eq(intakes.id, intakeId), eq(programmes.institutionId, institutionId)));
  return row ? { kind: 'programme', institutionId, programmeId: row.programmeId, intakeId } : null;
}

/** A coachee as a policy resource: their programme and the coaches of the communities they are in now. */
export async function coacheeResource(db: Db, institutionId: string, coacheeId: string): Promise<Extract<Resource, { kind: 'coachee' }> | null> {
  const rows = await db
    .select({ coachId: communities.coachId, programmeId: programmes.id })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .innerJoin(intakes, eq(intakes.id, communities.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId))
    .where(and(eq(communityMembers.personId, coacheeId), isNull(communityMembers.leftOn), eq(programmes.institutionId, institutionId)));
  const first = rows[0];
  if (!first) return null;
  return {
    kind: 'coachee',
    institutionId,
    programmeId: first.programmeId,
    coacheeId,
    coachIds: rows.flatMap((r) => (r.coachId ? [r.coachId] : [])),
  };
}
