/** The programme year (#21): the 100-day moment and warm handovers to another study programme. */
import { z } from 'zod';
import { HUNDRED_DAY_CHOICES } from '../domain/year/hundred-day';

const Id = z.string().uuid();

export const HundredDayChoice = z.enum(HUNDRED_DAY_CHOICES);

export const AnswerHundredDayRequest = z.strictObject({
  choice: HundredDayChoice,
  /** Optional: why. The coordinator reads it; the coach only if `shareReasonWithCoach`. */
  reason: z.string().trim().max(1000).default(''),
  shareReasonWithCoach: z.boolean().default(false),
});
export const AnswerHundredDayLinkRequest = AnswerHundredDayRequest.extend({ token: z.string().min(20).max(100) });
export const HundredDayTokenRequest = z.strictObject({ token: z.string().min(20).max(100) });

/** The question as the coachee sees it (in the app, or through the mail's link). */
export const HundredDayQuestion = z.object({
  intakeId: Id,
  programmeName: z.string(),
  phaseName: z.string(),
  deadline: z.string(),
  /** Past the deadline: the page says so and offers no answer. */
  closed: z.boolean(),
  answer: z
    .object({ choice: HundredDayChoice, reason: z.string(), shareReasonWithCoach: z.boolean(), answeredAt: z.string() })
    .nullable(),
});
export const MyHundredDayResponse = z.object({ question: HundredDayQuestion.nullable() });

export const HundredDayCounts = z.object({
  asked: z.number().int(),
  unanswered: z.number().int(),
  continue: z.number().int(),
  oneOnOnesOnly: z.number().int(),
  lessOften: z.number().int(),
  stop: z.number().int(),
});

/** The coach's view of their community: counts and who chose what; a reason only where the coachee shared it. */
export const CommunityHundredDayResponse = z.object({
  deadline: z.string().nullable(),
  counts: HundredDayCounts,
  members: z.array(
    z.object({ id: Id, firstName: z.string(), lastName: z.string(), choice: HundredDayChoice.nullable(), sharedReason: z.string().nullable() }),
  ),
});

/** The coordinator's view of an intake: totals, per community, and each answer with its reason. */
export const IntakeHundredDayResponse = z.object({
  askAt: z.string().nullable(),
  deadline: z.string().nullable(),
  phaseName: z.string().nullable(),
  counts: HundredDayCounts,
  communities: z.array(z.object({ id: Id, name: z.string(), counts: HundredDayCounts })),
  answers: z.array(
    z.object({
      person: z.object({ id: Id, firstName: z.string(), lastName: z.string() }),
      communityName: z.string().nullable(),
      choice: HundredDayChoice.nullable(),
      reason: z.string().nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
});

/** A warm handover notice to the receiving programme's coordinator: who switched, from which programme. */
export const SwitchNoticesResponse = z.object({
  notices: z.array(
    z.object({
      id: Id,
      person: z.object({ id: Id, firstName: z.string(), lastName: z.string(), email: z.string() }),
      fromProgramme: z.string(),
      createdAt: z.string(),
      welcomedAt: z.string().nullable(),
    }),
  ),
});
export const WelcomeNoticeRequest = z.strictObject({});

/** Programmes a student can switch to: the institution's others, by name and location. */
export const SwitchTargetsResponse = z.object({ programmes: z.array(z.object({ id: Id, name: z.string(), location: z.string() })) });

export type HundredDayQuestion = z.infer<typeof HundredDayQuestion>;
export type MyHundredDayResponse = z.infer<typeof MyHundredDayResponse>;
export type CommunityHundredDayResponse = z.infer<typeof CommunityHundredDayResponse>;
export type IntakeHundredDayResponse = z.infer<typeof IntakeHundredDayResponse>;
export type SwitchNoticesResponse = z.infer<typeof SwitchNoticesResponse>;
export type SwitchTargetsResponse = z.infer<typeof SwitchTargetsResponse>;
export type HundredDayCountsT = z.infer<typeof HundredDayCounts>;
