/** SQL of the sessions context: sessions with the relations the access policy needs. */
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Actor, Resource } from '../../../domain/access/policy';
import type { SessionType } from '../../../domain/sessions/session-types';
import type { SessionMode } from '../../../domain/sessions/session-mode';
import type { Db } from '../../db/client';
import { accessCacheFor } from '../../db/access-cache';
import { preparedFor } from '../../db/prepared';
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

/**
 * The people invited to a session, by kind: a one-on-one's coachee, a class-wide session's
 * class, a senior coach's supervision group for the intervision they organise, the coaches without
 * a senior coach for another intervision in a programme with supervision groups, the programme's
 * student coaches for a training (or any intervision where nobody is supervised), otherwise the
 * community's current members.
 */
const participantIds = sql<string[]>`case
  when ${sessions.type} = 'oneOnOne' then case when ${sessions.coacheeId} is null then '[]'::json else json_build_array(${sessions.coacheeId}) end
  when ${sessions.type} = 'classWide' then (select coalesce(json_agg(cm.person_id order by cm.person_id), '[]'::json) from ${classMembers} cm where cm.class_id = ${sessions.classId})
  when ${sessions.type} = 'intervision' and exists (select 1 from ${coachSupervision} cs where cs.senior_id = ${sessions.organiserId} and cs.programme_id = ${sessions.programmeId})
    then (select coalesce(json_agg(distinct cs.coach_id), '[]'::json) from ${coachSupervision} cs where cs.senior_id = ${sessions.organiserId} and cs.programme_id = ${sessions.programmeId})
  when ${sessions.type} = 'intervision' and exists (select 1 from ${coachSupervision} cs where cs.programme_id = ${sessions.programmeId})
    then (select coalesce(json_agg(distinct ra.person_id), '[]'::json) from ${roleAssignments} ra where ra.programme_id = ${sessions.programmeId} and ra.role = 'studentcoach'
      and not exists (select 1 from ${coachSupervision} cs where cs.coach_id = ra.person_id and cs.programme_id = ${sessions.programmeId}))
  when ${sessions.type} in ('coachTraining', 'intervision') then (select coalesce(json_agg(distinct ra.person_id), '[]'::json) from ${roleAssignments} ra where ra.programme_id = ${sessions.programmeId} and ra.role = 'studentcoach')
  else (select coalesce(json_agg(distinct m.person_id), '[]'::json) from ${communityMembers} m where m.community_id = ${sessions.communityId} and m.left_on is null)
end`;

/**
 * A community session or outing is led by the community's current coach (a handover moves them
 * along). A one-on-one stays with the coach who planned it: it is their conversation and their
 * private notes, so after a handover it remains the old coach's history and the new coach plans
 * their own. Trainings and intervisions keep their stored organiser too.
 */
const organiserId = sql<string | null>`case when ${sessions.type} in ('coachTraining', 'intervision', 'oneOnOne') then ${sessions.organiserId} else coalesce(${communities.coachId}, ${sessions.organiserId}) end`;

/**
 * Loads sessions with organiser, participants and supervisors in one round trip: the access
 * rule of every session route runs this, so it is on the path of each RSVP and attendance mark.
 */
export async function loadSessions(db: Db, institutionId: string, where: ReturnType<typeof and>): Promise<LoadedSession[]> {
  const rows = await selectLoaded(db)
    .where(and(eq(sessions.institutionId, institutionId), where))
    .orderBy(asc(sessions.startsAt));
  return rows.map((r) => toLoaded(r));
}

function selectLoaded(db: Db) {
  return db
    .select({
      session: sessions,
      communityName: communities.name,
      organiserId,
      participantIds,
      supervisorIds: sql<string[]>`(select coalesce(json_agg(cs.senior_id order by cs.senior_id), '[]'::json) from ${coachSupervision} cs where cs.coach_id = ${organiserId})`,
    })
    .from(sessions)
    .leftJoin(communities, eq(communities.id, sessions.communityId));
}

const loadOneStatement = preparedFor((db) =>
  selectLoaded(db)
    .where(and(eq(sessions.institutionId, sql.placeholder('institutionId')), eq(sessions.id, sql.placeholder('sessionId'))))
    .prepare('sessions_load_one'),
);

type LoadedRow = { session: SessionRow; communityName: string | null; organiserId: string | null; participantIds: string[]; supervisorIds: string[] };

function toLoaded({ session, communityName, organiserId, participantIds, supervisorIds }: LoadedRow): LoadedSession {
  const row = { ...session, organiserId };
  return {
    row,
    communityName,
    resource: { kind: 'session', institutionId: row.institutionId, programmeId: row.programmeId, organiserId, participantIds, supervisorIds },
  };
}

/** Session → row, organiser, participants, supervisors; dropped on any change to them (access-cache.ts). */
const loadedCache = accessCacheFor<LoadedSession | null>();

/** One session with what its access rule needs; the value is shared and frozen when cached. */
export async function loadSession(db: Db, institutionId: string, sessionId: string): Promise<LoadedSession | null> {
  const read = async () => {
    const [row] = await loadOneStatement(db).execute({ institutionId, sessionId });
    return row ? toLoaded(row) : null;
  };
  const cache = loadedCache(db);
  return cache ? cache.get(`${institutionId}:${sessionId}`, read, (found) => found !== null) : read();
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

/** Communities' default session mode and meeting link (new sessions of theirs start from these). */
export async function communitySessionDefaults(db: Db, communityIds: readonly string[]): Promise<Map<string, { mode: SessionMode; meetingLink: string }>> {
  if (communityIds.length === 0) return new Map();
  const rows = await db
    .select({ id: communities.id, mode: communities.sessionMode, meetingLink: communities.meetingLink })
    .from(communities)
    .where(inArray(communities.id, [...communityIds]));
  return new Map(rows.map((r) => [r.id, { mode: r.mode as SessionMode, meetingLink: r.meetingLink }]));
}
