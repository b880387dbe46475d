/** Scheduling (#7): teaching periods, locations and rooms, timetables, availability, runs, publishing. */
import { z } from 'zod';
import { ClassSessionProposalsResponse } from './classwide';
import { RecordVersion } from './version';

const Id = z.string().uuid();
const LocalDate = z.iso.date();
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export const Weekday = z.enum(WEEKDAYS);
const Name = z.string().trim().min(1).max(80);

export const SaveTeachingPeriodRequest = z
  .strictObject({ name: Name, firstDate: LocalDate, lastDate: LocalDate })
  .refine((p) => p.lastDate >= p.firstDate, { path: ['lastDate'], message: 'last_before_first' });
export type SaveTeachingPeriodRequest = z.infer<typeof SaveTeachingPeriodRequest>;

export const SaveLocationRequest = z.strictObject({
  name: Name,
  /** The code timetables put at the start of an event's LOCATION ("AMS" in "AMS 03.14"). */
  code: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9-]+$/),
});
export const SaveRoomRequest = z.strictObject({ name: Name, capacity: z.number().int().min(1).max(1000) });

export const AvailabilityWindow = z
  .strictObject({ day: Weekday, start: Clock, end: Clock })
  .refine((w) => w.start < w.end, { path: ['end'], message: 'end_before_start' });
export const SetAvailabilityRequest = z.strictObject({
  /** null: no declared availability (free whenever not in class). */
  windows: z.array(AvailabilityWindow).max(50).nullable(),
});

/** A teaching period as the screens list it. */
const PeriodDates = z.object({ id: Id, name: z.string(), firstDate: z.string(), lastDate: z.string() });

/** A student coach's own availability: the periods that have not ended, with what they declared. */
export const MyAvailabilityResponse = z.object({
  periods: z.array(
    PeriodDates.extend({
      started: z.boolean(),
      intake: z.object({ programmeName: z.string(), month: z.string(), academicYear: z.string() }),
      /** null: nothing declared (free whenever not in class). */
      windows: z.array(z.object({ day: Weekday, start: z.string(), end: z.string() })).nullable(),
      updatedAt: z.string().nullable(),
    }),
  ),
});
export type MyAvailabilityResponse = z.infer<typeof MyAvailabilityResponse>;

/** Whose timetable a file is: a class, or one person (student or coach). CSV files name people per row. */
export const TimetableTarget = z.union([z.strictObject({ classId: Id }), z.strictObject({ personId: Id })]);

export const UploadTimetableRequest = z.strictObject({
  format: z.enum(['ics', 'csv']),
  fileName: z.string().trim().min(1).max(200),
  /** The file's text (timetable exports are small; the route limits the size). */
  text: z.string().min(1).max(5_000_000),
  target: TimetableTarget.nullable(),
});
export type UploadTimetableRequest = z.infer<typeof UploadTimetableRequest>;

export const FetchTimetableRequest = z.strictObject({ url: z.string().trim().url().max(2000), target: TimetableTarget });

export const TimetableUploadResponse = z.object({
  /** Timetables stored (one per class or person in the file). */
  imported: z.array(z.object({ label: z.string(), classes: z.number().int() })),
  /** LOCATION values that match no location code: those classes count as off campus. */
  unknownLocations: z.array(z.string()),
});
export type TimetableUploadResponse = z.infer<typeof TimetableUploadResponse>;

export const Block = z.object({ day: z.string(), start: z.string(), end: z.string(), location: z.string().nullable() });

const TimetableInfo = z.object({ id: Id, source: z.enum(['ics', 'csv', 'url']), fileName: z.string(), uploadedAt: z.string(), blocks: z.array(Block) }).nullable();

export const PeriodTimetablesResponse = z.object({
  period: z.object({ id: Id, intakeId: Id, name: z.string(), firstDate: z.string(), lastDate: z.string() }),
  locations: z.array(z.object({ id: Id, name: z.string(), code: z.string() })),
  urlFetch: z.boolean(),
  classes: z.array(z.object({ id: Id, code: z.string(), students: z.number().int(), timetable: TimetableInfo })),
  people: z.array(
    z.object({
      id: Id,
      name: z.string(),
      role: z.enum(['student', 'coach']),
      className: z.string().nullable(),
      timetable: TimetableInfo,
      /** Coaches: declared weekly windows, null when none. */
      availability: z.array(z.object({ day: Weekday, start: z.string(), end: z.string() })).nullable(),
    }),
  ),
});
export type PeriodTimetablesResponse = z.infer<typeof PeriodTimetablesResponse>;

export const RunStatus = z.enum(['running', 'done', 'failed', 'cancelled']);

export const RunSummary = z.object({
  id: Id,
  periodId: Id,
  status: RunStatus,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const SchedulingSetupResponse = z.object({
  intake: z.object({ id: Id, academicYear: z.string(), month: z.enum(['september', 'february']), programmeName: z.string() }),
  periods: z.array(
    PeriodDates.extend({
      timetables: z.number().int(),
      /** A timetable changed after the latest published run of this period: re-plan. */
      changedSincePublished: z.boolean(),
      published: z.boolean(),
    }),
  ),
  locations: z.array(z.object({ id: Id, name: z.string(), code: z.string(), rooms: z.array(z.object({ id: Id, name: z.string(), capacity: z.number().int() })) })),
  communities: z.number().int(),
  urlFetch: z.boolean(),
  runs: z.array(RunSummary),
  /**
   * A class-wide intake (#21 item 3) has no community runs: for each class with a coach, its
   * proposed class sessions per period with the reason (as on "Klassen en coaches"); null otherwise.
   */
  classProposals: z.array(z.object({ code: z.string(), coachName: z.string(), proposals: ClassSessionProposalsResponse.shape.proposals })).nullable(),
});
export type SchedulingSetupResponse = z.infer<typeof SchedulingSetupResponse>;

export const StartRunRequest = z.strictObject({
  seconds: z.number().int().min(1).max(300).default(10),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  sessionMinutes: z.number().int().min(30).max(240).multipleOf(15).default(90),
});

export const Slot = z.object({ day: z.string(), start: z.string(), locationId: z.string() });
/** Where a community's sessions are now: locationId is empty when not placed by a published run; `location` is the sessions' place. */
export const CurrentSlot = Slot.extend({ location: z.string() });

export const BlockerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('COACH_BUSY'), busy: z.object({ start: z.string(), end: z.string() }) }),
  z.object({ kind: z.literal('COACH_DOUBLE_BOOKED'), community: z.string() }),
  z.object({ kind: z.literal('ROOM_FULL'), rooms: z.number().int(), sessions: z.number().int() }),
  z.object({ kind: z.literal('OFF_GRID') }),
]);

export const SlotCost = z.object({
  cost: z.number().int(),
  waitingMinutes: z.number().int(),
  extraTrips: z.number().int(),
  inClass: z.number().int(),
  adjacent: z.number().int(),
});

export const MemberDay = z.object({
  id: Id,
  name: z.string(),
  /** `online`: the community meets online, so the member makes no trip and does not wait on campus. */
  kind: z.enum(['wait', 'extra-trip', 'conflict', 'online']),
  cost: z.number().int(),
  /** The member's classes in the week (the day view draws the day shown). */
  classes: z.array(Block),
});

export const RunCommunity = z.object({
  id: Id,
  name: z.string(),
  /** The community meets online: its sessions need no trip to campus (and no room). */
  online: z.boolean(),
  coach: z.object({ id: Id, name: z.string() }),
  slot: Slot,
  proposed: Slot,
  overridden: z.boolean(),
  version: z.number().int(),
  /** The slot of its published sessions in this period, if any. */
  current: CurrentSlot.nullable(),
  cost: SlotCost,
  blockers: z.array(BlockerSchema),
  members: z.array(MemberDay),
  coachClasses: z.array(Block),
  withoutTimetable: z.array(z.string()),
});
export type RunCommunity = z.infer<typeof RunCommunity>;

export const ExtraTripExplanationSchema = z.object({
  communityId: Id,
  communityName: z.string(),
  extraTrips: z.number().int(),
  minimumExtraTrips: z.number().int(),
  cause: z.enum(['TIMETABLES', 'COACH_AVAILABILITY', 'ROOMS_OR_TRADE_OFF']),
  members: z.array(z.object({ name: z.string(), reason: z.enum(['NO_CLASS_THAT_DAY', 'CLASSES_ELSEWHERE_THAT_DAY']), classLocations: z.array(z.string()) })),
});

/** The monthly coach training or one intervision group: its weekly slot, its dates and who can come. */
export const CoachMeeting = z.object({
  id: z.string(),
  kind: z.enum(['coachTraining', 'intervision']),
  senior: z.object({ id: Id, name: z.string() }).nullable(),
  slot: z.object({ day: z.string(), start: z.string(), end: z.string(), locationId: z.string() }).nullable(),
  lateEvening: z.boolean(),
  waitingMinutes: z.number().int(),
  dates: z.array(z.string()),
  coaches: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['adjacent', 'waiting', 'trip', 'cannot']),
      waitingMinutes: z.number().int(),
      noTimetable: z.boolean(),
      reason: z.enum(['CLASS', 'NOT_AVAILABLE', 'OWN_SESSION']).nullable(),
    }),
  ),
});
export type CoachMeeting = z.infer<typeof CoachMeeting>;

export const RunResponse = z.object({
  id: Id,
  intakeId: Id,
  period: z.object({ id: Id, name: z.string(), firstDate: z.string(), lastDate: z.string() }),
  status: RunStatus,
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Whether this is the newest finished run of its period (only that one can be published). */
  latest: z.boolean(),
  progress: z.object({ phase: z.string(), elapsedMs: z.number(), fraction: z.number(), bestObjective: z.number().nullable() }).nullable(),
  error: z.object({ code: z.string(), needed: z.number().int().nullable(), available: z.number().int().nullable(), name: z.string().nullable() }).nullable(),
  params: z.object({ seconds: z.number().int(), seed: z.number().int(), sessionMinutes: z.number().int() }),
  locations: z.array(z.object({ id: Id, name: z.string(), rooms: z.number().int() })),
  grid: z.object({ days: z.array(z.string()), dayStart: z.string(), dayEnd: z.string(), slotMinutes: z.number().int(), sessionMinutes: z.number().int() }).nullable(),
  quality: z
    .object({
      objective: z.number(),
      lowerBound: z.number(),
      adjacentShare: z.number(),
      adjacentShareUpperBound: z.number(),
      waitingMinutes: z.number(),
      extraTrips: z.number(),
      conflicts: z.number(),
      memberSessions: z.number(),
    })
    .nullable(),
  communities: z.array(RunCommunity),
  extraTrips: z.array(ExtraTripExplanationSchema),
  /** Communities that meet online: nobody travels to campus for them (said in the explanations). */
  online: z.array(z.object({ communityId: Id, communityName: z.string() })),
  excluded: z.array(z.object({ communityId: Id, communityName: z.string(), reason: z.enum(['NO_COACH', 'COACH_NEVER_AVAILABLE', 'NO_MEMBERS']) })),
  /** What publishing changes for communities that already have sessions in the period. */
  changes: z.array(z.object({ communityId: Id, communityName: z.string(), from: CurrentSlot, to: Slot, futureSessions: z.number().int(), affected: z.array(z.string()) })),
  /** The monthly coach training and intervision, placed where the coaches are on campus. */
  coachMeetings: z.array(CoachMeeting),
});
export type RunResponse = z.infer<typeof RunResponse>;

export const SlotOptionsResponse = z.object({
  options: z.array(SlotCost.extend({ day: z.string(), start: z.string(), locationId: z.string(), blockers: z.array(BlockerSchema), members: z.array(z.object({ id: Id, kind: z.enum(['wait', 'extra-trip', 'conflict', 'online']), cost: z.number().int() })) })),
});
export type SlotOptionsResponse = z.infer<typeof SlotOptionsResponse>;

export const OverrideSlotRequest = z.strictObject({ day: Weekday, start: Clock, locationId: Id, version: RecordVersion });

const PublishTotals = z.object({ created: z.number().int(), moved: z.number().int(), cancelled: z.number().int(), notified: z.number().int() });
/** Community sessions at the top level; the coach training and intervision sessions apart. */
export const PublishRunResponse = PublishTotals.extend({ coachMeetings: PublishTotals });
export type PublishRunResponse = z.infer<typeof PublishRunResponse>;
