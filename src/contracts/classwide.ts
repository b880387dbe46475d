/** Class-wide coaching (#21 item 3): a coach linked to a whole class, as a community of kind 'class' (ADR 0027). */
import { z } from 'zod';
import { INTAKE_FORMATS } from '../domain/programme/intake-settings';

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
