import { and, eq, inArray } from 'drizzle-orm';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import { attendanceWindow, type AttendanceStatus } from '../../../domain/sessions/attendance';
import type { SessionDetailResponse } from '../../../contracts/sessions';
import type { Services } from '../../context';
import { attendanceMarks, checkins, oneOnOneNotes, sessionFeedback, sessionPlans, sessionRsvps } from '../../db/schema';
import type { Locale } from '../../../i18n/translate';
import { resolvePlanActivities } from '../activities/public';
import { recordRead } from '../audit/public';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import { hasConsent, withConsent } from '../consent/public';
import { describeSessions } from './describe-sessions';
import { oneOnOneNoteResource } from './write-one-on-one-note';
import { peopleNames, type LoadedSession } from './repository';
import { tookPart } from './record-checkin';

/** The plan is preparation: for the people running or supervising the session, not the coachees. */
const seesAttendanceOf = (actor: Actor, resource: LoadedSession['resource']) => isAllowed(actor, 'session:readAttendance', resource);

export type GetSessionOptions = { services: Services; actor: Actor; session: LoadedSession; locale: Locale };

/** One session as the person may see it: participants with RSVP and attendance for the coach. */
export async function getSession({ services, actor, session, locale }: GetSessionOptions): Promise<SessionDetailResponse> {
  const { db } = services;
  const { row, resource } = session;
  const [summary] = await describeSessions(db, actor, [session], services.now());
  const can = {
    manage: isAllowed(actor, 'session:manage', resource),
    markAttendance: isAllowed(actor, 'session:markAttendance', resource),
    writeLogbook: isAllowed(actor, 'session:writeLogbook', resource),
    respond: isAllowed(actor, 'session:respond', resource),
    checkin: false,
  };
  can.checkin = can.respond && row.status === 'planned' && row.startsAt <= services.now() && (await tookPart(services, actor.personId, row.id));
  const seesAttendance = isAllowed(actor, 'session:readAttendance', resource);
  // A reason for not coming may hint at health: the organiser reads it, and the person who gave it.
  const seesReasons = isAllowed(actor, 'session:readRsvpReasons', resource);
  const organiser = resource.organiserId === actor.personId;
  const ids = resource.participantIds;
  const [rsvps, marks, plan, mine, feedbackGiven, feedback] = await Promise.all([
    seesAttendance && ids.length ? db.select().from(sessionRsvps).where(eq(sessionRsvps.sessionId, row.id)) : Promise.resolve([]),
    seesAttendance && ids.length ? db.select().from(attendanceMarks).where(eq(attendanceMarks.sessionId, row.id)) : Promise.resolve([]),
    row.planId && seesAttendanceOf(actor, resource) ? db.select().from(sessionPlans).where(eq(sessionPlans.id, row.planId)) : Promise.resolve([]),
    db.select({ score: checkins.score }).from(checkins).where(and(eq(checkins.sessionId, row.id), eq(checkins.personId, actor.personId))),
    db.select({ p: sessionFeedback.personId }).from(sessionFeedback).where(and(eq(sessionFeedback.sessionId, row.id), eq(sessionFeedback.personId, actor.personId))),
    organiser ? db.select({ answers: sessionFeedback.answers }).from(sessionFeedback).where(eq(sessionFeedback.sessionId, row.id)) : Promise.resolve(null),
  ]);
  let participants: SessionDetailResponse['participants'] = null;
  if (seesAttendance) {
    const names = await peopleNames(db, [...ids]);
    // Check-ins reach the coach only from coachees who share them and whose consent for coaching data holds (both withdrawable).
    const [shares, coachingData] = organiser
      ? await Promise.all([withConsent(db, ids, CONSENT_FOR.checkinsToCoach), withConsent(db, ids, CONSENT_FOR.coachingData)])
      : [new Set<string>(), new Set<string>()];
    const sharing = new Set([...shares].filter((id) => coachingData.has(id)));
    const shared = sharing.size
      ? await db.select({ personId: checkins.personId, id: checkins.id, score: checkins.score }).from(checkins).where(and(eq(checkins.sessionId, row.id), inArray(checkins.personId, [...sharing])))
      : [];
    for (const c of shared) await recordRead(db, { actorId: actor.personId, subjectId: c.personId, resourceType: 'checkin', resourceId: c.id });
    participants = ids
      .map((id) => {
        const rsvp = rsvps.find((r) => r.personId === id);
        return {
          id,
          firstName: names.get(id)?.firstName ?? '',
          lastName: names.get(id)?.lastName ?? '',
          rsvp: (rsvp?.response as 'coming' | 'notComing' | undefined) ?? null,
          ...((seesReasons || id === actor.personId) && rsvp?.reason ? { reason: rsvp.reason } : {}),
          attendance: (marks.find((m) => m.personId === id)?.status as AttendanceStatus | undefined) ?? null,
          ...(organiser ? { checkin: shared.find((c) => c.personId === id)?.score ?? null } : {}),
        };
      })
      .sort((a, b) => a.firstName.localeCompare(b.firstName));
  }
  let oneOnOne: SessionDetailResponse['oneOnOne'] = null;
  if (row.type === 'oneOnOne' && row.coacheeId) {
    const names = await peopleNames(db, [row.coacheeId]);
    // The notes are the author's alone; everyone else sees only that the conversation took place.
    // The organiser reads the note they wrote themselves — never one by someone else on the same
    // session — and only while the coachee's consent for coaching data holds (the notes are kept,
    // not deleted, so consent given again brings them back).
    const consented = organiser ? await hasConsent(db, row.coacheeId, CONSENT_FOR.coachingData) : false;
    const [mine] =
      organiser && consented
        ? await db.select().from(oneOnOneNotes).where(and(eq(oneOnOneNotes.sessionId, row.id), eq(oneOnOneNotes.authorId, actor.personId)))
        : [];
    const note = mine && isAllowed(actor, 'coachingContent:read', oneOnOneNoteResource(session, mine.authorId)) ? mine : undefined;
    const n = names.get(row.coacheeId);
    oneOnOne = {
      coachee: { id: row.coacheeId, firstName: n?.firstName ?? '', lastName: n?.lastName ?? '' },
      noteBody: organiser && consented ? (note?.body ?? '') : null,
      ...(organiser ? { consented } : {}),
    };
  }
  const p = plan[0];
  const planActivities = p ? (await resolvePlanActivities(services, row.institutionId, locale, [p]))(p) : [];
  return {
    ...summary!,
    can,
    attendanceWindow: attendanceWindow(row.startsAt, services.now()),
    participants,
    plan: p
      ? { id: p.id, title: p.title, notes: p.notes, activityIds: p.activityIds as string[], activities: planActivities, durationMinutes: planActivities.reduce((n, a) => n + a.durationMinutes, 0) }
      : null,
    myCheckin: mine[0]?.score ?? null,
    myFeedbackGiven: feedbackGiven.length > 0,
    feedback: feedback ? feedback.map((f) => f.answers as Record<string, string | number | string[]>) : null,
    oneOnOne,
  };
}
