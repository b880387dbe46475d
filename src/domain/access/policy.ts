/**
 * The access policy: the one place that decides whether an actor may perform an action on a
 * resource. Pure — the server loads the resource with the relations the rule needs (who coaches
 * a community, who supervises that coach, with whom content was shared) and asks here.
 *
 * A rule answers only `true` or `false`; the server turns a `false` into the same 404 as a
 * missing record, so nobody can probe for ids.
 */
import type { Role, RoleGrant } from './roles';

export type Actor = {
  personId: string;
  institutionId: string;
  grants: readonly RoleGrant[];
};

/** Everything the policy may be asked about, with the relations that decide it. */
export type Resource =
  | { kind: 'institution'; institutionId: string }
  | { kind: 'programme'; institutionId: string; programmeId: string }
  | {
      /** A class (klas): its leercoach sees who is in it, never coaching content. */
      kind: 'class';
      institutionId: string;
      programmeId: string;
      leercoachId: string | null;
    }
  | {
      /** A student coach: profile, onboarding and lifecycle. */
      kind: 'coach';
      institutionId: string;
      programmeId: string;
      coachId: string;
      /** Senior coaches who supervise this coach. */
      supervisorIds: readonly string[];
      /** Current members of the communities the coach leads. */
      coacheeIds: readonly string[];
    }
  | {
      /** A warm handover of a community from a leaving coach to a new one. */
      kind: 'handover';
      institutionId: string;
      programmeId: string;
      fromCoachId: string | null;
      toCoachId: string | null;
      open: boolean;
    }
  | {
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
    }
  | {
      /** Content written about or by a coachee in coaching: the most protected data we hold. */
      kind: 'coachingContent';
      contentType: CoachingContentType;
      institutionId: string;
      programmeId: string;
      /** The coachee the content is about (owner of a map or check-in). */
      subjectId: string;
      /** The coach who wrote it (logbook, one-on-one note), if any. */
      authorId: string | null;
      /** Senior coaches who supervise the author. */
      supervisorIds: readonly string[];
      /** People the subject explicitly shared it with. */
      sharedWithIds: readonly string[];
      /** Of those, the people the subject lets edit it with them (a resilience map shared for 'edit'). */
      editorIds?: readonly string[];
    }
  /** An entry of the institution's help directory (sociale kaart). No personal data. */
  | { kind: 'helpResource'; institutionId: string }
  | {
      /** A coachee as someone a coach may refer: the coaches of the coachee's current communities. */
      kind: 'coachee';
      institutionId: string;
      programmeId: string;
      coacheeId: string;
      coachIds: readonly string[];
    }
  | {
      /** The fact that a coach referred a coachee to help (not what was said). */
      kind: 'referral';
      institutionId: string;
      programmeId: string;
      coacheeId: string;
      /** The coach who recorded it. */
      coachId: string;
    }
  | {
      /** A need, theme or incident a coach raised with the programme. */
      kind: 'signal';
      institutionId: string;
      programmeId: string;
      raisedById: string;
      signalKind: 'need' | 'theme' | 'incident';
      /** The coordinator who took an incident on; null until someone does. */
      handlerId: string | null;
    }
  | {
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
    }
  | {
      /** A coach's own activity (werkvorm) or session plan in the library: private, or shared with the coaches. */
      kind: 'libraryItem';
      institutionId: string;
      /** The institution's built-in werkvormen (content): read by everyone there, edited by nobody here. */
      builtIn: boolean;
      authorId: string | null;
      shared: boolean;
    };

export type CoachingContentType = 'logbook' | 'oneOnOneNote' | 'resilienceMap' | 'checkin';

export const ACTIONS = [
  'institution:read',
  'institution:manage',
  'outbox:read',
  'programme:read',
  'programme:manage',
  'community:read',
  'community:readMembers',
  'community:readAttendance',
  'community:manage',
  'programme:manageStudents',
  'programme:manageCoaches',
  'programme:manageCommunities',
  /** Run group formation and see its aggregate balance figures (never a student's attribute values). */
  'programme:formCommunities',
  'programme:manageScheduling',
  'class:read',
  'coach:read',
  'coach:manage',
  /** Declare the weekly times the coach can run sessions in a teaching period (scheduling). */
  'coach:setAvailability',
  'handover:read',
  'handover:readNote',
  'handover:writeNote',
  'handover:manage',
  'coachingContent:read',
  'coachingContent:write',
  'coachingContent:share',
  'community:groupExercise',
  'helpResource:read',
  'helpResource:manage',
  'coachee:refer',
  'referral:read',
  'referral:followUp',
  'signal:raise',
  'signal:read',
  'signal:handle',
  'programme:handleSignals',
  'community:planSessions',
  'session:read',
  'session:manage',
  'session:respond',
  'session:markAttendance',
  'session:readAttendance',
  /** The reasons people give for not coming (they may hint at health): the organiser alone. */
  'session:readRsvpReasons',
  'session:writeLogbook',
  'programme:postUpdate',
  'library:create',
  'library:read',
  'library:manage',
] as const;

export type Action = (typeof ACTIONS)[number];

type ResourceOf<K extends Resource['kind']> = Extract<Resource, { kind: K }>;

/** Does the actor hold `role` over this institution and (if given) this programme? */
export function holds(actor: Actor, role: Role, institutionId: string, programmeId?: string): boolean {
  if (actor.institutionId !== institutionId) return false;
  return actor.grants.some(
    (g) =>
      g.role === role &&
      g.institutionId === institutionId &&
      (g.programmeId === null || programmeId === undefined || g.programmeId === programmeId),
  );
}

const isCoordinatorOf = (a: Actor, r: { institutionId: string; programmeId: string }) =>
  holds(a, 'coordinator', r.institutionId, r.programmeId);

function communityRule(action: Action, a: Actor, r: ResourceOf<'community'>): boolean {
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
    case 'community:groupExercise':
      // The group exercise on resilience maps is for the people in the room: coach and members.
      return coach || member;
    default:
      return false;
  }
}

function coachingContentWriteRule(action: Action, a: Actor, r: ResourceOf<'coachingContent'>): boolean {
  if (action === 'coachingContent:share') return r.subjectId === a.personId && (r.contentType === 'resilienceMap' || r.contentType === 'checkin');
  switch (r.contentType) {
    case 'oneOnOneNote':
    case 'logbook':
      return r.authorId === a.personId;
    case 'resilienceMap':
      // The owner, or someone they shared it with for editing together.
      return r.subjectId === a.personId || (r.sharedWithIds.includes(a.personId) && (r.editorIds ?? []).includes(a.personId));
    case 'checkin':
      return r.subjectId === a.personId;
  }
}

function coachingContentRule(action: Action, a: Actor, r: ResourceOf<'coachingContent'>): boolean {
  if (a.institutionId !== r.institutionId) return false;
  if (action === 'coachingContent:write' || action === 'coachingContent:share') return coachingContentWriteRule(action, a, r);
  if (action !== 'coachingContent:read') return false;
  // The subject always sees their own content; what others see depends on the kind.
  if (r.subjectId === a.personId && r.contentType !== 'logbook' && r.contentType !== 'oneOnOneNote') return true;
  switch (r.contentType) {
    case 'oneOnOneNote':
      // Private to the coach who wrote it: not the senior coach, not the coordinator.
      return r.authorId === a.personId;
    case 'logbook':
      return (
        r.authorId === a.personId ||
        (r.supervisorIds.includes(a.personId) && holds(a, 'seniorcoach', r.institutionId, r.programmeId)) ||
        isCoordinatorOf(a, r)
      );
    case 'resilienceMap':
    case 'checkin':
      // Owned by the coachee: only people they shared it with.
      return r.sharedWithIds.includes(a.personId);
  }
}

function referralRule(action: Action, a: Actor, r: ResourceOf<'referral'>): boolean {
  if (a.institutionId !== r.institutionId) return false;
  // The coachee sees their own referrals; the coach who recorded one sees it and answers its
  // follow-up. Nobody else: not the senior coach, the coordinator, the leercoach or a researcher.
  if (action === 'referral:read') return r.coacheeId === a.personId || isCoachOf(a, r);
  if (action === 'referral:followUp') return isCoachOf(a, r);
  return false;
}

const isCoachOf = (a: Actor, r: { coachId: string; institutionId: string; programmeId: string }) =>
  r.coachId === a.personId && holds(a, 'studentcoach', r.institutionId, r.programmeId);

function signalRule(action: Action, a: Actor, r: ResourceOf<'signal'>): boolean {
  if (a.institutionId !== r.institutionId) return false;
  // An incident is for the people handling it: before anyone takes it on, every coordinator of
  // the programme (to triage); afterwards only the coordinator who took it.
  const handles = isCoordinatorOf(a, r) && (r.signalKind !== 'incident' || r.handlerId === null || r.handlerId === a.personId);
  if (action === 'signal:read') return r.raisedById === a.personId || handles;
  if (action === 'signal:handle') return handles;
  return false;
}

function coachRule(action: Action, a: Actor, r: ResourceOf<'coach'>): boolean {
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

function handoverRule(action: Action, a: Actor, r: ResourceOf<'handover'>): boolean {
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

function sessionRule(action: Action, a: Actor, r: ResourceOf<'session'>): boolean {
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
    default:
      return false;
  }
}

/** People who run or supervise sessions: they add to the activity library and build session plans. */
const runsSessions = (a: Actor, institutionId: string) =>
  holds(a, 'studentcoach', institutionId) || holds(a, 'seniorcoach', institutionId) || holds(a, 'coordinator', institutionId);

function libraryItemRule(action: Action, a: Actor, r: ResourceOf<'libraryItem'>): boolean {
  if (a.institutionId !== r.institutionId) return false;
  if (r.builtIn) return action === 'library:read';
  const author = r.authorId !== null && r.authorId === a.personId;
  // Shared items are for the other coaches (not coachees, leercoaches or researchers); edits are the author's.
  if (action === 'library:read') return author || (r.shared && runsSessions(a, r.institutionId));
  if (action === 'library:manage') return author;
  return false;
}

/** The decision. Exhaustive over resource kinds; unknown combinations are denied. */
export function isAllowed(actor: Actor, action: Action, resource: Resource): boolean {
  switch (resource.kind) {
    case 'institution':
      if (action === 'institution:read') return actor.institutionId === resource.institutionId;
      if (action === 'institution:manage' || action === 'outbox:read')
        return holds(actor, 'beheerder', resource.institutionId);
      if (action === 'library:create') return runsSessions(actor, resource.institutionId);
      return false;
    case 'programme':
      if (action === 'programme:read')
        return actor.institutionId === resource.institutionId && actor.grants.some((g) => g.programmeId === null || g.programmeId === resource.programmeId);
      if (action === 'programme:manage')
        return isCoordinatorOf(actor, resource) || holds(actor, 'beheerder', resource.institutionId);
      // Students, coaches and communities are the coordinator's; the beheerder keeps the structure.
      if (action === 'programme:manageStudents' || action === 'programme:manageCoaches' || action === 'programme:manageCommunities' || action === 'programme:formCommunities' || action === 'programme:manageScheduling')
        return isCoordinatorOf(actor, resource);
      if (action === 'signal:raise') return holds(actor, 'studentcoach', resource.institutionId, resource.programmeId);
      if (action === 'programme:handleSignals') return isCoordinatorOf(actor, resource);
      // Programme updates ("what changes in the curriculum this period") come from the programme.
      if (action === 'programme:postUpdate')
        return isCoordinatorOf(actor, resource) || holds(actor, 'leercoach', resource.institutionId, resource.programmeId);
      return false;
    case 'community':
      return communityRule(action, actor, resource);
    case 'class':
      return (
        action === 'class:read' &&
        (isCoordinatorOf(actor, resource) ||
          (resource.leercoachId === actor.personId && holds(actor, 'leercoach', resource.institutionId, resource.programmeId)))
      );
    case 'coach':
      return coachRule(action, actor, resource);
    case 'handover':
      return handoverRule(action, actor, resource);
    case 'coachingContent':
      return coachingContentRule(action, actor, resource);
    case 'helpResource':
      // Everyone signed in at the institution reads the help directory; coordinators keep it.
      if (action === 'helpResource:read') return actor.institutionId === resource.institutionId;
      if (action === 'helpResource:manage') return holds(actor, 'coordinator', resource.institutionId);
      return false;
    case 'coachee':
      return (
        action === 'coachee:refer' &&
        resource.coachIds.includes(actor.personId) &&
        holds(actor, 'studentcoach', resource.institutionId, resource.programmeId)
      );
    case 'referral':
      return referralRule(action, actor, resource);
    case 'signal':
      return signalRule(action, actor, resource);
    case 'session':
      return sessionRule(action, actor, resource);
    case 'libraryItem':
      return libraryItemRule(action, actor, resource);
  }
}
