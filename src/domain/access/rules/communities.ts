/** Access rules for communities and the warm handover between coaches (module `communities`). */
import type { Action } from '../actions';
import { holds, isCoordinatorOf, type Actor } from '../actor';

export type CommunityResource = {
  kind: 'community';
  institutionId: string;
  programmeId: string;
  coachId: string | null;
  /** Current members (coachees). */
  memberIds: readonly string[];
  /** Senior coaches who supervise the community's coach. */
  supervisorIds: readonly string[];
  /** Leercoaches of the classes the members are in. */
  leercoachIds: readonly string[];
};

export type HandoverResource = {
  /** A warm handover of a community from a leaving coach to a new one. */
  kind: 'handover';
  institutionId: string;
  programmeId: string;
  fromCoachId: string | null;
  toCoachId: string | null;
  open: boolean;
};

export function communityRule(action: Action, a: Actor, r: CommunityResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  const coordinator = isCoordinatorOf(a, r);
  const coach = r.coachId === a.personId && holds(a, 'studentcoach', r.institutionId, r.programmeId);
  const senior = r.supervisorIds.includes(a.personId) && holds(a, 'seniorcoach', r.institutionId, r.programmeId);
  const member = r.memberIds.includes(a.personId);
  const leercoach = r.leercoachIds.includes(a.personId) && holds(a, 'leercoach', r.institutionId, r.programmeId);
  switch (action) {
    case 'community:read':
    case 'community:readMembers':
      return coordinator || coach || senior || member;
    case 'community:readAttendance':
      // The leercoach sees attendance figures of their class (report: early signals), nothing else.
      return coordinator || coach || senior || leercoach;
    case 'community:manage':
      return coordinator;
    case 'community:planSessions':
      // The year plan is the coach's to keep, with the coordinator.
      return coordinator || coach;
    case 'community:readHundredDay':
      // How the members want to go on after the first phase: their coach and the coordinator.
      return coordinator || coach;
    case 'community:readLinks':
    case 'community:readAnnouncements':
      // The group's own links and news are for the group: never the leercoach, another community or staff.
      return coach || member;
    case 'community:setLinks':
    case 'community:announce':
      return coach;
    case 'community:groupExercise':
      // The group exercise on resilience maps is for the people in the room: coach and members.
      return coach || member;
    default:
      return false;
  }
}

export function handoverRule(action: Action, a: Actor, r: HandoverResource): boolean {
  if (a.institutionId !== r.institutionId) return false;
  const coordinator = isCoordinatorOf(a, r);
  const from = r.fromCoachId === a.personId;
  const to = r.toCoachId === a.personId;
  switch (action) {
    case 'handover:read':
      return coordinator || from || to;
    case 'handover:readNote':
      // The note is written for the new coach: not the coordinator, not the senior coach.
      return from || to;
    case 'handover:writeNote':
      return from && r.open;
    case 'handover:manage':
      return coordinator;
    default:
      return false;
  }
}
