/**
 * The policy matrix: roles × relationships × actions → expected outcome. Later work adds rows.
 * Each row reads as a sentence: "<who> <may|may not> <action> <what>".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, isAllowed, type Actor, type CoachingContentType, type Resource } from './policy';
import { ROLES, type Role } from './roles';

const INST = 'inst-1';
const OTHER_INST = 'inst-2';
const PROG = 'prog-sw';
const OTHER_PROG = 'prog-bi';

const actor = (id: string, roles: Role[], programmeId: string | null = PROG, institutionId = INST): Actor => ({
  personId: id,
  institutionId,
  grants: roles.map((role) => ({
    role,
    institutionId,
    programmeId: role === 'beheerder' || role === 'onderzoeker' ? null : programmeId,
  })),
});

const people = {
  coachee: actor('coachee', ['coachee']),
  otherCoachee: actor('other-coachee', ['coachee']),
  coach: actor('coach', ['studentcoach']),
  otherCoach: actor('other-coach', ['studentcoach']),
  senior: actor('senior', ['seniorcoach', 'studentcoach']),
  otherSenior: actor('other-senior', ['seniorcoach', 'studentcoach']),
  coordinator: actor('coordinator', ['coordinator']),
  otherProgrammeCoordinator: actor('coordinator-bi', ['coordinator'], OTHER_PROG),
  otherInstitutionCoordinator: actor('coordinator-x', ['coordinator'], PROG, OTHER_INST),
  leercoach: actor('leercoach', ['leercoach']),
  otherLeercoach: actor('other-leercoach', ['leercoach']),
  onderzoeker: actor('onderzoeker', ['onderzoeker']),
  beheerder: actor('beheerder', ['beheerder']),
  finance: actor('finance', ['finance'], null),
  programmeFinance: actor('finance-sw', ['finance']),
  management: actor('management-sw', ['opleidingsmanagement']),
  otherProgrammeManagement: actor('management-bi', ['opleidingsmanagement'], OTHER_PROG),
} satisfies Record<string, Actor>;
type Who = keyof typeof people;

const community: Resource = {
  kind: 'community',
  institutionId: INST,
  programmeId: PROG,
  coachId: 'coach',
  memberIds: ['coachee'],
  supervisorIds: ['senior'],
  leercoachIds: ['leercoach'],
};

const compensationAccount: Resource = { kind: 'compensationAccount', institutionId: INST, programmeId: PROG, coachId: 'coach' };
const statement = (status: 'open' | 'confirmed' | 'disputed' | 'approved'): Resource => ({ kind: 'compensationStatement', institutionId: INST, programmeId: PROG, coachId: 'coach', status });
const extraWork = { kind: 'compensationExtraWork', institutionId: INST, programmeId: PROG, coachId: 'coach', supervisorIds: ['senior'] } as const satisfies Resource;

const content = (contentType: CoachingContentType, sharedWithIds: string[] = []): Resource => ({
  kind: 'coachingContent',
  contentType,
  institutionId: INST,
  programmeId: PROG,
  subjectId: 'coachee',
  authorId: contentType === 'logbook' || contentType === 'oneOnOneNote' ? 'coach' : null,
  supervisorIds: ['senior'],
  sharedWithIds,
});

const helpResource: Resource = { kind: 'helpResource', institutionId: INST, programmeId: null };
const coacheeToRefer: Resource = { kind: 'coachee', institutionId: INST, programmeId: PROG, coacheeId: 'coachee', coachIds: ['coach'] };
const referral: Resource = { kind: 'referral', institutionId: INST, programmeId: PROG, coacheeId: 'coachee', coachId: 'coach' };
const signal = (signalKind: 'need' | 'theme' | 'incident', handlerId: string | null = null): Resource => ({
  kind: 'signal',
  institutionId: INST,
  programmeId: PROG,
  raisedById: 'coach',
  signalKind,
  handlerId,
});
const programme: Resource = { kind: 'programme', institutionId: INST, programmeId: PROG };
/** The programme's roadmap with the coachee invited for factor 1 and the leercoach for factor 2. */
const programmeRoadmap = {
  kind: 'roadmap',
  institutionId: INST,
  programmeId: PROG,
  stakeholders: [
    { personId: 'coachee', factorIds: ['f1'] },
    { personId: 'leercoach', factorIds: ['f2'] },
  ],
} as const satisfies Resource;

const coachResource: Resource = {
  kind: 'coach',
  institutionId: INST,
  programmeId: PROG,
  coachId: 'coach',
  supervisorIds: ['senior'],
  coacheeIds: ['coachee'],
};

/** A handover from 'coach' (leaving) to 'other-coach' (new). */
const handover = (open: boolean): Resource => ({
  kind: 'handover',
  institutionId: INST,
  programmeId: PROG,
  fromCoachId: 'coach',
  toCoachId: 'other-coach',
  open,
});

/** A community session led by 'coach' with 'coachee' invited. */
const session: Resource = { kind: 'session', institutionId: INST, programmeId: PROG, organiserId: 'coach', participantIds: ['coachee'], supervisorIds: ['senior'] };
/** A coach training run by the programme, for 'coach' and 'senior'. */
const training: Resource = { kind: 'session', institutionId: INST, programmeId: PROG, organiserId: null, participantIds: ['coach', 'senior'], supervisorIds: [] };

/**
 * After a handover 'coach' now coaches the community; the one-on-one with 'coachee' was held by the
 * previous coach, 'other-coach', supervised by 'other-senior'. It stays theirs (the server keeps the
 * stored organiser for a one-on-one instead of the community's current coach).
 */
const previousCoachOneOnOne: Resource = { kind: 'session', institutionId: INST, programmeId: PROG, organiserId: 'other-coach', participantIds: ['coachee'], supervisorIds: ['other-senior'] };
/** That one-on-one's note, written by the previous coach about 'coachee', who 'coach' now coaches. */
const previousCoachNote: Resource = { ...(content('oneOnOneNote') as Extract<Resource, { kind: 'coachingContent' }>), authorId: 'other-coach', supervisorIds: ['other-senior'] };
/** A coach training the coordinator planned and runs. */
const coordinatorsTraining: Resource = { ...training, organiserId: 'coordinator' };

/** An own activity or session plan written by 'coach'. */
const libraryItem = (shared: boolean): Resource => ({ kind: 'libraryItem', institutionId: INST, builtIn: false, authorId: 'coach', shared, programmeId: null });

/** A resilience map shared with some people, some of them for editing together. */
const editableMap = (sharedWithIds: string[], editorIds: string[]): Resource => ({
  kind: 'coachingContent',
  contentType: 'resilienceMap',
  institutionId: INST,
  programmeId: PROG,
  subjectId: 'coachee',
  authorId: null,
  supervisorIds: ['senior'],
  sharedWithIds,
  editorIds,
});

/** A person to invite, of these programmes. */
const invitee = (programmeIds: string[]): Resource => ({ kind: 'invitee', institutionId: INST, personId: 'new-person', programmeIds });
/** People and roles (#16): the institution's directory, a person, one role of one person. */
const directory: Resource = { kind: 'peopleDirectory', institutionId: INST };
const staffPerson: Resource = { kind: 'person', institutionId: INST, personId: 'new-teacher', programmeIds: [], isStudent: false };
const studentOf = (programmeId: string): Resource => ({ kind: 'person', institutionId: INST, personId: 'student', programmeIds: [programmeId], isStudent: true });
const grantOf = (role: Role, programmeId: string | null, holderId = 'new-teacher'): Resource => ({ kind: 'roleGrant', institutionId: INST, holderId, role, programmeId });
/** Compensation, the money side (#17): a claim of 'coach', the coach's own pay, the programme's and the institution's desks. */
const expenseClaim: Resource = { kind: 'expenseClaim', institutionId: INST, programmeId: PROG, coachId: 'coach' };
const coordinatorsOwnClaim: Resource = { kind: 'expenseClaim', institutionId: INST, programmeId: PROG, coachId: 'coordinator' };
const ownCompensation = (coachId: string): Resource => ({ kind: 'ownCompensation', institutionId: INST, programmeId: PROG, coachId });
const programmeInsight: Resource = { kind: 'programmeInsight', institutionId: INST, programmeId: PROG };
const programmeFinance: Resource = { kind: 'programmeFinance', institutionId: INST, programmeId: PROG };
const financeDesk: Resource = { kind: 'financeDesk', institutionId: INST };
const researchDesk: Resource = { kind: 'researchDesk', institutionId: INST };
const study = (programmeIds: string[], proposerId: string | null = 'onderzoeker'): Resource => ({ kind: 'researchStudy', institutionId: INST, programmeIds, proposerId });

type Row = [Who, Parameters<typeof isAllowed>[1], Resource, boolean, string];

const everyone = Object.keys(people) as Who[];
const onlyFor = (allowed: Who[], action: Row[1], resource: Resource, what: string): Row[] =>
  everyone.map((who) => [who, action, resource, allowed.includes(who), what]);

const matrix: Row[] = [
  ...onlyFor(['coachee', 'coach', 'senior', 'coordinator'], 'community:read', community, 'their community'),
  ...onlyFor(['coachee', 'coach', 'senior', 'coordinator'], 'community:readMembers', community, "their community's members"),
  ...onlyFor(['coach', 'senior', 'coordinator', 'leercoach'], 'community:readAttendance', community, "their community's attendance"),
  ...onlyFor(['coordinator'], 'community:manage', community, 'the community'),
  ...onlyFor(['coach', 'senior', 'coordinator'], 'coachingContent:read', content('logbook'), "a coach's logbook"),
  ...onlyFor(['coach'], 'coachingContent:read', content('oneOnOneNote'), "a coach's one-on-one note"),
  ...onlyFor(['coachee'], 'coachingContent:read', content('resilienceMap'), 'an unshared resilience map'),
  ...onlyFor(['coachee', 'coach'], 'coachingContent:read', content('resilienceMap', ['coach']), 'a map shared with the coach'),
  ...onlyFor(['coachee'], 'coachingContent:write', content('resilienceMap', ['coach']), 'a map shared with the coach to view'),
  ...onlyFor(['coachee', 'coach'], 'coachingContent:write', editableMap(['coach'], ['coach']), 'a map shared with the coach for editing'),
  ...onlyFor(['coachee'], 'coachingContent:write', editableMap([], ['coach']), 'a map whose sharing was revoked'),
  ...onlyFor(['coachee'], 'coachingContent:share', content('resilienceMap', ['coach']), 'their resilience map'),
  ...onlyFor(['coach'], 'coachingContent:write', content('oneOnOneNote'), "a coach's conversation notes"),
  ...onlyFor(['coach', 'coachee'], 'community:groupExercise', community, "their community's group exercise"),
  ...onlyFor(['coachee'], 'coachingContent:read', content('checkin'), 'an unshared check-in'),
  ...onlyFor(['beheerder'], 'outbox:read', { kind: 'institution', institutionId: INST }, 'the outbox'),
  ...onlyFor(['beheerder'], 'retention:read', { kind: 'institution', institutionId: INST }, 'the retention dry run'),
  // Erasure requests (#19): the list for the beheerder and every coordinator of the institution (each sees their programmes' requests);
  // carrying one out for the beheerder and the coordinator of a programme the person belonged to. Nobody else, and no one of another institution.
  ...onlyFor(['coordinator', 'otherProgrammeCoordinator', 'beheerder'], 'erasure:list', { kind: 'erasureDesk', institutionId: INST }, 'the erasure requests'),
  ...onlyFor(['coordinator', 'beheerder'], 'erasure:carryOut', { kind: 'erasureRequest', institutionId: INST, programmeIds: [PROG] }, "an erasure request of the programme's student"),
  ...onlyFor(['beheerder'], 'erasure:carryOut', { kind: 'erasureRequest', institutionId: INST, programmeIds: [] }, 'an erasure request of someone in no programme'),
  ...onlyFor(['otherInstitutionCoordinator'], 'erasure:carryOut', { kind: 'erasureRequest', institutionId: OTHER_INST, programmeIds: [PROG] }, 'an erasure request at the other institution (its own coordinator only)'),
  ...onlyFor(['beheerder'], 'institution:manage', { kind: 'institution', institutionId: INST }, 'the institution'),
  ...onlyFor(['coordinator', 'beheerder'], 'programme:manage', { kind: 'programme', institutionId: INST, programmeId: PROG }, 'the programme'),
  // Programme, people and communities (#3).
  ...onlyFor(['coordinator'], 'programme:manageStudents', { kind: 'programme', institutionId: INST, programmeId: PROG }, "the programme's students and imports"),
  ...onlyFor(['coordinator'], 'programme:manageCoaches', { kind: 'programme', institutionId: INST, programmeId: PROG }, "the programme's coaches"),
  ...onlyFor(['coordinator'], 'programme:manageCommunities', { kind: 'programme', institutionId: INST, programmeId: PROG }, "the programme's communities"),
  // Group formation (#6): only the coordinator runs it and sees its aggregate figures.
  ...onlyFor(['coordinator'], 'programme:formCommunities', { kind: 'programme', institutionId: INST, programmeId: PROG }, 'group formation and its balance figures'),
  ...onlyFor(['coordinator'], 'programme:manageScheduling', { kind: 'programme', institutionId: INST, programmeId: PROG }, 'timetables, rooms, scheduling runs and publishing the year plan'),
  ...onlyFor(['coordinator', 'leercoach'], 'class:read', { kind: 'class', institutionId: INST, programmeId: PROG, leercoachId: 'leercoach' }, 'their class'),
  ...onlyFor(['coach', 'senior', 'coordinator', 'coachee'], 'coach:read', coachResource, "a coach's profile"),
  ...onlyFor(['coordinator'], 'coach:manage', coachResource, "a coach's lifecycle"),
  ...onlyFor(['coach', 'coordinator'], 'coach:setAvailability', coachResource, "a coach's weekly availability for scheduling"),
  ...onlyFor(['coach', 'otherCoach', 'coordinator'], 'handover:read', handover(true), 'a handover'),
  ...onlyFor(['coach', 'otherCoach'], 'handover:readNote', handover(true), 'a handover note'),
  ...onlyFor(['coach'], 'handover:writeNote', handover(true), 'an open handover note'),
  ...onlyFor([], 'handover:writeNote', handover(false), 'a completed handover note'),
  ...onlyFor(['coordinator'], 'handover:manage', handover(true), 'a handover'),
  ...onlyFor(everyone.filter((w) => w !== 'otherInstitutionCoordinator'), 'helpResource:read', helpResource, 'the help directory'),
  // Issue 21 item 8: institution-wide entries are the beheerder's; a programme's own entries are
  // for its people only, kept by its coordinator (and the beheerder).
  ...onlyFor(['beheerder'], 'helpResource:manage', helpResource, 'the institution-wide help directory'),
  ...onlyFor(
    everyone.filter((w) => !['otherInstitutionCoordinator', 'otherProgrammeCoordinator', 'otherProgrammeManagement'].includes(w)),
    'helpResource:read',
    { kind: 'helpResource', institutionId: INST, programmeId: PROG },
    "an entry for one programme's people only",
  ),
  ...onlyFor(['coordinator', 'beheerder'], 'helpResource:manage', { kind: 'helpResource', institutionId: INST, programmeId: PROG }, "an entry for one programme's people only"),
  ...onlyFor(['coach'], 'coachee:refer', coacheeToRefer, 'their coachee'),
  ...onlyFor(['coachee', 'coach'], 'referral:read', referral, 'a referral'),
  ...onlyFor(['coach'], 'referral:followUp', referral, 'a referral'),
  ...onlyFor(['coach', 'otherCoach', 'senior', 'otherSenior'], 'signal:raise', programme, 'a signal in their programme'),
  ...onlyFor(['coach', 'coordinator'], 'signal:read', signal('need'), 'a need raised by the coach'),
  ...onlyFor(['coordinator'], 'signal:handle', signal('theme'), 'a theme raised by the coach'),
  ...onlyFor(['coach', 'coordinator'], 'signal:read', signal('incident'), 'an incident nobody has taken on yet'),
  ...onlyFor(['coach'], 'signal:read', signal('incident', 'coordinator-2'), 'an incident another coordinator took on'),
  ...onlyFor(['coach', 'coordinator'], 'signal:read', signal('incident', 'coordinator'), 'an incident the coordinator took on'),
  ...onlyFor(['coordinator'], 'signal:handle', signal('incident', 'coordinator'), 'an incident the coordinator took on'),
  ...onlyFor(['coordinator'], 'programme:handleSignals', programme, "the programme's signals"),
  // The programme year (#21): the 100-day outcome and the welcome of students switching in.
  ...onlyFor(['coach', 'coordinator'], 'community:readHundredDay', community, "their community's 100-day outcome"),
  ...onlyFor(['coordinator'], 'programme:readHundredDay', programme, "the intake's 100-day answers with their reasons"),
  ...onlyFor(['coordinator'], 'programme:welcomeSwitches', programme, 'students who switched to the programme'),
  // Coaches' growth and input (#21 item 6): nominations, training feedback, the handbook.
  ...onlyFor(['coordinator', 'leercoach'], 'coach:nominate', { kind: 'nominee', institutionId: INST, personId: 'coachee', classes: [{ programmeId: PROG, leercoachId: 'leercoach' }] }, 'a student of their class or programme'),
  ...onlyFor(['otherProgrammeCoordinator'], 'coach:nominate', { kind: 'nominee', institutionId: INST, personId: 'coachee', classes: [{ programmeId: OTHER_PROG, leercoachId: 'other-leercoach' }] }, "a student of another programme's class"),
  ...onlyFor([], 'coach:nominate', { kind: 'nominee', institutionId: INST, personId: 'coachee', classes: [] }, 'a person in no class'),
  ...onlyFor(['coordinator'], 'coach:nominate', { kind: 'nominee', institutionId: INST, personId: 'leercoach', classes: [{ programmeId: PROG, leercoachId: 'leercoach' }] }, 'themselves (never)'),
  ...onlyFor(['coach', 'senior'], 'training:giveFeedback', { kind: 'training', institutionId: INST, programmeId: PROG, sessionId: 't1', attendeeIds: ['coach', 'senior'] }, 'a training they attended'),
  ...onlyFor(['coach', 'otherCoach', 'senior', 'otherSenior', 'coordinator', 'otherProgrammeCoordinator'], 'handbook:read', { kind: 'handbook', institutionId: INST }, 'the coach handbook'),
  // Sessions, attendance, logbooks and check-ins (#4).
  ...onlyFor(['coach', 'coordinator'], 'community:planSessions', community, "their community's year plan"),
  ...onlyFor(['coachee', 'coach', 'senior', 'coordinator'], 'session:read', session, 'a community session'),
  ...onlyFor(['coach', 'coordinator'], 'session:manage', session, 'a community session (move, cancel, plan)'),
  ...onlyFor(['coachee'], 'session:respond', session, 'a community session (RSVP, check-in)'),
  ...onlyFor(['coach', 'coordinator'], 'session:markAttendance', session, 'attendance of a session'),
  ...onlyFor(['coach', 'senior', 'coordinator'], 'session:readAttendance', session, 'attendance of a session'),
  ...onlyFor(['coach'], 'session:writeLogbook', session, 'the logbook of their session'),
  // Online and hybrid sessions (#21): the meeting link is for the people who join and the coordinator who plans it.
  ...onlyFor(['coachee', 'coach', 'coordinator'], 'session:readMeetingLink', session, 'the meeting link of a community session'),
  ...onlyFor(['coach', 'senior', 'coordinator'], 'session:readMeetingLink', training, 'the meeting link of a coach training'),
  // The group's own links and announcements (#21): coach and members only, never the leercoach or staff.
  ...onlyFor(['coachee', 'coach'], 'community:readLinks', community, "their community's meeting and chat links"),
  ...onlyFor(['coach'], 'community:setLinks', community, "their community's session mode and links"),
  ...onlyFor(['coach'], 'community:announce', community, 'an announcement to their community'),
  ...onlyFor(['coachee', 'coach'], 'community:readAnnouncements', community, "their community's announcements"),
  ...onlyFor(['coach', 'senior', 'coordinator'], 'session:read', training, 'a coach training'),
  ...onlyFor(['coach', 'senior'], 'session:respond', training, 'a coach training (RSVP)'),
  ...onlyFor(['coordinator'], 'session:markAttendance', training, 'attendance of a coach training'),
  ...onlyFor([], 'session:writeLogbook', training, 'a logbook of a coach training'),
  // Why someone does not come may hint at health: the organiser reads it, nobody else who reads the session (#14).
  ...onlyFor(['coach'], 'session:readRsvpReasons', session, 'the RSVP reasons of their session'),
  ...onlyFor([], 'session:readRsvpReasons', training, 'the RSVP reasons of a training the programme runs'),
  ...onlyFor(['coordinator'], 'session:readRsvpReasons', coordinatorsTraining, 'the RSVP reasons of a training the coordinator runs'),
  // A one-on-one after a handover stays the previous coach's; the new coach plans their own (#14).
  ...onlyFor(['coachee', 'otherCoach', 'otherSenior', 'coordinator'], 'session:read', previousCoachOneOnOne, 'a one-on-one the previous coach held'),
  ...onlyFor(['otherCoach', 'coordinator'], 'session:manage', previousCoachOneOnOne, 'a one-on-one the previous coach held (move, cancel)'),
  ...onlyFor(['otherCoach'], 'session:writeLogbook', previousCoachOneOnOne, 'the notes of a one-on-one the previous coach held'),
  ...onlyFor(['otherCoach'], 'coachingContent:read', previousCoachNote, "the previous coach's one-on-one note about the coachee"),
  ...onlyFor(['otherCoach'], 'coachingContent:write', previousCoachNote, "the previous coach's one-on-one note about the coachee"),
  ...onlyFor(['coachee', 'coach'], 'coachingContent:read', content('checkin', ['coach']), 'a check-in shared with the coach'),
  ...onlyFor(['coachee'], 'coachingContent:write', content('checkin'), 'their own check-in'),
  ...onlyFor(['coach'], 'coachingContent:write', content('logbook'), 'their logbook entry'),
  ...onlyFor(['coordinator', 'leercoach', 'otherLeercoach'], 'programme:postUpdate', programme, 'a programme update to the coaches (any leercoach of the programme)'),
  // The activity library and session plans (#4): coaches add their own, private or shared with the coaches.
  ...onlyFor(['coach', 'otherCoach', 'senior', 'otherSenior', 'coordinator', 'otherProgrammeCoordinator'], 'library:create', { kind: 'institution', institutionId: INST }, 'an own activity or session plan'),
  ...onlyFor(['coach'], 'library:read', libraryItem(false), 'a private activity of the coach'),
  ...onlyFor(['coach', 'otherCoach', 'senior', 'otherSenior', 'coordinator', 'otherProgrammeCoordinator'], 'library:read', libraryItem(true), 'an activity the coach shared'),
  ...onlyFor(['coach'], 'library:manage', libraryItem(true), 'an activity the coach shared (edit, delete)'),
  // Issue 21 item 8: an activity shared with one programme's coaches only; its coordinator keeps it too.
  ...onlyFor(['coach', 'otherCoach', 'senior', 'otherSenior', 'coordinator'], 'library:create', programme, "an activity for the programme's coaches only"),
  ...onlyFor(['coach', 'otherCoach', 'senior', 'otherSenior', 'coordinator'], 'library:read', { kind: 'libraryItem', institutionId: INST, builtIn: false, authorId: 'coach', shared: true, programmeId: PROG }, "an activity shared with the programme's coaches only"),
  ...onlyFor(['coach', 'coordinator'], 'library:manage', { kind: 'libraryItem', institutionId: INST, builtIn: false, authorId: 'coach', shared: true, programmeId: PROG }, "an activity shared with the programme's coaches only"),
  ...onlyFor(['coach'], 'library:read', { kind: 'libraryItem', institutionId: INST, builtIn: false, authorId: 'coach', shared: false, programmeId: PROG }, 'a private activity marked for the programme'),
  ...onlyFor([], 'library:manage', { kind: 'libraryItem', institutionId: INST, builtIn: false, authorId: null, shared: true, programmeId: null }, 'a shared activity whose author left'),
  ...onlyFor(everyone.filter((w) => w !== 'otherInstitutionCoordinator'), 'library:read', { kind: 'libraryItem', institutionId: INST, builtIn: true, authorId: null, shared: true, programmeId: null }, 'a built-in activity'),
  ...onlyFor([], 'library:manage', { kind: 'libraryItem', institutionId: INST, builtIn: true, authorId: null, shared: true, programmeId: null }, 'a built-in activity (content, edited as data)'),
  // Invitations (#16): the beheerder invites anyone in the institution, a coordinator anyone in their programme.
  ...onlyFor(['coordinator', 'beheerder'], 'invitation:send', invitee([PROG]), 'a student or coach of the programme'),
  ...onlyFor(['coordinator', 'beheerder'], 'invitation:read', invitee([PROG]), 'whether a student or coach of the programme activated'),
  ...onlyFor(['otherProgrammeCoordinator', 'beheerder'], 'invitation:send', invitee([OTHER_PROG]), 'a person of another programme'),
  ...onlyFor(['beheerder'], 'invitation:send', invitee([]), 'a staff member without a programme'),
  ...onlyFor(['beheerder'], 'invitation:read', invitee([]), 'whether a staff member without a programme activated'),
  ...onlyFor([], 'invitation:send', { kind: 'invitee', institutionId: INST, personId: 'beheerder', programmeIds: [] }, 'the beheerder themselves'),
  ...onlyFor([], 'programme:manageStudents', invitee([PROG]), 'any other action on a person to invite'),
  // People and roles (#16): nobody grants a role wider than their own.
  ...onlyFor(['coordinator', 'otherProgrammeCoordinator', 'beheerder'], 'people:search', directory, "the institution's people"),
  ...onlyFor(['beheerder'], 'people:create', directory, 'a new staff member'),
  ...onlyFor(['coordinator', 'otherProgrammeCoordinator', 'beheerder'], 'person:read', staffPerson, 'a staff member'),
  ...onlyFor(['coordinator', 'beheerder'], 'person:read', studentOf(PROG), 'a student of the programme'),
  ...onlyFor(['otherProgrammeCoordinator', 'beheerder'], 'person:read', studentOf(OTHER_PROG), 'a student of another programme'),
  ...onlyFor(['beheerder'], 'person:deactivate', staffPerson, 'a staff account'),
  ...onlyFor([], 'person:deactivate', { ...staffPerson, personId: 'beheerder' }, 'their own account'),
  ...onlyFor(['coordinator', 'beheerder'], 'role:grant', grantOf('leercoach', PROG), 'leercoach in the programme'),
  ...onlyFor(['coordinator', 'beheerder'], 'role:grant', grantOf('seniorcoach', PROG, 'coach'), 'seniorcoach in the programme'),
  ...onlyFor(['otherProgrammeCoordinator', 'beheerder'], 'role:grant', grantOf('studentcoach', OTHER_PROG), 'studentcoach in another programme'),
  ...onlyFor(['beheerder'], 'role:grant', grantOf('coordinator', PROG), 'coordinator of the programme'),
  ...onlyFor(['beheerder'], 'role:grant', grantOf('coordinator', null), 'coordinator of every programme'),
  ...onlyFor(['beheerder'], 'role:grant', grantOf('finance', null), 'finance'),
  ...onlyFor(['beheerder'], 'role:grant', grantOf('beheerder', null), 'beheerder'),
  ...onlyFor(['beheerder'], 'role:grant', grantOf('onderzoeker', null), 'onderzoeker'),
  ...onlyFor(['beheerder'], 'role:grant', grantOf('opleidingsmanagement', PROG), 'opleidingsmanagement of the programme'),
  ...onlyFor([], 'role:grant', grantOf('leercoach', null), 'leercoach without a programme (no such scope)'),
  ...onlyFor([], 'role:grant', grantOf('finance', PROG), 'finance for one programme (no such scope)'),
  ...onlyFor([], 'role:grant', grantOf('coachee', PROG), 'coachee (the student import makes coachees)'),
  ...onlyFor([], 'role:grant', grantOf('finance', null, 'beheerder'), 'a role to themselves'),
  ...onlyFor(['beheerder'], 'role:grant', grantOf('seniorcoach', PROG, 'coordinator'), 'seniorcoach to the coordinator (never by themselves)'),
  ...onlyFor(['coordinator', 'beheerder'], 'role:revoke', grantOf('seniorcoach', PROG, 'senior'), 'seniorcoach in the programme'),
  ...onlyFor(['beheerder'], 'role:revoke', grantOf('coordinator', PROG, 'coordinator'), "a coordinator's role"),
  ...onlyFor(['beheerder'], 'role:revoke', grantOf('beheerder', null, 'beheerder'), 'their own beheerder role (the use case keeps the last one)'),
  // Compensation, the money side (#17): a coach their own, the coordinator their programme's claims, finance the institution's.
  ...onlyFor(['coach', 'coordinator', 'finance', 'programmeFinance'], 'expenseClaim:read', expenseClaim, "a coach's expense claim and receipt"),
  ...onlyFor(['coordinator'], 'expenseClaim:decide', expenseClaim, "a coach's expense claim (approve, reject)"),
  ...onlyFor([], 'expenseClaim:decide', coordinatorsOwnClaim, 'a claim of the coordinator themself'),
  ...onlyFor(['coach'], 'compensation:manageOwn', ownCompensation('coach'), 'their own bank account, claims and payments'),
  ...onlyFor([], 'compensation:manageOwn', ownCompensation('coachee'), 'the pay of someone who is no coach'),
  ...onlyFor(['coordinator'], 'programmeFinance:read', programmeFinance, "the programme's claims, overdue payments and paid-on-time figure"),
  ...onlyFor(['finance'], 'payout:manage', financeDesk, "the institution's payouts (programme-scoped finance excluded)"),
  ...onlyFor(['finance', 'beheerder'], 'paymentSettings:manage', financeDesk, "the institution's paying account"),
  // Coach compensation (#17): the coach's own, the coordinator's programme, finance once approved; never a leercoach, coachee or onderzoeker.
  ...onlyFor(['coach', 'coordinator'], 'compensation:readAccount', compensationAccount, "the coach's compensation"),
  ...onlyFor(['coach', 'coordinator'], 'compensation:setBirthDate', compensationAccount, "the coach's date of birth"),
  ...onlyFor(['coach'], 'compensation:addExtraWork', compensationAccount, 'extra work for the coach'),
  ...onlyFor(['coach', 'coordinator'], 'compensation:readStatement', statement('confirmed'), 'a confirmed statement'),
  ...onlyFor(['coach', 'coordinator', 'finance', 'programmeFinance'], 'compensation:readStatement', statement('approved'), 'an approved statement'),
  ...onlyFor(['coach'], 'compensation:reviewStatement', statement('open'), 'an open statement (confirm, dispute a line)'),
  ...onlyFor(['coordinator'], 'compensation:approveStatement', statement('disputed'), 'a disputed statement'),
  ...onlyFor(['senior', 'coordinator'], 'compensation:decideExtraWork', extraWork, 'extra work of a coach the senior coach supervises'),
  ...onlyFor(['otherSenior', 'coordinator'], 'compensation:decideExtraWork', { ...extraWork, supervisorIds: ['other-senior'] as const }, 'extra work of a coach another senior coach supervises (not the first senior coach)'),
  ...onlyFor(['coordinator'], 'compensation:readProgramme', { kind: 'compensationProgramme', institutionId: INST, programmeId: PROG }, "the programme's statements"),
  ...onlyFor(['coordinator'], 'compensation:approveProgramme', { kind: 'compensationProgramme', institutionId: INST, programmeId: PROG }, "the programme's month at once"),
  ...onlyFor(['coordinator', 'otherProgrammeCoordinator', 'beheerder', 'finance', 'programmeFinance'], 'compensation:readFiscalYears', { kind: 'compensationInstitution', institutionId: INST }, 'the fiscal limits'),
  ...onlyFor(['beheerder'], 'compensation:manageFiscalYears', { kind: 'compensationInstitution', institutionId: INST }, 'adding a year of fiscal limits'),
  // Research (#19): the onderzoeker proposes and exports; the programme's coordinator decides (four eyes) and reads the log.
  ...onlyFor(['onderzoeker'], 'research:propose', researchDesk, 'a research study'),
  ...onlyFor(['onderzoeker', 'coordinator', 'otherProgrammeCoordinator'], 'research:list', researchDesk, "the institution's studies"),
  ...onlyFor(['onderzoeker', 'coordinator'], 'researchStudy:read', study([PROG]), 'a study of the programme'),
  ...onlyFor(['onderzoeker', 'coordinator', 'otherProgrammeCoordinator'], 'researchStudy:read', study([PROG, OTHER_PROG]), 'a study of both programmes'),
  ...onlyFor(['coordinator'], 'researchStudy:decide', study([PROG]), 'a study of the programme (approve, reject)'),
  ...onlyFor([], 'researchStudy:decide', study([PROG], 'coordinator'), 'a study the coordinator proposed themself (four eyes)'),
  ...onlyFor(['onderzoeker'], 'researchStudy:export', study([PROG]), "a study's pseudonymised export"),
  ...onlyFor([], 'researchStudy:export', study([]), 'a study without programmes'),
  // Evaluation (#18): one's own questionnaire; response rates (counts only) to the coordinator and the community's coach; a coach's own year report.
  ...onlyFor(['coachee'], 'evaluation:answer', { kind: 'evaluationInvitation', institutionId: INST, programmeId: PROG, personId: 'coachee' }, "the coachee's own questionnaire"),
  ...onlyFor(['coach'], 'evaluation:answer', { kind: 'evaluationInvitation', institutionId: INST, programmeId: PROG, personId: 'coach' }, "the coach's own questionnaire (not the coordinator's to fill in)"),
  ...onlyFor(['coordinator'], 'evaluation:readResponseRates', { kind: 'evaluationRates', institutionId: INST, programmeId: PROG, coachId: null }, "the programme's response rates"),
  ...onlyFor(['coach', 'coordinator'], 'evaluation:readResponseRates', { kind: 'evaluationRates', institutionId: INST, programmeId: PROG, coachId: 'coach' }, "a community's response rates"),
  ...onlyFor(['coach'], 'coachYearReport:write', { kind: 'coachYearReport', institutionId: INST, programmeId: PROG, coachId: 'coach' }, "the coach's own end-of-year report"),
  ...onlyFor([], 'coachYearReport:write', { kind: 'coachYearReport', institutionId: INST, programmeId: PROG, coachId: 'coachee' }, 'a year report of someone who is no coach'),
  ...onlyFor(['senior'], 'coachYearReport:write', { kind: 'coachYearReport', institutionId: INST, programmeId: PROG, coachId: 'senior' }, "the senior coach's own end-of-year report"),
  ...onlyFor(['coordinator'], 'coachYearReport:readStatus', { kind: 'coachYearReportStatus', institutionId: INST, programmeId: PROG }, 'who submitted an end-of-year report (never its text)'),
  ...onlyFor([], 'coachYearReport:write', { kind: 'coachYearReportStatus', institutionId: INST, programmeId: PROG }, 'the status resource never opens a report'),
  ...onlyFor(['coordinator', 'management'], 'insight:read', programmeInsight, "the programme's dashboard and impact report (aggregates)"),
  ...onlyFor(['coordinator'], 'insight:readPeople', programmeInsight, 'the dashboard lists that name people (three missed in a row)'),
  ...onlyFor(['coordinator'], 'insight:writeReport', programmeInsight, "the impact report's texts"),
  // The roadmap (#22): the programme's coordinator and opleidingsmanagement own it; invited stakeholders see their factors only.
  ...onlyFor(['coordinator', 'management', 'coachee', 'leercoach'], 'roadmap:read', programmeRoadmap, "the programme's roadmap (coachee and leercoach invited)"),
  ...onlyFor(['coordinator', 'management'], 'roadmap:read', { ...programmeRoadmap, stakeholders: [] }, "the programme's roadmap, nobody invited"),
  ...onlyFor(['coordinator', 'management', 'coachee'], 'roadmap:giveView', { ...programmeRoadmap, factorId: 'f1' }, 'a view on factor 1 (the coachee is invited for it)'),
  ...onlyFor(['coordinator', 'management', 'leercoach'], 'roadmap:giveView', { ...programmeRoadmap, factorId: 'f2' }, 'a view on factor 2 (the leercoach is invited for it)'),
  ...onlyFor([], 'roadmap:giveView', programmeRoadmap, 'a view without a factor'),
  ...onlyFor(['coordinator', 'management'], 'roadmap:manage', programmeRoadmap, "the programme's roadmap: agreed status, plan, invitations"),
  ...onlyFor(['otherProgrammeCoordinator', 'otherProgrammeManagement'], 'roadmap:manage', { ...programmeRoadmap, programmeId: OTHER_PROG }, "another programme's roadmap"),
  ...onlyFor(['beheerder'], 'roadmap:manage', { ...programmeRoadmap, programmeId: null, stakeholders: [] }, "the institution's roadmap"),
  ...onlyFor(['beheerder'], 'roadmapContent:manage', { kind: 'roadmapContent', institutionId: INST }, "the institution's copy of the roadmap content"),
];

describe('access policy matrix', () => {
  it.each(matrix)('%s → %s on %s: %s (%s)', (who, action, resource, expected) => {
    expect(isAllowed(people[who], action, resource)).toBe(expected);
  });
});

describe('access policy invariants', () => {
  const arbitraryActor = fc.record({
    personId: fc.constantFrom('coachee', 'coach', 'senior', 'leercoach', 'x'),
    institutionId: fc.constantFrom(INST, OTHER_INST),
    grants: fc.array(
      fc.record({
        role: fc.constantFrom(...ROLES),
        institutionId: fc.constantFrom(INST, OTHER_INST),
        programmeId: fc.constantFrom(PROG, OTHER_PROG, null),
      }),
      { maxLength: 4 },
    ),
  });

  it('never lets a leercoach without another role read coaching content', () => {
    fc.assert(
      fc.property(fc.constantFrom<CoachingContentType>('logbook', 'oneOnOneNote', 'resilienceMap', 'checkin'), (type) => {
        const leercoach = actor('leercoach', ['leercoach']);
        return !isAllowed(leercoach, 'coachingContent:read', content(type));
      }),
    );
  });

  it('never lets anyone but its author read a one-on-one note', () => {
    fc.assert(
      fc.property(arbitraryActor, (a) => isAllowed(a, 'coachingContent:read', content('oneOnOneNote')) === (a.personId === 'coach' && a.institutionId === INST)),
    );
  });

  it("never lets a coachee's new coach read or write the previous coach's one-on-one note, or the one-on-one itself", () => {
    fc.assert(
      fc.property(arbitraryActor, fc.constantFrom('coachingContent:read' as const, 'coachingContent:write' as const), (a, action) => {
        const newCoach = { ...a, personId: 'coach' };
        return !isAllowed(newCoach, action, previousCoachNote) && !isAllowed(newCoach, 'session:writeLogbook', previousCoachOneOnOne);
      }),
    );
  });

  it('shows RSVP reasons to the organiser of a session only', () => {
    fc.assert(fc.property(arbitraryActor, (a) => isAllowed(a, 'session:readRsvpReasons', session) === (a.personId === 'coach' && a.institutionId === INST)));
  });

  it('denies everything across institutions', () => {
    fc.assert(
      fc.property(arbitraryActor, fc.constantFrom(...ACTIONS), (a, action) => {
        const foreign = { ...a, institutionId: OTHER_INST, grants: a.grants.map((g) => ({ ...g, institutionId: OTHER_INST })) };
        return !isAllowed(foreign, action, community) && !isAllowed(foreign, action, { kind: 'institution', institutionId: INST });
      }),
    );
  });

  it('never lets a leercoach (without another role) near referrals or signals', () => {
    fc.assert(
      // A leercoach cannot raise a signal (that takes the studentcoach role), so never reads one.
      fc.property(fc.constantFrom(...ACTIONS), fc.constantFrom('need', 'theme', 'incident' as const), fc.constantFrom(null, 'leercoach'), (action, kind, handler) => {
        const leercoach = actor('leercoach', ['leercoach']);
        const s = signal(kind, handler);
        return !isAllowed(leercoach, action, referral) && !isAllowed(leercoach, action, s) && !isAllowed(leercoach, action, coacheeToRefer);
      }),
    );
  });

  it('lets a researcher see nothing of support: no referral, no signal', () => {
    for (const action of ACTIONS) {
      for (const r of [referral, signal('need'), signal('incident'), coacheeToRefer]) expect(isAllowed(people.onderzoeker, action, r)).toBe(false);
    }
  });

  it('never shows a handover note to anyone but the two coaches', () => {
    fc.assert(
      fc.property(arbitraryActor, (a) =>
        !isAllowed(a, 'handover:readNote', handover(true)) || (['coach', 'other-coach'].includes(a.personId) && a.institutionId === INST),
      ),
    );
  });

  it('never lets a leercoach or researcher into a session, its attendance or its logbook', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIONS), (action) => [people.leercoach, people.onderzoeker, people.beheerder].every((a) => !isAllowed(a, action, session))),
    );
  });

  it('never lets a coachee, coach, senior coach, leercoach, researcher or beheerder near group formation (attributes)', () => {
    fc.assert(
      fc.property(fc.constantFrom<Role>('coachee', 'studentcoach', 'seniorcoach', 'leercoach', 'onderzoeker', 'beheerder'), fc.constantFrom(PROG, OTHER_PROG, null), (role, programmeId) =>
        !isAllowed(actor('x', [role], programmeId), 'programme:formCommunities', programme),
      ),
    );
  });

  it('keeps timetables and scheduling runs (students\' weeks) to the programme\'s coordinators', () => {
    fc.assert(
      fc.property(fc.constantFrom<Role>('coachee', 'studentcoach', 'seniorcoach', 'leercoach', 'onderzoeker', 'beheerder', 'coordinator'), fc.constantFrom(PROG, OTHER_PROG, null), (role, programmeId) =>
        isAllowed(actor('x', [role], programmeId), 'programme:manageScheduling', programme) === (role === 'coordinator' && programmeId !== OTHER_PROG),
      ),
    );
  });

  it('never lets anyone grant a role wider than their own, or outside their institution, or to themselves', () => {
    fc.assert(
      fc.property(arbitraryActor, fc.constantFrom(...ROLES), fc.constantFrom(PROG, OTHER_PROG, null), fc.constantFrom('x', 'someone'), (a, role, programmeId, holderId) => {
        const allowed = isAllowed(a, 'role:grant', { kind: 'roleGrant', institutionId: INST, holderId, role, programmeId });
        if (!allowed) return true;
        const beheerder = a.institutionId === INST && a.grants.some((g) => g.role === 'beheerder' && g.institutionId === INST && g.programmeId === null);
        const coordinatorHere = a.grants.some((g) => g.role === 'coordinator' && g.institutionId === INST && (g.programmeId === null || g.programmeId === programmeId));
        return (
          a.institutionId === INST &&
          holderId !== a.personId &&
          (beheerder || (coordinatorHere && programmeId !== null && ['studentcoach', 'seniorcoach', 'leercoach'].includes(role)))
        );
      }),
    );
  });

  it('never lets a coordinator grant beheerder, finance, coordinator or any institution-wide role', () => {
    fc.assert(
      fc.property(fc.constantFrom<Role>('beheerder', 'finance', 'coordinator', 'onderzoeker', 'opleidingsmanagement'), fc.constantFrom(PROG, OTHER_PROG, null), fc.constantFrom(PROG, null), (role, programmeId, own) =>
        !isAllowed(actor('c', ['coordinator'], own), 'role:grant', { kind: 'roleGrant', institutionId: INST, holderId: 'someone', role, programmeId }),
      ),
    );
  });

  it('never lets a leercoach, coachee, researcher or beheerder near claims, receipts, pay or payouts', () => {
    const moneyActions = ['expenseClaim:read', 'expenseClaim:decide', 'compensation:manageOwn', 'programmeFinance:read', 'payout:manage'] as const;
    const moneyResources = [expenseClaim, ownCompensation('coachee'), ownCompensation('leercoach'), programmeFinance, financeDesk];
    fc.assert(
      fc.property(fc.constantFrom<Role>('coachee', 'leercoach', 'onderzoeker', 'beheerder', 'opleidingsmanagement'), fc.constantFrom(PROG, OTHER_PROG, null), fc.constantFrom(...moneyActions), (role, programmeId, action) =>
        moneyResources.every((r) => !isAllowed(actor(role, [role], programmeId), action, r)),
      ),
    );
  });

  it('never lets anyone but an onderzoeker download research data, and never across institutions', () => {
    fc.assert(
      fc.property(arbitraryActor, fc.constantFrom(PROG, OTHER_PROG), (a, programmeId) => {
        const allowed = isAllowed(a, 'researchStudy:export', study([programmeId]));
        return !allowed || a.grants.some((g) => g.role === 'onderzoeker' && g.institutionId === INST && (g.programmeId === null || g.programmeId === programmeId));
      }),
    );
    const foreign = actor('onderzoeker-x', ['onderzoeker', 'coordinator'], null, OTHER_INST);
    for (const action of ACTIONS) for (const r of [researchDesk, study([PROG])]) expect(isAllowed(foreign, action, r)).toBe(false);
  });

  it("gives another institution's finance nothing of this one", () => {
    const foreign = actor('finance-x', ['finance', 'beheerder'], null, OTHER_INST);
    for (const action of ACTIONS) for (const r of [expenseClaim, programmeFinance, financeDesk]) expect(isAllowed(foreign, action, r)).toBe(false);
  });

  it("never shows a coach's claim to another coach", () => {
    fc.assert(fc.property(arbitraryActor, (a) => !isAllowed({ ...a, personId: 'other-coach', grants: a.grants.filter((g) => g.role === 'studentcoach' || g.role === 'seniorcoach') }, 'expenseClaim:read', expenseClaim)));
  });

  it('shows a roadmap to nobody of another institution and to no uninvited coachee or leercoach', () => {
    const roadmap: Resource = { kind: 'roadmap', institutionId: INST, programmeId: PROG, stakeholders: [] };
    fc.assert(
      fc.property(fc.constantFrom<Role>('coachee', 'leercoach', 'studentcoach', 'seniorcoach', 'onderzoeker', 'finance'), fc.constantFrom(PROG, OTHER_PROG, null), (role, programmeId) =>
        (['roadmap:read', 'roadmap:giveView', 'roadmap:manage'] as const).every((action) => !isAllowed(actor(role, [role], programmeId), action, { ...roadmap, factorId: 'f1' })),
      ),
    );
    for (const action of ACTIONS) expect(isAllowed(actor('x', ['coordinator', 'beheerder', 'opleidingsmanagement'], null, OTHER_INST), action, roadmap)).toBe(false);
  });

  it('lets a coordinator whose role spans the institution keep the institution-wide help entries and every programme\'s (issue 21 item 8)', () => {
    const wide: Actor = { personId: 'coordinator-wide', institutionId: INST, grants: [{ role: 'coordinator', institutionId: INST, programmeId: null }] };
    expect(isAllowed(wide, 'helpResource:manage', helpResource)).toBe(true);
    expect(isAllowed(wide, 'helpResource:manage', { kind: 'helpResource', institutionId: INST, programmeId: OTHER_PROG })).toBe(true);
    expect(isAllowed(wide, 'helpResource:manage', { kind: 'helpResource', institutionId: OTHER_INST, programmeId: null })).toBe(false);
    // A programme coordinator keeps only their own programme's entries.
    expect(isAllowed(people.coordinator, 'helpResource:manage', { kind: 'helpResource', institutionId: INST, programmeId: OTHER_PROG })).toBe(false);
  });

  it('lets no researcher or beheerder read coaching content', () => {
    for (const type of ['logbook', 'oneOnOneNote', 'resilienceMap', 'checkin'] as const) {
      expect(isAllowed(people.onderzoeker, 'coachingContent:read', content(type))).toBe(false);
      expect(isAllowed(people.beheerder, 'coachingContent:read', content(type))).toBe(false);
    }
  });
});

describe('opleidingsmanagement (issue 18)', () => {
  it("reads its programme's aggregates and nothing about a person, in no resource of the matrix", () => {
    // The help directory and the activity library are the institution's shared lists, about nobody.
    const aggregateOnly = new Set(['institution:read', 'programme:read', 'insight:read', 'helpResource:read', 'library:read']);
    const resources = new Set(matrix.map(([, , resource]) => resource));
    for (const resource of resources)
      for (const action of ACTIONS) {
        // The programme's Roadmap self-assessment is theirs to run with the coordinator (#22): no person's data, its figures counted.
        if (aggregateOnly.has(action) || action.startsWith('roadmap:')) continue;
        expect(isAllowed(people.management, action, resource), `${action} on ${resource.kind}`).toBe(false);
      }
  });

  it("never reads another programme's or institution's dashboard", () => {
    for (const action of ACTIONS) {
      expect(isAllowed(people.otherProgrammeManagement, action, { kind: 'programmeInsight', institutionId: INST, programmeId: PROG })).toBe(false);
      expect(isAllowed(people.management, action, { kind: 'programmeInsight', institutionId: OTHER_INST, programmeId: PROG })).toBe(false);
    }
  });
});
