/**
 * Peer coaching's reach and attendance in a programme over a window, as counts only (the roadmap's
 * evidence, issue 22): how many of the programme's coachees came to at least one community session,
 * and the share of attendance marks that say present or late. No person is named.
 */
import { and, countDistinct, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { attendanceMarks, roleAssignments, sessions } from '../../db/schema';

export type ReachFigures = {
  /** Coachees of the programme. */
  coachees: number;
  /** Of them, how many were present (or late) at one community session or more in the window. */
  reached: number;
  /** Attendance marks of community sessions in the window, and how many say present or late. */
  marks: number;
  present: number;
  /** Different people with a mark in the window. */
  markedPeople: number;
};

/** Counts for `programmeId` between `from` (inclusive) and `to` (exclusive). */
export async function peerCoachingReach(db: Db, scope: { programmeId: string; from: Date; to: Date }): Promise<ReachFigures> {
  const inWindow = and(eq(sessions.programmeId, scope.programmeId), eq(sessions.type, 'community'), eq(sessions.status, 'planned'), gte(sessions.startsAt, scope.from), lt(sessions.startsAt, scope.to));
  const coacheeIds = db.select({ id: roleAssignments.personId }).from(roleAssignments).where(and(eq(roleAssignments.role, 'coachee'), eq(roleAssignments.programmeId, scope.programmeId)));
  const [coachees] = await db.select({ n: countDistinct(roleAssignments.personId) }).from(roleAssignments).where(and(eq(roleAssignments.role, 'coachee'), eq(roleAssignments.programmeId, scope.programmeId)));
  const [marks] = await db
    .select({
      marks: sql<number>`count(*)::int`,
      present: sql<number>`count(*) filter (where ${attendanceMarks.status} in ('present', 'late'))::int`,
      people: countDistinct(attendanceMarks.personId),
      reached: sql<number>`count(distinct ${attendanceMarks.personId}) filter (where ${attendanceMarks.status} in ('present', 'late') and ${inArray(attendanceMarks.personId, coacheeIds)})::int`,
    })
    .from(attendanceMarks)
    .innerJoin(sessions, eq(sessions.id, attendanceMarks.sessionId))
    .where(inWindow);
  return { coachees: coachees?.n ?? 0, reached: marks?.reached ?? 0, marks: marks?.marks ?? 0, present: marks?.present ?? 0, markedPeople: marks?.people ?? 0 };
}
