/**
 * Where the dashboard and the impact report get evaluation results and consented coach
 * reflections from: the evaluation context (issue 18 item 1, built on branch `eval`), through
 * `evaluationResults(db, { programmeId, intakeId?, from?, to? })` and
 * `coachReflections(db, { programmeId, year })` of `modules/evaluation/public.ts`.
 *
 * Until that module is merged this adapter answers "no results yet" (the dashboard says so in
 * words); at the merge the two functions below call the face and map its answer to these types.
 */
import type { Db } from '../../db/client';

export type Moment = 'T0' | 'T1' | 'T2';

/** One question's results: per moment the number who answered and the mean (null: fewer than five), and the paired T0→T2 change. */
export type EvaluationQuestionResult = {
  questionId: string;
  question: { nl: string; en: string };
  audience: 'coachee' | 'coach';
  moments: { moment: Moment; n: number; mean: number | null }[];
  /** Mean paired change T0→T2 of people who answered both (null: fewer than five pairs). */
  change: { pairs: number; mean: number | null } | null;
};

export async function evaluationResults(_db: Db, _filter: { programmeId: string; intakeId?: string; from?: Date; to?: Date }): Promise<EvaluationQuestionResult[]> {
  return [];
}

/** Reflections coaches wrote in their end-of-year report and agreed to share in the impact report. */
export async function coachReflections(_db: Db, _filter: { programmeId: string; year: string }): Promise<string[]> {
  return [];
}
