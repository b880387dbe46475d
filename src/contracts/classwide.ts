/** Class-wide coaching (#21 item 3): a coach linked to a whole class, as a community of kind 'class' (ADR 0027). */
import { z } from 'zod';
import { INTAKE_FORMATS } from '../domain/programme/intake-settings';
import { HttpsLink, SessionMode } from './sessions';

const Id = z.string().uuid();
const Person = z.object({ id: Id, firstName: z.string(), lastName: z.string() });

/** The coordinator's class screen of an intake: each class with its size and linked coach, and the coaches to choose from. */
export const IntakeClassCoachesResponse = z.object({
  intakeId: Id,
  format: z.enum(INTAKE_FORMATS),
  classes: z.array(
    z.object({
      classId: Id,
      code: z.string(),
      /** Students enrolled in the class. */
      size: z.number().int(),
      /** The class's community (kind 'class'), null before a coach was linked. */
      communityId: Id.nullable(),
      coach: Person.nullable(),
      /** Coach changes after the first link (each one a handover of the class). */
      coachChanges: z.number().int(),
    }),
  ),
  /** Available student coaches of the programme (active, not paused or leaving), with the classes they already lead. */
  coaches: z.array(Person.extend({ classes: z.number().int() })),
});
export type IntakeClassCoachesResponse = z.infer<typeof IntakeClassCoachesResponse>;

/**
 * Link a coach to a class, or change the class's coach (a handover: the class's coming sessions
 * move to the new coach, the old coach's period ends). `currentCoachId` is the coach the screen
 * showed (null for none): when someone changed it meanwhile the answer is 409 and nothing changes.
 */
export const LinkClassCoachRequest = z.strictObject({ coachId: Id, currentCoachId: Id.nullable() });
export const LinkClassCoachResponse = z.object({ communityId: Id, members: z.number().int() });

const ClassSession = z.object({ id: Id, startsAt: z.string(), endsAt: z.string(), location: z.string(), mode: z.string(), status: z.string() });

/** The coach's own classes: each with its size, the next class-wide sessions and the last ones held. */
export const MyClassesResponse = z.object({
  classes: z.array(
    z.object({
      communityId: Id,
      code: z.string(),
      programme: z.string(),
      academicYear: z.string(),
      month: z.enum(['september', 'february']),
      /** Students of the class taking part now. */
      size: z.number().int(),
      /** Planned class-wide sessions from now on, soonest first. */
      upcoming: z.array(ClassSession),
      /** Class-wide sessions that took place, latest first (at most 10). */
      past: z.array(ClassSession),
    }),
  ),
});
export type MyClassesResponse = z.infer<typeof MyClassesResponse>;

/** How long the proposed class sessions last (minutes). */
export const ProposeClassSessionsQuery = z.strictObject({ durationMinutes: z.coerce.number().int().min(30).max(180).default(60) });
export type ProposeClassSessionsQuery = z.input<typeof ProposeClassSessionsQuery>;

export const ClassProposalReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('afterClassLesson'), time: z.string() }),
  z.object({ code: z.literal('beforeClassLesson'), time: z.string() }),
  z.object({ code: z.literal('classCampusDay') }),
  z.object({ code: z.literal('classNoLessonsOnline') }),
  z.object({ code: z.literal('classNoTimetable') }),
]);

/**
 * Proposed class-wide sessions of a class community (#21 item 3): one per teaching period of the
 * intake that is still to come, next to the class's lessons, with the reason. Stores nothing.
 */
export const ClassSessionProposalsResponse = z.object({
  communityId: Id,
  code: z.string(),
  durationMinutes: z.number().int(),
  /** Whether any timetable (class or students) is known for the class. */
  hasTimetable: z.boolean(),
  proposals: z.array(
    z.object({
      period: z.object({ id: Id, name: z.string(), firstDate: z.iso.date(), lastDate: z.iso.date() }),
      proposal: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('slot'), date: z.iso.date(), startTime: z.string(), endTime: z.string(), mode: z.enum(['onCampus', 'online']), reason: ClassProposalReason }),
        /** No free time for the class and the coach in the searched days. */
        z.object({ kind: z.literal('none') }),
        /** A class-wide session of this class is planned in the period already. */
        z.object({ kind: z.literal('alreadyPlanned'), startsAt: z.string() }),
      ]),
    }),
  ),
});
export type ClassSessionProposalsResponse = z.infer<typeof ClassSessionProposalsResponse>;

const LocalDate = z.iso.date();
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** The proposals the coach or coordinator accepts, each possibly changed: one session per period. */
export const AcceptClassSessionsRequest = z.strictObject({
  durationMinutes: z.number().int().min(30).max(180),
  location: z.string().trim().max(200).default(''),
  /** For the online or hybrid ones; left out: the class community's default link. */
  meetingLink: HttpsLink.optional(),
  sessions: z
    .array(z.strictObject({ periodId: Id, date: LocalDate, startTime: LocalTime, mode: SessionMode }))
    .min(1)
    .max(20),
});
export type AcceptClassSessionsRequest = z.input<typeof AcceptClassSessionsRequest>;
export const AcceptClassSessionsResponse = z.object({ planned: z.array(z.object({ sessionId: Id, periodId: Id, startsAt: z.string() })) });
export type AcceptClassSessionsResponse = z.infer<typeof AcceptClassSessionsResponse>;
