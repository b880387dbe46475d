/** Evaluation questionnaires, response rates and the coach's end-of-year report (#18). */
import { z } from 'zod';
import { EVALUATION_MODES, EVALUATION_MOMENTS } from '../domain/programme/intake-settings';
import { Question } from './content/questions';

export const EvaluationMomentName = z.enum(EVALUATION_MOMENTS);
export const EvaluationModeName = z.enum(EVALUATION_MODES);
export const QuestionSetName = z.enum(['coachee', 'coach']);
export type QuestionSetName = z.infer<typeof QuestionSetName>;

/** A count of people: null (with `suppressed`) when it describes 1–4 people. */
const Count = z.number().int().nonnegative().nullable();

export const QuestionResult = z.object({
  questionKey: z.string(),
  questionSet: QuestionSetName,
  kind: z.enum(['scale', 'choice']),
  /** The scale's ends (scale questions); null for choices. */
  scale: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
  n: Count,
  /** Mean of the scale answers (two decimals); null for choices or when suppressed. */
  mean: z.number().nullable(),
  /** Per scale point (min…max) or per option: how many people chose it. */
  distribution: z.array(z.object({ value: z.string(), count: Count })),
  suppressed: z.boolean(),
  /** Whether anyone was asked this question at this moment: false when the moment's audience left its question set out (coach questions in a coachees-only moment). */
  asked: z.boolean(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const PairedChange = z.object({
  questionKey: z.string(),
  questionSet: QuestionSetName,
  /** People who answered the question at T0 and at T2 of a confidential questionnaire (with research consent now). */
  nPairs: Count,
  /** Mean of (T2 − T0) over those pairs, two decimals. */
  meanChange: z.number().nullable(),
  suppressed: z.boolean(),
});
export type PairedChange = z.infer<typeof PairedChange>;

export const EvaluationResults = z.object({
  moments: z.array(z.object({ moment: EvaluationMomentName, questions: z.array(QuestionResult) })),
  change: z.array(PairedChange),
});
export type EvaluationResults = z.infer<typeof EvaluationResults>;

export const ResponseRates = z.object({
  communities: z.array(
    z.object({
      communityId: z.string().uuid(),
      communityName: z.string(),
      moment: EvaluationMomentName,
      /** The moment's closing date: open until (and on) this day, Europe/Amsterdam. */
      closesOn: z.iso.date(),
      invited: Count,
      answered: Count,
      suppressed: z.boolean(),
    }),
  ),
});
export type ResponseRates = z.infer<typeof ResponseRates>;

/** One open questionnaire of the signed-in person (the home card). */
export const MyEvaluation = z.object({
  invitationId: z.string().uuid(),
  moment: EvaluationMomentName,
  mode: EvaluationModeName,
  closesOn: z.iso.date(),
  answered: z.number().int(),
  total: z.number().int(),
});
export const MyEvaluationsResponse = z.object({ evaluations: z.array(MyEvaluation) });
export type MyEvaluationsResponse = z.infer<typeof MyEvaluationsResponse>;

/** The questionnaire as the answering page sees it. */
export const QuestionnaireResponse = z.object({
  moment: EvaluationMomentName,
  mode: EvaluationModeName,
  closesOn: z.iso.date(),
  title: z.object({ nl: z.string(), en: z.string() }),
  intro: z.object({ nl: z.string(), en: z.string() }).nullable(),
  questions: z.array(Question),
  /** Keys answered so far (resuming). */
  answeredKeys: z.array(z.string()),
  /** Confidential mode only: one's own saved answers, to show and change them. */
  answers: z.record(z.string(), z.union([z.number().int(), z.string(), z.array(z.string())])),
  finished: z.boolean(),
});
export type QuestionnaireResponse = z.infer<typeof QuestionnaireResponse>;

export const AnswerValue = z.union([z.number().int(), z.string().max(10_000), z.array(z.string().max(100)).max(20)]);
export const SaveAnswerRequest = z.strictObject({ value: AnswerValue });
export const TokenRequest = z.strictObject({ token: z.string().min(20).max(100) });
export const SaveAnswerByTokenRequest = z.strictObject({ token: z.string().min(20).max(100), questionKey: z.string().min(1).max(100), value: AnswerValue });
