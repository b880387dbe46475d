/** The home screen: one section per role the person holds. */
import { z } from 'zod';
import { INTAKE_FORMATS } from '../domain/programme/intake-settings';

export const PersonName = z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string().optional() });

export const CommunitySummary = z.object({
  id: z.string().uuid(),
  name: z.string(),
  programmeId: z.string().uuid(),
  coach: PersonName.nullable(),
  memberCount: z.number().int(),
});

/** What an intake still needs from the coordinator (#20 item 3); `null` where the person may not do that task. */
export const HomeIntakeTasks = z.object({
  intakeId: z.string().uuid(),
  /** How the intake is coached: placing a student means a group, a coach's caseload or a class with a coach. */
  format: z.enum(INTAKE_FORMATS),
  /** Students to place (opt-in: those who signed up), how many are not yet in a current community, communities formed. */
  grouping: z.object({ students: z.number().int(), unplaced: z.number().int(), communities: z.number().int() }).nullable(),
  /** Teaching periods of the intake and how many have a published schedule (only where communities meet as groups). */
  scheduling: z.object({ periods: z.number().int(), published: z.number().int() }).nullable(),
});
export type HomeIntakeTasks = z.infer<typeof HomeIntakeTasks>;

export const HomeResponse = z.object({
  programmes: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      location: z.string(),
      intakes: z.array(z.object({ id: z.string().uuid(), academicYear: z.string(), month: z.enum(['september', 'february']) })),
    }),
  ),
  /** Communities the person may see, each with its relation to the person. */
  communities: z.array(
    CommunitySummary.extend({
      relation: z.enum(['member', 'coach', 'supervisor', 'coordinator']),
      members: z.array(PersonName).optional(),
      coachEmail: z.string().optional(),
      /** 'group', 'caseload' or 'class' (a coach linked to a whole class, ADR 0027). */
      kind: z.string().optional(),
    }),
  ),
  supervisedCoaches: z.array(PersonName),
  classes: z.array(z.object({ id: z.string().uuid(), code: z.string(), studentCount: z.number().int() })),
  people: z.object({ byRole: z.record(z.string(), z.number().int()) }).nullable(),
  /** Per intake the person forms groups or schedules for: what is done and what is left. */
  intakeTasks: z.array(HomeIntakeTasks),
  /** Statements confirmed by their coach, waiting for this coordinator's approval; null for others. */
  statementsToApprove: z.number().int().nullable(),
  /** Approved statements and claims not yet in a payout batch; null for anyone but finance. */
  payoutsToMake: z.number().int().nullable(),
  /**
   * Opt-in intakes of the student's classes (#21): how many take sign-ups now, and how many of those
   * still wait for this student's answer; null for anyone who is no student.
   */
  signUps: z.object({ open: z.number().int(), waiting: z.number().int() }).nullable(),
});

export type HomeResponse = z.infer<typeof HomeResponse>;
