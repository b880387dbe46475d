/** SQL of the sessions context: sessions with the relations the access policy needs. */
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Actor, Resource } from '../../../domain/access/policy';
import type { SessionType } from '../../../domain/sessions/session-types';
import type { Db } from '../../db/client';
import {
  classMembers,
  coachSupervision,
  communities,
  communityMembers,
  people,
  roleAssignments,
  sessions,
} from '../../db/schema';

export type SessionRow = typeof sessions.$inferSelect;
export type SessionResource = Extract<Resource, { kind: 'session' }>;
export type LoadedSession = { row: SessionRow; resource: SessionResource; communityName: string | null };

/** The people invited to each session, by kind. */
async function participantsOf(db: Db, rows: SessionRow[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(rows.map((r) => [r.id, []]));
  const communityIds = [...new Set(rows.flatMap((r) => (r.communityId && r.type !== 'oneOnOne' ? [r.communityId] : [])))];
  const classIds = [...new Set(rows.flatMap((r) => (r.classId && r.type === 'classWide' ? [r.classId] : [])))];
  const programmeIds = [...new Set(rows.flatMap((r) => (r.type === 'coachTraining' || r.type === 'intervision' ? [r.programmeId] : [])))];
  const [members, classRows, coaches] = await Promise.all([
    communityIds.length
      ? db
          .select({ communityId: communityMembers.communityId, personId: communityMembers.personId })
          .from(communityMembers)
          .where(and(inArray(communityMembers.communityId, communityIds), isNull(communityMembers.leftOn)))
      : Promise.resolve([]),
    classIds.length
      ? db.select({ classId: classMembers.classId, personId: classMembers.personId }).from(classMembers).where(inArray(classMembers.classId, classIds))
      : Promise.resolve([]),
    programmeIds.length
      ? db
          .selectDistinct({ programmeId: roleAssignments.programmeId, personId: roleAssignments.personId })
          .from(roleAssignments)
          .where(and(inArray(roleAssignments.programmeId, programmeIds), eq(roleAssignments.role, 'studentcoach')))
      : Promise.resolve([]),
  ]);
  for (const r of rows) {
    const ids =
      r.type === 'oneOnOne'
        ? r.coacheeId
          ? [r.coacheeId]
          : []
        : r.type === 'classWide'
          ? classRows.filter((m) => m.classId === r.classId).map((m) => m.personId)
          : r.type === 'coachTraining' || r.type === 'intervision'
            ? coaches.filter((c) => c.programmeId === r.programmeId).map((c) => c.personId)
            : members.filter((m) => m.communityId === r.communityId).map((m) => m.personId);
    result.set(r.id, [...new Set(ids)]);
  }
  return result;
}

/** Loads sessions with organiser, participants and supervisors. */
export async function loadSessions(db: Db, institutionId: string, where: ReturnType<typeof and>): Promise<LoadedSession[]> {
  const rows = await db
    .select({ session: sessions, communityName: communities.name, communityCoach: communities.coachId })
    .from(sessions)
    .leftJoin(communities, eq(communities.id, sessions.communityId))
    .where(and(eq(sessions.institutionId, institutionId), where))
    .orderBy(asc(sessions.startsAt));
  if (rows.length === 0) return [];
  // A community session is led by the community's current coach (a handover moves them along).
  const plain = rows.map((r) => ({ ...r.session, organiserId: r.session.type === 'coachTraining' || r.session.type === 'intervision' ? r.session.organiserId : (r.communityCoach ?? r.session.organiserId) }));
  const organisers = [...new Set(plain.flatMap((r) => (r.organiserId ? [r.organiserId] : [])))];
  const [participants, supervision] = await Promise.all([
    participantsOf(db, plain),
    organisers.length ? db.select().from(coachSupervision).where(inArray(coachSupervision.coachId, organisers)) : Promise.resolve([]),
  ]);
  return plain.map((row, i) => ({
    row,
    communityName: rows[i]!.communityName,
    resource: {
      kind: 'session' as const,
      institutionId: row.institutionId,
      programmeId: row.programmeId,
      organiserId: row.organiserId,
      participantIds: participants.get(row.id) ?? [],
      supervisorIds: supervision.filter((s) => s.coachId === row.organiserId).map((s) => s.seniorId),
    },
  }));
}

export async function loadSession(db: Db, institutionId: string, sessionId: string): Promise<LoadedSession | null> {
  const [loaded] = await loadSessions(db, institutionId, and(eq(sessions.id, sessionId)));
  return loaded ?? null;
}

/**
 * Candidate sessions for a person in a window: led by them, in their communities, their
 * one-on-ones, their programme's trainings, their supervisees' sessions, their programmes (coordinator).
 * The caller filters every one through the policy.
 */
export async function loadSessionsAround(db: Db, actor: Actor, from: Date, to: Date): Promise<LoadedSession[]> {
  const memberOf = db.select({ id: communityMembers.communityId }).from(communityMembers).where(and(eq(communityMembers.personId, actor.personId), isNull(communityMembers.leftOn)));
  const coachOf = db.select({ id: communities.id }).from(communities).where(eq(communities.coachId, actor.personId));
  const supervisees = db.select({ id: coachSupervision.coachId }).from(coachSupervision).where(eq(coachSupervision.seniorId, actor.personId));
  const superviseeCommunities = db.select({ id: communities.id }).from(communities).where(inArray(communities.coachId, supervisees));
  const classesOf = db.select({ id: classMembers.classId }).from(classMembers).where(eq(classMembers.personId, actor.personId));
  const coordinatorProgrammes = actor.grants.filter((g) => g.role === 'coordinator' && g.programmeId).map((g) => g.programmeId as string);
  const coachProgrammes = actor.grants.filter((g) => g.role === 'studentcoach' && g.programmeId).map((g) => g.programmeId as string);
  return loadSessions(
    db,
    actor.institutionId,
    and(
      gte(sessions.startsAt, from),
      lte(sessions.startsAt, to),
      or(
        eq(sessions.organiserId, actor.personId),
        eq(sessions.coacheeId, actor.personId),
        inArray(sessions.communityId, memberOf),
        inArray(sessions.communityId, coachOf),
        inArray(sessions.communityId, superviseeCommunities),
        inArray(sessions.organiserId, supervisees),
        inArray(sessions.classId, classesOf),
        coordinatorProgrammes.length ? inArray(sessions.programmeId, coordinatorProgrammes) : sql`false`,
        coachProgrammes.length
          ? and(inArray(sessions.programmeId, coachProgrammes), inArray(sessions.type, ['coachTraining', 'intervision'] satisfies SessionType[]))
          : sql`false`,
      ),
    ),
  );
}

export async function peopleNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { firstName: string; lastName: string; email: string; locale: string }>();
  const rows = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email, locale: people.locale })
    .from(people)
    .where(inArray(people.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
