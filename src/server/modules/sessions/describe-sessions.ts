/** Turns loaded sessions into what a person sees of them: relation, RSVP, counts, what is due. */
import { and, eq, inArray } from 'drizzle-orm';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import { LOGBOOK_REMINDER_DAYS, needsLogbook, type SessionType } from '../../../domain/sessions/session-types';
import type { SessionSummary } from '../../../contracts/sessions';
import type { SessionMode } from '../../../domain/sessions/session-mode';
import type { Db } from '../../db/client';
import { attendanceMarks, logbookEntries, people, sessionRsvps } from '../../db/schema';
import type { LoadedSession } from './repository';

export function relationOf(actor: Actor, s: LoadedSession): SessionSummary['relation'] {
  if (s.resource.organiserId === actor.personId) return 'organiser';
  if (s.resource.participantIds.includes(actor.personId)) return 'participant';
  if (s.resource.supervisorIds.includes(actor.personId)) return 'supervisor';
  return 'coordinator';
}

export async function describeSessions(db: Db, actor: Actor, list: LoadedSession[], now: Date): Promise<SessionSummary[]> {
  if (list.length === 0) return [];
  const ids = list.map((s) => s.row.id);
  // A one-on-one names the other person: the coach for the coachee, the coachee for the coach.
  const otherOf = (s: LoadedSession) => (s.row.type !== 'oneOnOne' ? null : s.resource.organiserId === actor.personId ? s.row.coacheeId : s.resource.organiserId);
  const others = [...new Set(list.map(otherOf).filter((id): id is string => id !== null))];
  const [rsvps, marks, logbooks, names] = await Promise.all([
    db.select({ sessionId: sessionRsvps.sessionId, personId: sessionRsvps.personId, response: sessionRsvps.response }).from(sessionRsvps).where(inArray(sessionRsvps.sessionId, ids)),
    db.selectDistinct({ sessionId: attendanceMarks.sessionId }).from(attendanceMarks).where(inArray(attendanceMarks.sessionId, ids)),
    db.select({ sessionId: logbookEntries.sessionId }).from(logbookEntries).where(and(inArray(logbookEntries.sessionId, ids), eq(logbookEntries.authorId, actor.personId))),
    others.length ? db.select({ id: people.id, firstName: people.firstName, lastName: people.lastName }).from(people).where(inArray(people.id, others)) : Promise.resolve([]),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, `${n.firstName} ${n.lastName}`.trim()]));
  const marked = new Set(marks.map((m) => m.sessionId));
  const written = new Set(logbooks.map((l) => l.sessionId));
  return list.map((s) => {
    const relation = relationOf(actor, s);
    const mine = rsvps.find((r) => r.sessionId === s.row.id && r.personId === actor.personId);
    const forSession = rsvps.filter((r) => r.sessionId === s.row.id && s.resource.participantIds.includes(r.personId));
    const organiserView = isAllowed(actor, 'session:readAttendance', s.resource);
    const past = s.row.startsAt.getTime() < now.getTime();
    return {
      id: s.row.id,
      type: s.row.type as SessionType,
      title: s.row.title,
      communityId: s.row.communityId,
      communityName: s.communityName,
      ...(nameOf.has(otherOf(s) ?? '') ? { withName: nameOf.get(otherOf(s)!)! } : {}),
      startsAt: s.row.startsAt.toISOString(),
      endsAt: s.row.endsAt.toISOString(),
      location: s.row.location,
      mode: s.row.mode as SessionMode,
      // The link is for the people who join (and the coordinator who plans it), never for a supervisor or leercoach.
      ...(s.row.meetingLink && isAllowed(actor, 'session:readMeetingLink', s.resource) ? { meetingLink: s.row.meetingLink } : {}),
      status: s.row.status as 'planned' | 'cancelled',
      relation,
      myRsvp: (mine?.response as 'coming' | 'notComing' | undefined) ?? null,
      ...(organiserView
        ? {
            counts: {
              coming: forSession.filter((r) => r.response === 'coming').length,
              notComing: forSession.filter((r) => r.response === 'notComing').length,
              invited: s.resource.participantIds.length,
            },
          }
        : {}),
      attendanceMarked: marked.has(s.row.id),
      logbookDue:
        relation === 'organiser' &&
        s.row.status === 'planned' &&
        past &&
        needsLogbook(s.row.type as SessionType) &&
        !written.has(s.row.id) &&
        now.getTime() - s.row.endsAt.getTime() < 30 * 86_400_000,
      version: s.row.version,
    };
  });
}

/** A logbook is overdue once this many days passed without one. */
export const logbookOverdue = (endsAt: Date, now: Date) => now.getTime() - endsAt.getTime() > LOGBOOK_REMINDER_DAYS * 86_400_000;
