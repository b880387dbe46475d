/** Access rules for sessions: RSVP, attendance, logbooks (modules `sessions`, `calendar`). */
import type { Action } from '../actions';
import { holds, isCoordinatorOf, type Actor } from '../actor';

export type SessionResource = {
  /** A session (community session, one-on-one, training, intervision, outing, class-wide). */
  kind: 'session';
  institutionId: string;
  programmeId: string;
  /**
   * The coach who leads it (the trainer for a coach training); null when the programme does.
   * A community session's organiser is the community's current coach; a one-on-one's stays the
   * coach who held it, also after a handover.
   */
  organiserId: string | null;
  /** The people invited: coachees, or coaches for a training or intervision. */
  participantIds: readonly string[];
  /** Senior coaches who supervise the organiser. */
  supervisorIds: readonly string[];
};

export function sessionRule(action: Action, a: Actor, r: SessionResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  const coordinator = isCoordinatorOf(a, r);
  const organiser = r.organiserId === a.personId;
  const participant = r.participantIds.includes(a.personId);
  const senior = r.supervisorIds.includes(a.personId) && holds(a, 'seniorcoach', r.institutionId, r.programmeId);
  switch (action) {
    case 'session:read':
      return coordinator || organiser || participant || senior;
    case 'session:manage':
    case 'session:markAttendance':
      return coordinator || organiser;
    case 'session:respond':
      // RSVP, check-in and the closing questions are for the people invited.
      return participant;
    case 'session:readAttendance':
      return coordinator || organiser || senior;
    case 'session:readRsvpReasons':
      // Who comes is for everyone who reads attendance; why someone does not is for the organiser.
      return organiser;
    case 'session:writeLogbook':
      return organiser;
    case 'session:readMeetingLink':
      // Only the people who join: the invitees and the organiser, and the coordinator who plans and edits it.
      // Not a supervising senior coach, a leercoach or anyone outside the session.
      return coordinator || organiser || participant;
    default:
      return false;
  }
}
