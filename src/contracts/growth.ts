/** Coaches' growth and input (#21 item 6): nominations, feedback after trainings, the coach handbook. */
import { z } from 'zod';

const Id = z.string().uuid();
const Token = z.string().min(20).max(100);

export const NOMINATION_NOTE_MAX = 500;
export const TRAINING_TEXT_MAX = 1000;
export const TRAINING_TOPICS_MAX = 5;

export const NominatorRole = z.enum(['leercoach', 'coordinator']);
export const NominationStatus = z.enum(['open', 'applied', 'declined']);

export const NominateRequest = z.strictObject({
  /** Optional: "waarom ik aan je denk". The student and the coordinator read it; the mail does not carry it. */
  note: z.string().trim().max(NOMINATION_NOTE_MAX).default(''),
});

/** A nomination as the nominated student sees it. */
export const MyNomination = z.object({
  id: Id,
  programmeId: Id,
  programmeName: z.string(),
  nominatorRole: NominatorRole,
  nominatorName: z.string(),
  note: z.string(),
  status: NominationStatus,
  createdAt: z.string(),
});
export const MyNominationsResponse = z.object({ nominations: z.array(MyNomination) });

export const NominationTokenRequest = z.strictObject({ token: Token });
/** What the mail's link opens: the programme and who nominated (by role); the application form is prefilled with the student's own name and address. */
export const NominationLinkResponse = z.object({
  programmeId: Id,
  programmeName: z.string(),
  nominatorRole: NominatorRole,
  status: NominationStatus,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
});

/** On the coordinator's application list: the application came from a nomination, and by whom. */
export const ApplicationNomination = z.object({ nominatorRole: NominatorRole, nominatorName: z.string() });

export const NominationCandidatesResponse = z.object({
  students: z.array(
    z.object({
      id: Id,
      firstName: z.string(),
      lastName: z.string(),
      classCodes: z.array(z.string()),
      isCoach: z.boolean(),
      nomination: z.object({ status: NominationStatus, byMe: z.boolean(), createdAt: z.string() }).nullable(),
    }),
  ),
});
export const ProgrammeNominationsResponse = z.object({
  nominations: z.array(
    z.object({
      id: Id,
      student: z.object({ id: Id, firstName: z.string(), lastName: z.string() }),
      nominatorRole: NominatorRole,
      nominatorName: z.string(),
      note: z.string(),
      status: NominationStatus,
      createdAt: z.string(),
    }),
  ),
});

export const TrainingTopicInput = z.string().trim().min(1).max(80);
export const GiveTrainingFeedbackRequest = z.strictObject({
  /** How useful the training was, 1 (not) to 5 (very). */
  rating: z.number().int().min(1).max(5),
  text: z.string().trim().max(TRAINING_TEXT_MAX).default(''),
  /** Topic ids from the content list (`content/handbook.json` trainingTopics) or the coach's own words. */
  topics: z.array(TrainingTopicInput).max(TRAINING_TOPICS_MAX).default([]),
});

/** A training the signed-in coach attended, with whether they gave feedback. */
export const MyTraining = z.object({
  sessionId: Id,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  ended: z.boolean(),
  feedback: z.object({ rating: z.number().int(), text: z.string(), topics: z.array(z.string()) }).nullable(),
});
export const MyTrainingsResponse = z.object({ trainings: z.array(MyTraining), topics: z.array(z.object({ id: z.string(), label: z.string() })) });

/** Per training: responses, the average (null below the suppression threshold), texts without names. */
export const TrainingFeedbackSummary = z.object({
  sessionId: Id,
  title: z.string(),
  startsAt: z.string(),
  attended: z.number().int(),
  responses: z.number().int(),
  averageRating: z.number().nullable(),
  texts: z.array(z.string()),
});
export const ProgrammeTrainingFeedbackResponse = z.object({
  minCell: z.number().int(),
  trainings: z.array(TrainingFeedbackSummary),
  /** Suggested topics counted across the trainings, most asked-for first. */
  topics: z.array(z.object({ label: z.string(), count: z.number().int() })),
});

export const HandbookSection = z.object({ id: z.string(), title: z.string(), paragraphs: z.array(z.string()) });
export const HandbookResponse = z.object({ version: z.number().int(), title: z.string(), intro: z.string(), sections: z.array(HandbookSection) });

export type NominateRequest = z.infer<typeof NominateRequest>;
export type NominationCandidatesResponse = z.infer<typeof NominationCandidatesResponse>;
export type ProgrammeNominationsResponse = z.infer<typeof ProgrammeNominationsResponse>;
export type MyNominationsResponse = z.infer<typeof MyNominationsResponse>;
export type NominationLinkResponse = z.infer<typeof NominationLinkResponse>;
export type GiveTrainingFeedbackRequest = z.infer<typeof GiveTrainingFeedbackRequest>;
export type MyTrainingsResponse = z.infer<typeof MyTrainingsResponse>;
export type ProgrammeTrainingFeedbackResponse = z.infer<typeof ProgrammeTrainingFeedbackResponse>;
export type HandbookResponse = z.infer<typeof HandbookResponse>;
