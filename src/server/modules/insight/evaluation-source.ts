/**
 * Where the dashboard and the impact report get evaluation results from: the evaluation context
 * (issue 18 item 1) through its face, mapped to the dashboard's shape — per question the number
 * who answered and the mean per moment, and the paired T0→T2 change. Counts of 1–4 people arrive
 * suppressed (null) from the face and stay so.
 */
import { evaluationResults as resultsOf, questionLabels } from '../evaluation/public';
import type { Db } from '../../db/client';
import { zonedParts } from '../../../domain/sessions/zoned-time';

export type Moment = 'T0' | 'T1' | 'T2';

/** One question's results: per moment the number who answered and the mean (null: fewer than five), and the paired T0→T2 change. */
export type EvaluationQuestionResult = {
  questionId: string;
  question: { nl: string; en: string };
  audience: 'coachee' | 'coach';
  /** The top of the question's scale (the chart's axis). */
  scaleMax: number;
  /** Per moment held: whether the question's set was asked (the moment's audience), the number who answered and the mean. */
  moments: { moment: Moment; asked: boolean; /** People who answered; null when 1–4 (hidden). */ n: number | null; mean: number | null }[];
  /** Mean paired change T0→T2 of people who answered both; pairs null when 1–4 (hidden, and the mean with them). */
  change: { pairs: number | null; mean: number | null } | null;
};

/**
 * The Dutch calendar days (Europe/Amsterdam, never UTC) of a period given as instants: its first
 * day, and the last day before its exclusive end (the next midnight in Amsterdam).
 */
export function periodDays(period: { from?: Date; to?: Date }): { from?: string; to?: string } {
  return {
    ...(period.from ? { from: zonedParts(period.from).date } : {}),
    ...(period.to ? { to: zonedParts(new Date(period.to.getTime() - 1)).date } : {}),
  };
}

export async function evaluationResults(db: Db, filter: { programmeId: string; intakeId?: string; /** The period's first instant. */ from?: Date; /** The instant the period ends (exclusive). */ to?: Date }): Promise<EvaluationQuestionResult[]> {
  const [results, labels] = await Promise.all([
    resultsOf(db, {
      programmeId: filter.programmeId,
      ...(filter.intakeId ? { intakeId: filter.intakeId } : {}),
      ...periodDays(filter),
    }),
    questionLabels(db, { programmeId: filter.programmeId }),
  ]);
  const byQuestion = new Map<string, EvaluationQuestionResult>();
  for (const { moment, questions } of results.moments) {
    for (const q of questions) {
      if (q.kind !== 'scale') continue;
      const id = `${q.questionSet}|${q.questionKey}`;
      const entry = byQuestion.get(id) ?? { questionId: q.questionKey, question: labels.get(id) ?? { nl: q.questionKey, en: q.questionKey }, audience: q.questionSet, scaleMax: q.scale?.max ?? 5, moments: [], change: null };
      entry.moments.push({ moment, asked: q.asked, n: q.suppressed ? null : (q.n ?? 0), mean: q.suppressed ? null : q.mean });
      byQuestion.set(id, entry);
    }
  }
  for (const c of results.change) {
    const entry = byQuestion.get(`${c.questionSet}|${c.questionKey}`);
    if (entry) entry.change = { pairs: c.suppressed ? null : (c.nPairs ?? 0), mean: c.suppressed ? null : c.meanChange };
  }
  return [...byQuestion.values()];
}
/** Reflections coaches wrote in their end-of-year report and agreed to share (without name) in the impact report; the endyear context decides which. */
export { coachReflections } from '../endyear/public';
