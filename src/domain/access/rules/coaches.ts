/** Access rules for student coaches: profile, onboarding, lifecycle, availability (module `coaches`). */
import type { Action } from '../actions';
import { holds, isCoachOf, isCoordinatorOf, type Actor } from '../actor';

export type CoachResource = {
  /** A student coach: profile, onboarding and lifecycle. */
  kind: 'coach';
  institutionId: string;
  programmeId: string;
  coachId: string;
  /** Senior coaches who supervise this coach. */
  supervisorIds: readonly string[];
  /** Current members of the communities the coach leads. */
  coacheeIds: readonly string[];
};

export function coachRule(action: Action, a: Actor, r: CoachResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  const coordinator = isCoordinatorOf(a, r);
  if (action === 'coach:manage') return coordinator;
  // The coach declares their own week; the coordinator may fill it in for them.
  if (action === 'coach:setAvailability') return coordinator || isCoachOf(a, r);
  if (action !== 'coach:read') return false;
  // The profile is for the coach, the people who supervise them, and their own coachees.
  return (
    coordinator ||
    r.coachId === a.personId ||
    (r.supervisorIds.includes(a.personId) && holds(a, 'seniorcoach', r.institutionId, r.programmeId)) ||
    r.coacheeIds.includes(a.personId)
  );
}
