/** Communities: manual editing, membership history, handovers, continuity, the coachee's view. */
import { z } from 'zod';
import { RecordVersion } from './version';

const Id = z.string().uuid();
const Name = z.string().trim().min(1).max(80);
const PersonRef = z.object({ id: Id, firstName: z.string(), lastName: z.string() });

/**
 * A coach who already leads another community is assigned only with `confirmSecondCommunity`
 * (the answer without it is 409 `coach_already_leads`, naming the communities).
 */
const ConfirmSecondCommunity = z.boolean().default(false);
export const CreateCommunityRequest = z.strictObject({ name: Name, coachId: Id.nullable(), confirmSecondCommunity: ConfirmSecondCommunity });
export const UpdateCommunityRequest = z.strictObject({ name: Name, coachId: Id.nullable(), version: RecordVersion, confirmSecondCommunity: ConfirmSecondCommunity });
export const AddMemberRequest = z.strictObject({
  personId: Id,
  version: RecordVersion,
  /** Adding to a full community needs this, explicitly. */
  overrideFull: z.boolean().default(false),
});
/**
 * Why a member's participation ends (#21 item 7). 'finished', 'stoppedAfterFirstPhase' and
 * 'switchedProgramme' are regular endings; the others count as dropping out.
 */
export const STOP_REASONS = ['stopped', 'notStarted', 'other', 'finished', 'stoppedAfterFirstPhase', 'switchedProgramme'] as const;
export const StopMemberRequest = z.strictObject({
  reason: z.enum(STOP_REASONS),
  version: RecordVersion,
  /**
   * With 'switchedProgramme': the programme the student switches to, and whether they agreed that
   * its coordinator welcomes them (a warm handover; without agreement nobody is told).
   */
  switchTo: z.strictObject({ programmeId: Id, welcomeAgreed: z.boolean() }).optional(),
});

export const Continuity = z.object({
  originalCoachShare: z.number().nullable(),
  originalMembersShare: z.number().nullable(),
  coachChanges: z.number().int(),
  /** What the coach share counts: sessions held, or (before the first session) time. */
  basis: z.enum(['sessions', 'time']),
  sessionsHeld: z.number().int(),
  /** How members' participation ended; regular endings apart from dropping out. */
  endings: z.object({ finished: z.number().int(), stoppedAfterFirstPhase: z.number().int(), switchedProgramme: z.number().int(), droppedOut: z.number().int() }),
});
export const CommunityListItem = z.object({
  id: Id,
  name: z.string(),
  version: z.number().int(),
  coach: PersonRef.nullable(),
  memberCount: z.number().int(),
  continuity: Continuity,
  openHandover: z.boolean(),
});
export const IntakeCommunitiesResponse = z.object({
  intake: z.object({ id: Id, programmeId: Id, academicYear: z.string(), month: z.enum(['september', 'february']) }),
  size: z.object({ min: z.number().int(), max: z.number().int() }),
  communities: z.array(CommunityListItem),
  /** Coaches who can lead a community (active or paused). */
  coaches: z.array(PersonRef),
  unplacedCount: z.number().int(),
});

export const HistoryEvent = z.object({
  at: z.string(),
  kind: z.enum(['joined', 'left', 'coachStarted', 'coachEnded', 'handoverStarted', 'handoverCompleted']),
  person: PersonRef.nullable(),
  reason: z.string().nullable(),
});
export const CommunityManageResponse = z.object({
  id: Id,
  name: z.string(),
  version: z.number().int(),
  intakeId: Id,
  programmeId: Id,
  size: z.object({ min: z.number().int(), max: z.number().int() }),
  coach: PersonRef.nullable(),
  members: z.array(PersonRef.extend({ studentNumber: z.string().nullable(), joinedOn: z.string() })),
  continuity: Continuity,
  history: z.array(HistoryEvent),
  handovers: z.array(
    z.object({ id: Id, status: z.enum(['open', 'completed']), fromCoach: PersonRef.nullable(), toCoach: PersonRef.nullable(), createdAt: z.string() }),
  ),
  /** Other communities of the intake, as targets for moving members. */
  otherCommunities: z.array(z.object({ id: Id, name: z.string(), version: z.number().int(), memberCount: z.number().int() })),
  coaches: z.array(PersonRef),
});

export const StartHandoverRequest = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('newCoach'),
    toCoachId: Id,
    introProposedAt: z.string().datetime({ offset: true }).nullable(),
    version: RecordVersion,
  }),
  z.strictObject({
    mode: z.literal('redistribute'),
    moves: z.array(z.strictObject({ personId: Id, communityId: Id })).min(1),
    introProposedAt: z.string().datetime({ offset: true }).nullable(),
    version: RecordVersion,
    /** Moving members into a full community needs this, explicitly. */
    overrideFull: z.boolean().default(false),
  }),
]);
/** Completing a spread whose target filled up meanwhile needs the override then. */
export const CompleteHandoverRequest = z.strictObject({ overrideFull: z.boolean().default(false) });
export const WriteHandoverNoteRequest = z.strictObject({ note: z.string().trim().min(1).max(4000) });
export const HandoverResponse = z.object({
  id: Id,
  communityId: Id,
  communityName: z.string(),
  status: z.enum(['open', 'completed']),
  mode: z.enum(['newCoach', 'redistribute']),
  fromCoach: PersonRef.nullable(),
  toCoach: PersonRef.nullable(),
  moves: z.array(z.object({ person: PersonRef, community: z.object({ id: Id, name: z.string() }) })),
  introProposedAt: z.string().nullable(),
  noteWritten: z.boolean(),
  /** Only for the two coaches. */
  note: z.string().nullable(),
  canWriteNote: z.boolean(),
  canComplete: z.boolean(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export const MyHandoversResponse = z.object({ handovers: z.array(HandoverResponse.omit({ note: true, moves: true })) });

export const MyCommunityResponse = z.object({
  community: z
    .object({
      id: Id,
      name: z.string(),
      /** 'group', 'caseload' (individual coaching) or 'class' (a coach with a whole class). */
      kind: z.enum(['group', 'caseload', 'class']),
      /** First names only; empty for a caseload, whose coachees never meet. */
      members: z.array(z.object({ id: Id, firstName: z.string() })),
      coach: z
        .object({
          id: Id,
          firstName: z.string(),
          lastName: z.string(),
          intro: z.string(),
          languages: z.array(z.string()),
          email: z.string(),
          phone: z.string().nullable(),
          /** The photo's version (for `/api/coaches/:id/photo?v=`), null without a photo. */
          photoVersion: z.string().nullable(),
        })
        .nullable(),
      /** Since when the current coach leads the group (after a handover: the new coach's start). */
      coachSince: z.string().nullable(),
      introProposedAt: z.string().nullable(),
    })
    .nullable(),
  /** The community's next planned session, or null when none is planned. */
  nextSession: z.object({ id: Id, startsAt: z.string(), endsAt: z.string(), title: z.string(), location: z.string() }).nullable(),
});

export type IntakeCommunitiesResponse = z.infer<typeof IntakeCommunitiesResponse>;
export type CommunityManageResponse = z.infer<typeof CommunityManageResponse>;
export type HandoverResponse = z.infer<typeof HandoverResponse>;
export type MyHandoversResponse = z.infer<typeof MyHandoversResponse>;
export type MyCommunityResponse = z.infer<typeof MyCommunityResponse>;
export type StartHandoverRequest = z.infer<typeof StartHandoverRequest>;
/** What a client sends (defaults may be left out). */
export type StartHandoverInput = z.input<typeof StartHandoverRequest>;
