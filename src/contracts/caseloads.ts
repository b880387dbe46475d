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

/**
 * Plan a round of one-on-ones: one per coachee on the chosen day, one after another from the
 * start time with a break between; coachees who already have one in that week are skipped.
 */
export const PlanRoundRequest = z.strictObject({
  date: z.iso.date(),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  durationMinutes: z.number().int().min(15).max(120),
  breakMinutes: z.number().int().min(0).max(60).default(5),
  location: z.string().trim().max(200).default(''),
  mode: z.enum(SESSION_MODES).default('onCampus'),
  meetingLink: HttpsLink.optional(),
});
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
