/** Individual coaching (#21 item 3): caseloads of one-on-ones per coach, and the format change question. */
import { z } from 'zod';
import { INTAKE_FORMATS } from '../domain/programme/intake-settings';
import { SESSION_MODES } from '../domain/sessions/session-mode';
import { HttpsLink } from './sessions';

const Id = z.string().uuid();

const Person = z.object({ id: Id, firstName: z.string(), lastName: z.string() });

/** The coordinator's caseload screen of an intake: each coach with their caseload, and who has none yet. */
export const IntakeCaseloadsResponse = z.object({
  intakeId: Id,
  format: z.enum(INTAKE_FORMATS),
  /** The target caseload size from the intake settings. */
  target: z.number().int(),
  coaches: z.array(
    z.object({
      coach: Person,
      /** The caseload (a community of kind 'caseload'), null before the coach has one. */
      caseloadId: Id.nullable(),
      coachees: z.array(Person.extend({ classCode: z.string() })),
    }),
  ),
  unassigned: z.array(Person.extend({ classCode: z.string() })),
});
export type IntakeCaseloadsResponse = z.infer<typeof IntakeCaseloadsResponse>;

/** Assign every student without a caseload, spread evenly over the programme's available coaches. */
export const AssignCaseloadsResponse = z.object({ assigned: z.number().int(), withoutCoach: z.number().int() });

/** Move one student to another coach's caseload (a coach change for that student). */
export const MoveCoacheeRequest = z.strictObject({ studentId: Id, coachId: Id });

/** The coach's own caseloads: each coachee with their last and next one-on-one. */
export const MyCaseloadsResponse = z.object({
  caseloads: z.array(
    z.object({
      caseloadId: Id,
      programme: z.string(),
      academicYear: z.string(),
      month: z.enum(['september', 'february']),
      target: z.number().int(),
      coachees: z.array(
        Person.extend({
          lastOneOnOne: z.object({ id: Id, startsAt: z.string() }).nullable(),
          nextOneOnOne: z.object({ id: Id, startsAt: z.string() }).nullable(),
        }),
      ),
    }),
  ),
});
export type MyCaseloadsResponse = z.infer<typeof MyCaseloadsResponse>;

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** One coachee's time in a round with proposed times (the coach may have changed it). */
export const RoundSlot = z.strictObject({ coacheeId: Id, date: z.iso.date(), startTime: Clock, mode: z.enum(SESSION_MODES).optional() });

/**
 * Plan a round of one-on-ones: one per coachee on the chosen day, one after another from the
 * start time with a break between; coachees who already have one in that week are skipped.
 * With `slots` (the proposed times, #21 item 3) each coachee gets their own day and time in the
 * week of `date` instead, and `startTime` is not needed.
 */
export const PlanRoundRequest = z
  .strictObject({
    date: z.iso.date(),
    startTime: Clock.optional(),
    durationMinutes: z.number().int().min(15).max(120),
    breakMinutes: z.number().int().min(0).max(60).default(5),
    location: z.string().trim().max(200).default(''),
    mode: z.enum(SESSION_MODES).default('onCampus'),
    meetingLink: HttpsLink.optional(),
    slots: z.array(RoundSlot).min(1).max(100).optional(),
  })
  .refine((r) => r.slots !== undefined || r.startTime !== undefined, { path: ['startTime'], message: 'required' });
export type PlanRoundRequest = z.input<typeof PlanRoundRequest>;
export const PlanRoundResponse = z.object({
  planned: z.array(z.object({ sessionId: Id, coacheeId: Id, startsAt: z.string() })),
  /** Coachees who already had a one-on-one planned in that week. */
  skipped: z.number().int(),
});

/**
 * Changing the format once communities or caseloads of the intake have members asks first:
 * 'keep' leaves them as they are (the new format applies to what is planned next), 'end' ends
 * those memberships (no dropout: reason 'formatChanged') so the students can be placed anew.
 */
export const FormatChangeConfirmation = z.strictObject({ confirmed: z.literal(true), existing: z.enum(['keep', 'end']) });

/** Proposed times for a round in a week: any day of the week, the length of a conversation and the break. */
export const ProposeRoundQuery = z.strictObject({
  week: z.iso.date(),
  durationMinutes: z.coerce.number().int().min(15).max(120).default(30),
  breakMinutes: z.coerce.number().int().min(0).max(60).default(5),
});
export type ProposeRoundQuery = z.input<typeof ProposeRoundQuery>;

export const ProposalReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('afterLesson'), time: z.string() }),
  z.object({ code: z.literal('beforeLesson'), time: z.string() }),
  z.object({ code: z.literal('campusDay') }),
  z.object({ code: z.literal('noLessonsOnline') }),
  z.object({ code: z.literal('awayFromLessonsOnline') }),
  z.object({ code: z.literal('noTimetable') }),
]);

/** A proposal per coachee of the caseload; nothing is stored until the coach plans the round. */
export const RoundProposalResponse = z.object({
  /** Monday and Friday of the week. */
  from: z.iso.date(),
  to: z.iso.date(),
  durationMinutes: z.number().int(),
  breakMinutes: z.number().int(),
  proposals: z.array(
    z.object({
      coachee: Person,
      proposal: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('slot'), date: z.iso.date(), startTime: z.string(), mode: z.enum(['onCampus', 'online']), reason: ProposalReason }),
        /** No time in the week when both are free. */
        z.object({ kind: z.literal('none') }),
        /** Already has a one-on-one with this coach in that week (the round skips them). */
        z.object({ kind: z.literal('alreadyPlanned'), startsAt: z.string() }),
      ]),
    }),
  ),
});
export type RoundProposalResponse = z.infer<typeof RoundProposalResponse>;
