/**
 * Evaluation results as aggregates only (#18): per moment and question the number who answered,
 * the mean and the distribution; for confidential questionnaires the paired T0→T2 change. Every
 * count of 1–4 people is suppressed. Response rates per community count invitations, never
 * answers. The programme dashboard and the impact report read these through the face.
 */
import { and, count, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { EvaluationResults, PairedChange, QuestionResult, QuestionSetName, ResponseRates } from '../../../contracts/evaluation';
import type { QuestionSet } from '../../../contracts/content/questions';
import { mean, round2, suppressCount, suppressDistribution } from '../../../domain/evaluation/suppression';
import type { EvaluationMoment } from '../../../domain/programme/intake-settings';
import type { Db } from '../../db/client';
import { communities, evaluationAnswers, evaluationInvitations, evaluationLinkedAnswers, evaluationRounds, intakes } from '../../db/schema';
import { withConsent } from '../consent/public';

export type RoundQuestions = Record<QuestionSetName, QuestionSet>;

type Filter = { programmeId: string; intakeId?: string; from?: string; to?: string };

type Tally = { moment: EvaluationMoment; set: QuestionSetName; key: string; value: string; n: number };

async function roundsOf(db: Db, f: Filter) {
  const conditions = [eq(intakes.programmeId, f.programmeId)];
  if (f.intakeId) conditions.push(eq(evaluationRounds.intakeId, f.intakeId));
  if (f.from) conditions.push(gte(evaluationRounds.opensOn, f.from));
  if (f.to) conditions.push(lte(evaluationRounds.opensOn, f.to));
  return db
    .select({ id: evaluationRounds.id, moment: evaluationRounds.moment, mode: evaluationRounds.mode, questions: evaluationRounds.questions })
    .from(evaluationRounds)
    .innerJoin(intakes, eq(intakes.id, evaluationRounds.intakeId))
    .where(and(...conditions));
}

/**
 * Per questionnaire moment (T0/T1/T2) and per scale or choice question: n answered, mean (scale),
 * distribution per scale point or option; and the paired T0→T2 change of confidential
 * questionnaires (people with the research consent now). Counts of 1–4 people: null, `suppressed`.
 */
export async function evaluationResults(db: Db, filter: Filter): Promise<EvaluationResults> {
  const rounds = await roundsOf(db, filter);
  if (rounds.length === 0) return { moments: [], change: [] };
  const momentOf = new Map(rounds.map((r) => [r.id, r.moment]));
  const tallies: Tally[] = [];
  const respondents = new Map<string, number>(); // moment|set|key → people who answered
  const addRespondents = (k: string, n: number) => respondents.set(k, (respondents.get(k) ?? 0) + n);

  // Anonymous answers: counted in SQL, per value (scale) and per option (choice).
  const anonIds = rounds.filter((r) => r.mode === 'anonymous').map((r) => r.id);
  if (anonIds.length > 0) {
    const scale = await db
      .select({ roundId: evaluationAnswers.roundId, set: evaluationAnswers.questionSet, key: evaluationAnswers.questionKey, value: evaluationAnswers.scaleValue, n: count() })
      .from(evaluationAnswers)
      .where(and(inArray(evaluationAnswers.roundId, anonIds), isNotNull(evaluationAnswers.scaleValue)))
      .groupBy(evaluationAnswers.roundId, evaluationAnswers.questionSet, evaluationAnswers.questionKey, evaluationAnswers.scaleValue);
    for (const r of scale) {
      const moment = momentOf.get(r.roundId)!;
      tallies.push({ moment, set: r.set, key: r.key, value: String(r.value), n: r.n });
      addRespondents(`${moment}|${r.set}|${r.key}`, r.n);
    }
    const option = sql<string>`unnest(${evaluationAnswers.choiceValues})`;
    const choice = await db
      .select({ roundId: evaluationAnswers.roundId, set: evaluationAnswers.questionSet, key: evaluationAnswers.questionKey, value: option, n: count() })
      .from(evaluationAnswers)
      .where(and(inArray(evaluationAnswers.roundId, anonIds), isNotNull(evaluationAnswers.choiceValues)))
      .groupBy(evaluationAnswers.roundId, evaluationAnswers.questionSet, evaluationAnswers.questionKey, option);
    for (const r of choice) tallies.push({ moment: momentOf.get(r.roundId)!, set: r.set, key: r.key, value: r.value, n: r.n });
    const choosers = await db
      .select({ roundId: evaluationAnswers.roundId, set: evaluationAnswers.questionSet, key: evaluationAnswers.questionKey, n: count() })
      .from(evaluationAnswers)
      .where(and(inArray(evaluationAnswers.roundId, anonIds), isNotNull(evaluationAnswers.choiceValues)))
      .groupBy(evaluationAnswers.roundId, evaluationAnswers.questionSet, evaluationAnswers.questionKey);
    for (const r of choosers) addRespondents(`${momentOf.get(r.roundId)!}|${r.set}|${r.key}`, r.n);
  }

  // Confidential answers: only of people whose research consent holds now.
  const confIds = rounds.filter((r) => r.mode === 'confidential').map((r) => r.id);
  const linked = confIds.length
    ? await db
        .select({
          roundId: evaluationInvitations.roundId,
          personId: evaluationInvitations.personId,
          set: evaluationInvitations.questionSet,
          key: evaluationLinkedAnswers.questionKey,
          scaleValue: evaluationLinkedAnswers.scaleValue,
          choiceValues: evaluationLinkedAnswers.choiceValues,
        })
        .from(evaluationLinkedAnswers)
        .innerJoin(evaluationInvitations, eq(evaluationInvitations.id, evaluationLinkedAnswers.invitationId))
        .where(inArray(evaluationInvitations.roundId, confIds))
    : [];
  const consented = await withConsent(db, [...new Set(linked.map((l) => l.personId))], 'research-use');
  const usable = linked.filter((l) => consented.has(l.personId));
  for (const l of usable) {
    const moment = momentOf.get(l.roundId)!;
    const values = l.scaleValue !== null ? [String(l.scaleValue)] : (l.choiceValues ?? []);
    if (l.scaleValue === null && l.choiceValues === null) continue;
    for (const value of values) tallies.push({ moment, set: l.set, key: l.key, value, n: 1 });
    addRespondents(`${moment}|${l.set}|${l.key}`, 1);
  }

  // Which question sets each moment asked: a set with no invitation (outside the moment's audience) was not asked.
  const invitedSets = await db
    .selectDistinct({ roundId: evaluationInvitations.roundId, set: evaluationInvitations.questionSet })
    .from(evaluationInvitations)
    .where(inArray(evaluationInvitations.roundId, rounds.map((r) => r.id)));
  const askedSets = new Set(invitedSets.map((i) => `${momentOf.get(i.roundId)!}|${i.set}`));

  // The question sets of the newest round describe the questions (keys are stable across versions).
  const sets = rounds[rounds.length - 1]!.questions as RoundQuestions;
  const moments: EvaluationResults['moments'] = [];
  for (const moment of ['T0', 'T1', 'T2'] as const) {
    if (!rounds.some((r) => r.moment === moment)) continue;
    const questions: QuestionResult[] = [];
    for (const set of ['coachee', 'coach'] as const) {
      for (const q of sets[set].questions) {
        if (q.kind === 'text') continue;
        const values = q.kind === 'scale' ? Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i)) : q.options.map((o) => o.id);
        const countOf = (v: string) => tallies.filter((t) => t.moment === moment && t.set === set && t.key === q.id && t.value === v).reduce((a, t) => a + t.n, 0);
        const counts = values.map(countOf);
        const n = respondents.get(`${moment}|${set}|${q.id}`) ?? 0;
        const shownN = suppressCount(n);
        const suppressed = shownN === null;
        const distribution = suppressed ? counts.map(() => null) : suppressDistribution(counts);
        const sum = counts.reduce((a, c, i) => a + c * Number(values[i]), 0);
        questions.push({
          questionKey: q.id,
          questionSet: set,
          kind: q.kind,
          scale: q.kind === 'scale' ? { min: q.min, max: q.max } : null,
          n: shownN,
          mean: q.kind === 'scale' && !suppressed && n > 0 ? round2(sum / n) : null,
          distribution: values.map((value, i) => ({ value, count: distribution[i] ?? null })),
          suppressed,
          asked: n > 0 || askedSets.has(`${moment}|${set}`),
        });
      }
    }
    moments.push({ moment, questions });
  }
  return { moments, change: pairedChange(usable, momentOf, sets) };
}

/** T2 − T0 per person and scale question, over the confidential rounds of the same intake(s). */
function pairedChange(
  usable: { roundId: string; personId: string; set: QuestionSetName; key: string; scaleValue: number | null }[],
  momentOf: Map<string, EvaluationMoment>,
  sets: RoundQuestions,
): PairedChange[] {
  const result: PairedChange[] = [];
  for (const set of ['coachee', 'coach'] as const) {
    for (const q of sets[set].questions) {
      if (q.kind !== 'scale') continue;
      const at = (moment: EvaluationMoment) => {
        const m = new Map<string, number>();
        for (const u of usable) if (u.set === set && u.key === q.id && u.scaleValue !== null && momentOf.get(u.roundId) === moment) m.set(u.personId, u.scaleValue);
        return m;
      };
      const t0 = at('T0');
      const t2 = at('T2');
      const diffs = [...t2].flatMap(([personId, v]) => (t0.has(personId) ? [v - t0.get(personId)!] : []));
      const nPairs = suppressCount(diffs.length);
      const suppressed = nPairs === null;
      const m = mean(diffs);
      result.push({ questionKey: q.id, questionSet: set, nPairs, meanChange: suppressed || m === null ? null : round2(m), suppressed });
    }
  }
  return result;
}

/**
 * Per community and moment: how many were invited and how many finished — counts of people, so
 * 1–4 is suppressed (answered too when invited is). Never who answered, never what.
 */
export async function responseRates(db: Db, filter: { programmeId: string; intakeId?: string; communityIds?: readonly string[] }): Promise<ResponseRates> {
  const conditions = [eq(intakes.programmeId, filter.programmeId)];
  if (filter.intakeId) conditions.push(eq(evaluationRounds.intakeId, filter.intakeId));
  if (filter.communityIds) {
    if (filter.communityIds.length === 0) return { communities: [] };
    conditions.push(inArray(evaluationInvitations.communityId, [...filter.communityIds]));
  }
  const rows = await db
    .select({
      communityId: communities.id,
      communityName: communities.name,
      moment: evaluationRounds.moment,
      closesOn: evaluationRounds.closesOn,
      invited: count(),
      answered: sql<number>`count(${evaluationInvitations.respondedAt})::int`,
    })
    .from(evaluationInvitations)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationInvitations.roundId))
    .innerJoin(intakes, eq(intakes.id, evaluationRounds.intakeId))
    .innerJoin(communities, eq(communities.id, evaluationInvitations.communityId))
    .where(and(...conditions))
    .groupBy(communities.id, communities.name, evaluationRounds.moment, evaluationRounds.closesOn)
    .orderBy(communities.name, evaluationRounds.moment);
  return {
    communities: rows.map((r) => {
      const invited = suppressCount(r.invited);
      const answered = invited === null ? null : suppressCount(Number(r.answered));
      return { communityId: r.communityId, communityName: r.communityName, moment: r.moment, closesOn: r.closesOn, invited, answered, suppressed: invited === null || answered === null };
    }),
  };
}

/** The wording of every question asked in a programme's questionnaires, as stored with each round (its content version): `set|key` → label. */
export async function questionLabels(db: Db, filter: { programmeId: string }): Promise<Map<string, { nl: string; en: string }>> {
  const rounds = await roundsOf(db, filter);
  const labels = new Map<string, { nl: string; en: string }>();
  for (const round of rounds) {
    for (const [set, questionSet] of Object.entries(round.questions as RoundQuestions)) {
      for (const question of questionSet.questions) labels.set(`${set}|${question.id}`, { nl: question.label.nl, en: question.label.en });
    }
  }
  return labels;
}
