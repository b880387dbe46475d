/** SQL of the coaches context: applications, profiles, supervision, and the coach resource. */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Resource } from '../../../domain/access/policy';
import type { CoachStatus } from '../../../domain/programme/coach-lifecycle';
import type { Db } from '../../db/client';
import { coachApplications, coachPhotos, coachProfiles, coachSupervision, communities, communityMembers, handovers, people, programmes, roleAssignments } from '../../db/schema';

export type CoachResource = Extract<Resource, { kind: 'coach' }>;

/** The programme a person coaches in: their profile's, or their studentcoach role's. */
export async function coachProgramme(db: Db, institutionId: string, personId: string): Promise<string | null> {
  const [profile] = await db
    .select({ programmeId: coachProfiles.programmeId })
    .from(coachProfiles)
    .innerJoin(people, eq(people.id, coachProfiles.personId))
    .where(and(eq(coachProfiles.personId, personId), eq(people.institutionId, institutionId)));
  if (profile) return profile.programmeId;
  const [role] = await db
    .select({ programmeId: roleAssignments.programmeId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.role, 'studentcoach'), eq(roleAssignments.institutionId, institutionId)));
  return role?.programmeId ?? null;
}

export async function coachResource(db: Db, institutionId: string, personId: string): Promise<CoachResource | null> {
  const programmeId = await coachProgramme(db, institutionId, personId);
  if (!programmeId) return null;
  const supervisors = await db.select({ id: coachSupervision.seniorId }).from(coachSupervision).where(eq(coachSupervision.coachId, personId));
  const coachees = await db
    .select({ id: communityMembers.personId })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communities.coachId, personId), isNull(communityMembers.leftOn)));
  return {
    kind: 'coach',
    institutionId,
    programmeId,
    coachId: personId,
    supervisorIds: supervisors.map((s) => s.id),
    coacheeIds: coachees.map((c) => c.id),
  };
}

export async function applicationProgramme(db: Db, institutionId: string, applicationId: string) {
  const [row] = await db
    .select({ programmeId: coachApplications.programmeId })
    .from(coachApplications)
    .innerJoin(programmes, eq(programmes.id, coachApplications.programmeId))
    .where(and(eq(coachApplications.id, applicationId), eq(programmes.institutionId, institutionId)));
  return row?.programmeId ?? null;
}

/** Every student coach of a programme with profile, supervisor, communities and open handovers. */
export async function coachesOf(db: Db, institutionId: string, programmeId: string) {
  const holders = await db
    .selectDistinct({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(and(eq(roleAssignments.institutionId, institutionId), eq(roleAssignments.role, 'studentcoach'), eq(roleAssignments.programmeId, programmeId)));
  const ids = holders.map((h) => h.id);
  if (ids.length === 0) return [];
  const [profiles, seniors, supervision, led, open] = await Promise.all([
    db.select().from(coachProfiles).where(inArray(coachProfiles.personId, ids)),
    db
      .select({ personId: roleAssignments.personId })
      .from(roleAssignments)
      .where(and(inArray(roleAssignments.personId, ids), eq(roleAssignments.role, 'seniorcoach'))),
    db
      .select({ coachId: coachSupervision.coachId, seniorId: coachSupervision.seniorId, firstName: people.firstName, lastName: people.lastName })
      .from(coachSupervision)
      .innerJoin(people, eq(people.id, coachSupervision.seniorId))
      .where(inArray(coachSupervision.coachId, ids)),
    db.select({ id: communities.id, name: communities.name, coachId: communities.coachId }).from(communities).where(inArray(communities.coachId, ids)),
    db
      .select({ fromCoachId: handovers.fromCoachId, n: sql<number>`count(*)::int` })
      .from(handovers)
      .where(and(inArray(handovers.fromCoachId, ids), eq(handovers.status, 'open')))
      .groupBy(handovers.fromCoachId),
  ]);
  const photos = await photoVersions(db, ids);
  return holders.map((h) => {
    const profile = profiles.find((p) => p.personId === h.id);
    const sup = supervision.find((s) => s.coachId === h.id);
    return {
      ...h,
      status: (profile?.status ?? 'active') as CoachStatus,
      agreementSignedOn: profile?.agreementSignedOn ?? null,
      firstTrainingOn: profile?.firstTrainingOn ?? null,
      supervisor: sup ? { id: sup.seniorId, firstName: sup.firstName, lastName: sup.lastName } : null,
      isSenior: seniors.some((s) => s.personId === h.id),
      communities: led.filter((c) => c.coachId === h.id).map((c) => ({ id: c.id, name: c.name })),
      openHandovers: open.find((o) => o.fromCoachId === h.id)?.n ?? 0,
      photoVersion: photos.get(h.id) ?? null,
    };
  });
}

/** The photo's version for addresses and caches: changes whenever the photo does. */
export const photoVersion = (sha256: string) => sha256.slice(0, 16);

export async function photoVersions(db: Db, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.select({ personId: coachPhotos.personId, sha256: coachPhotos.sha256 }).from(coachPhotos).where(inArray(coachPhotos.personId, personIds));
  return new Map(rows.map((r) => [r.personId, photoVersion(r.sha256)]));
}

export async function profileOf(db: Db, personId: string) {
  const [row] = await db.select().from(coachProfiles).where(eq(coachProfiles.personId, personId));
  return row ?? null;
}

/** Ensures a profile row exists for a role holder from before profiles existed (status active). */
export async function ensureProfile(db: Db, personId: string, programmeId: string) {
  await db.insert(coachProfiles).values({ personId, programmeId, status: 'active' }).onConflictDoNothing();
  return (await profileOf(db, personId))!;
}
