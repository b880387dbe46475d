/** Participation modes (#21 item 1): sign-ups for an opt-in intake and what a mode change does. */
import { z } from 'zod';
import { PARTICIPATION_MODES } from '../domain/programme/intake-settings';

const Id = z.string().uuid();
const Mode = z.enum(PARTICIPATION_MODES);

/** An opt-in intake the signed-in student can sign up for (or did). */
export const MySignUp = z.object({
  intakeId: Id,
  programmeName: z.string(),
  academicYear: z.string(),
  month: z.enum(['september', 'february']),
  signedUp: z.boolean(),
  /** Signing up and withdrawing are possible until the communities are formed or the closing day has ended. */
  open: z.boolean(),
  /** The last day to sign up (Europe/Amsterdam), or null when only forming the communities closes it. */
  closesOn: z.iso.date().nullable(),
});
export const MySignUpsResponse = z.object({ signUps: z.array(MySignUp) });

/** The participation of an intake for its coordinator: the mode and, for opt-in, the sign-up figures. */
export const IntakeParticipationResponse = z.object({
  intakeId: Id,
  mode: Mode,
  students: z.number().int(),
  signedUp: z.number().int(),
  /** Whole percent; null when the intake has no students. */
  signUpRate: z.number().int().nullable(),
  communitiesFormed: z.boolean(),
  members: z.number().int(),
  /** Opt-in: the last day to sign up (Europe/Amsterdam), or null. */
  closesOn: z.iso.date().nullable(),
  /** Can students sign up right now? */
  open: z.boolean(),
  /** Whole days left until the closing day (0: closes tonight); null without a closing day, after it, or once communities exist. */
  daysLeft: z.number().int().nullable(),
});

/** What changing the mode would do, before anything changes. */
export const ModeChangeConsequences = z.object({
  from: Mode,
  to: Mode,
  members: z.number().int(),
  notSignedUp: z.number().int(),
  leercoachSees: z.enum(['starts', 'stops', 'unchanged']),
  needsConfirmation: z.boolean(),
});
export const ModeChangePreviewRequest = z.strictObject({ to: Mode });

/**
 * The coordinator's answer to the question a mode change asks once communities exist. With
 * 'remove', students who did not sign up leave their community (no ending: they never chose to
 * take part); with 'keep' they stay.
 */
export const ModeChangeConfirmation = z.strictObject({ confirmed: z.literal(true), notSignedUp: z.enum(['keep', 'remove']).default('keep') });

/** The token of a sign-up invitation's one-tap link (from the URL fragment, sent in a POST body). */
export const SignUpTokenRequest = z.strictObject({ token: z.string().min(20).max(100) });
/** "Ik doe mee" (yes) or "Nee, dank je" (no) through the link. */
export const AnswerSignUpLinkRequest = SignUpTokenRequest.extend({ answer: z.enum(['yes', 'no']) });

/** What the one-tap link's page "Doe je mee?" shows. No names: the programme and what taking part means. */
export const SignUpInvitationResponse = z.object({
  programmeName: z.string(),
  academicYear: z.string(),
  month: z.enum(['september', 'february']),
  communitySize: z.object({ min: z.number().int(), max: z.number().int() }),
  sessionsPerMonth: z.number().int(),
  closesOn: z.iso.date().nullable(),
  open: z.boolean(),
  /** What the student answered (through a link, or by signing up or withdrawing in the app). */
  answer: z.enum(['yes', 'no']).nullable(),
  signedUp: z.boolean(),
});
