/** Sessions, RSVPs, attendance, logbooks, one-on-ones, check-ins, year plans, insight, feeds. */
import { z } from 'zod';
import { INTAKE_FORMATS, PARTICIPATION_MODES } from '../domain/programme/intake-settings';
import { RecordVersion } from './version';
import { ATTENDANCE_STATUSES } from '../domain/sessions/attendance';
import { SESSION_TYPES } from '../domain/sessions/session-types';
import { isHttpsLink, SESSION_MODES } from '../domain/sessions/session-mode';
import { PlanActivity } from './activities';

export const SessionType = z.enum(SESSION_TYPES);
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export const RsvpResponse = z.enum(['coming', 'notComing']);
export const SessionMode = z.enum(SESSION_MODES);
/** A meeting or chat link: https only (anything else is a translated field error), or empty for none. */
export const HttpsLink = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || isHttpsLink(v), { message: 'https_link_required' });
const Id = z.string().uuid();
const LocalDate = z.iso.date();
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const SessionParticipant = z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string().optional(),
  rsvp: RsvpResponse.nullable(),
  reason: z.string().optional(),
  attendance: AttendanceStatus.nullable(),
  checkin: z.number().int().nullable().optional(),
});

export const SessionSummary = z.object({
  id: Id,
  type: SessionType,
  title: z.string(),
  communityId: Id.nullable(),
  communityName: z.string().nullable(),
  /** A one-on-one: the other person's name (the coach for the coachee, the coachee for the coach), #21 item 3. */
  withName: z.string().optional(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string(),
  mode: SessionMode,
  /** Online or hybrid: the meeting link, only for the people invited, the organiser and the coordinator. */
  meetingLink: z.string().optional(),
  status: z.enum(['planned', 'cancelled']),
  relation: z.enum(['organiser', 'participant', 'supervisor', 'coordinator']),
  myRsvp: RsvpResponse.nullable(),
  /** For the organiser: how many said they come, how many sent notice. */
  counts: z.object({ coming: z.number().int(), notComing: z.number().int(), invited: z.number().int() }).optional(),
  attendanceMarked: z.boolean(),
  logbookDue: z.boolean(),
  version: z.number().int(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionListResponse = z.object({ sessions: z.array(SessionSummary) });
export type SessionListResponse = z.infer<typeof SessionListResponse>;

export const SessionDetailResponse = SessionSummary.extend({
  can: z.object({
    manage: z.boolean(),
    markAttendance: z.boolean(),
    writeLogbook: z.boolean(),
    respond: z.boolean(),
    /** The check-in and the closing questions: a started session the person took part in. */
    checkin: z.boolean(),
  }),
  attendanceWindow: z.enum(['notYet', 'open', 'closed']),
  participants: z.array(SessionParticipant).nullable(),
  /** The session plan used (for the people running or supervising the session). */
  plan: z
    .object({ id: Id, title: z.string(), notes: z.string(), activityIds: z.array(z.string()), activities: z.array(PlanActivity), durationMinutes: z.number().int() })
    .nullable(),
  myCheckin: z.number().int().nullable(),
  myFeedbackGiven: z.boolean(),
  /** For the organiser: the closing answers, without names. */
  feedback: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))).nullable(),
  /** One-on-one: only whether notes exist for anyone but their author. */
  oneOnOne: z
    .object({
      coachee: z.object({ id: Id, firstName: z.string(), lastName: z.string() }),
      noteBody: z.string().nullable(),
      /** For the coach: whether the coachee's consent for coaching data holds (no notes without it). */
      consented: z.boolean().optional(),
    })
    .nullable(),
});
export type SessionDetailResponse = z.infer<typeof SessionDetailResponse>;

export const CreateSessionRequest = z.strictObject({
  type: SessionType,
  communityId: Id.optional(),
  coacheeId: Id.optional(),
  classId: Id.optional(),
  /** A class-wide session only: the student coach of the programme who leads it (#21 item 3); left out, the planner leads it. */
  coachId: Id.optional(),
  programmeId: Id.optional(),
  title: z.string().trim().max(120).default(''),
  date: LocalDate,
  startTime: LocalTime,
  durationMinutes: z.number().int().min(15).max(600),
  location: z.string().trim().max(200).default(''),
  /** Left out: the community's default (a community session), else on campus. */
  mode: SessionMode.optional(),
  /** Left out for an online or hybrid community session: the community's default link. */
  meetingLink: HttpsLink.optional(),
  planId: Id.optional(),
});
export type CreateSessionRequest = z.input<typeof CreateSessionRequest>;

export const MoveSessionRequest = z.strictObject({
  date: LocalDate,
  startTime: LocalTime,
  durationMinutes: z.number().int().min(15).max(600),
  location: z.string().trim().max(200),
  /** Left out: the session keeps its mode and link. */
  mode: SessionMode.optional(),
  meetingLink: HttpsLink.optional(),
  version: RecordVersion,
});
export type MoveSessionRequest = z.infer<typeof MoveSessionRequest>;

export const CancelSessionRequest = z.strictObject({ version: RecordVersion });

/** Choose the session plan for a session (or none). */
export const SetSessionPlanRequest = z.strictObject({ planId: Id.nullable() });
export type SetSessionPlanRequest = z.infer<typeof SetSessionPlanRequest>;

export const RespondToSessionRequest = z.strictObject({
  response: RsvpResponse,
  reason: z.string().trim().max(300).default(''),
});
export type RespondToSessionRequest = z.input<typeof RespondToSessionRequest>;

export const RecordAttendanceRequest = z.strictObject({
  marks: z.array(z.strictObject({ personId: Id, status: AttendanceStatus })).min(1).max(200),
});
export type RecordAttendanceRequest = z.infer<typeof RecordAttendanceRequest>;

export const AttendanceMarkResult = z.union([
  z.object({ personId: Id, ok: z.literal(true), status: AttendanceStatus }),
  z.object({ personId: Id, ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export const RecordAttendanceResponse = z.object({ results: z.array(AttendanceMarkResult) });
export type RecordAttendanceResponse = z.infer<typeof RecordAttendanceResponse>;

export const AttendanceHistoryResponse = z.object({
  changes: z.array(
    z.object({ personId: Id, fromStatus: AttendanceStatus.nullable(), toStatus: AttendanceStatus, changedBy: z.string().nullable(), changedAt: z.string() }),
  ),
});

const AnswerValue = z.union([z.string().max(2000), z.number().int(), z.array(z.string().max(100)).max(20)]);
export const WriteLogbookRequest = z.strictObject({
  answers: z.record(z.string().max(60), AnswerValue),
  activityIds: z.array(z.string().max(80)).max(20).default([]),
  forIntervision: z.boolean().default(false),
});
export type WriteLogbookRequest = z.input<typeof WriteLogbookRequest>;

export const LogbookEntry = z.object({
  id: Id,
  sessionId: Id,
  sessionStartsAt: z.string(),
  communityName: z.string().nullable(),
  author: z.object({ id: Id, firstName: z.string(), lastName: z.string() }),
  answers: z.record(z.string(), AnswerValue),
  activityIds: z.array(z.string()),
  /** The activities used, in order, with their titles (null: removed from the library since). */
  activities: z.array(PlanActivity),
  forIntervision: z.boolean(),
  updatedAt: z.string(),
});
export const LogbookEntryResponse = z.object({ entry: LogbookEntry.nullable() });
export type LogbookEntryResponse = z.infer<typeof LogbookEntryResponse>;
export const LogbookListResponse = z.object({ entries: z.array(LogbookEntry) });
export type LogbookEntry = z.infer<typeof LogbookEntry>;

export const WriteOneOnOneNoteRequest = z.strictObject({ body: z.string().trim().min(1).max(5000) });

export const RecordCheckinRequest = z.strictObject({ score: z.number().int().min(0).max(10) });
export const CheckinHistoryResponse = z.object({
  sharedWithCoach: z.boolean(),
  /** Whether the consent for coaching data holds: without it the coach sees no check-ins, shared or not. */
  coachingDataConsent: z.boolean(),
  /** The consent text to show next to the sharing switch (answered through /api/me/consents). */
  consent: z.object({ id: z.literal('share-checkins-with-coach'), version: z.number().int(), title: z.string(), text: z.string(), agreeLabel: z.string() }),
  checkins: z.array(z.object({ id: Id, score: z.number().int(), at: z.string(), sessionId: Id.nullable() })),
});
export type CheckinHistoryResponse = z.infer<typeof CheckinHistoryResponse>;

export const GiveSessionFeedbackRequest = z.strictObject({ answers: z.record(z.string().max(60), AnswerValue) });

export const Holiday = z.strictObject({ name: z.string().trim().min(1).max(80), from: LocalDate, to: LocalDate }).refine((h) => h.from <= h.to, {
  message: 'holiday_ends_before_start',
  path: ['to'],
});
export const SetHolidaysRequest = z.strictObject({ holidays: z.array(Holiday).max(30) });
export const HolidaysResponse = z.object({ academicYear: z.string(), holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })) });

export const PlanYearRequest = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  startTime: LocalTime,
  durationMinutes: z.number().int().min(15).max(600),
  location: z.string().trim().max(200).default(''),
  firstDate: LocalDate.optional(),
  lastDate: LocalDate.optional(),
});
export type PlanYearRequest = z.input<typeof PlanYearRequest>;

export const Gap = z.object({ from: z.string(), to: z.string(), days: z.number().int(), kind: z.enum(['start', 'between', 'end']) });
export const YearPlanResponse = z.object({
  communityId: Id,
  academicYear: z.string(),
  intervalDays: z.number().int(),
  series: z.object({ weekday: z.number().int(), startTime: z.string(), durationMinutes: z.number().int(), location: z.string(), firstDate: z.string(), lastDate: z.string() }).nullable(),
  sessions: z.array(z.object({ id: Id, startsAt: z.string(), status: z.enum(['planned', 'cancelled']) })),
  holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
  gaps: z.array(Gap),
  created: z.number().int().optional(),
});
export type YearPlanResponse = z.infer<typeof YearPlanResponse>;

export const CommunityInsightResponse = z.object({
  communityId: Id,
  communityName: z.string(),
  trend: z.enum(['up', 'down', 'steady', 'unknown']),
  sessions: z.array(z.object({ id: Id, startsAt: z.string(), rate: z.number().nullable() })),
  coachees: z.array(z.object({ id: Id, firstName: z.string(), lastName: z.string(), attended: z.number().int(), marked: z.number().int(), missedInARow: z.number().int(), signal: z.boolean() })),
});
export type CommunityInsightResponse = z.infer<typeof CommunityInsightResponse>;

export const AttendanceSignalsResponse = z.object({
  signals: z.array(z.object({ communityId: Id, communityName: z.string(), coachee: z.object({ id: Id, firstName: z.string(), lastName: z.string() }), missedInARow: z.number().int() })),
});
export type AttendanceSignalsResponse = z.infer<typeof AttendanceSignalsResponse>;

export const ClassAttendanceResponse = z.object({
  classId: Id,
  code: z.string(),
  programmeId: Id,
  /** The intake's participation mode (#21): only in compulsory mode does attendance count toward the programme, and only then are the figures below filled. */
  participation: z.enum(PARTICIPATION_MODES),
  attendanceShared: z.boolean(),
  /** Figures only, per community the class's students are in (only those students counted). */
  communities: z.array(z.object({ id: Id, name: z.string(), students: z.number().int(), attended: z.number().int(), marked: z.number().int(), trend: z.enum(['up', 'down', 'steady', 'unknown']) })),
  students: z.array(z.object({ id: Id, firstName: z.string(), lastName: z.string(), attended: z.number().int(), marked: z.number().int(), missedInARow: z.number().int() })),
});
export type ClassAttendanceResponse = z.infer<typeof ClassAttendanceResponse>;

/** The check-in histories a coach may see: only of members who share them. */
export const CommunityCheckinsResponse = z.object({
  communityId: Id,
  communityName: z.string(),
  memberCount: z.number().int(),
  sharing: z.array(z.object({ id: Id, firstName: z.string(), lastName: z.string(), checkins: z.array(z.object({ score: z.number().int(), at: z.string() })) })),
});
export type CommunityCheckinsResponse = z.infer<typeof CommunityCheckinsResponse>;

/** The coordinator's view of an intake: every community's year plan, the holidays and the gaps. */
export const IntakeYearPlanResponse = z.object({
  intakeId: Id,
  programmeId: Id,
  /** The intake's format: with individual coaching there are no community sessions (#21 item 3). */
  format: z.enum(INTAKE_FORMATS),
  academicYear: z.string(),
  holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
  communities: z.array(YearPlanResponse.omit({ holidays: true, created: true }).extend({ communityName: z.string(), coachName: z.string().nullable() })),
});
export type IntakeYearPlanResponse = z.infer<typeof IntakeYearPlanResponse>;

export const PostProgrammeUpdateRequest = z.strictObject({ title: z.string().trim().min(1).max(120), body: z.string().trim().min(1).max(4000) });
export const ProgrammeUpdatesResponse = z.object({
  updates: z.array(z.object({ id: Id, programmeId: Id, title: z.string(), body: z.string(), authorName: z.string(), createdAt: z.string() })),
});
export type ProgrammeUpdatesResponse = z.infer<typeof ProgrammeUpdatesResponse>;

export const CalendarFeedResponse = z.object({ url: z.string() });
export const CalendarFeedStatusResponse = z.object({ exists: z.boolean() });

export const RsvpLinkResponse = z.object({ title: z.string(), type: SessionType, startsAt: z.string(), location: z.string(), status: z.enum(['planned', 'cancelled']), response: RsvpResponse.nullable() });
export type RsvpLinkResponse = z.infer<typeof RsvpLinkResponse>;
export const OkResponse = z.object({ ok: z.literal(true) });
