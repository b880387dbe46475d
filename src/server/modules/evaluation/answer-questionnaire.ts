/**
 * Answering a questionnaire, one question at a time (#18): each answer is saved at once, so a
 * person can stop and come back; the invitation keeps which keys were answered (never values).
 * Anonymous: each answer is stored alone, with nothing that refers to the person — so it cannot be
 * changed afterwards either. Confidential: linked to the invitation, only while the person's
 * research-use consent holds, and changeable until finishing. A closed questionnaire, a bad answer
 * or a spent or forged link changes nothing.
 */
import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import type { Question, QuestionSet } from '../../../contracts/content/questions';
import type { MyEvaluationsResponse, QuestionnaireResponse } from '../../../contracts/evaluation';
import type { EvaluationMode, EvaluationMoment } from '../../../domain/programme/intake-settings';
import type { Actor } from '../../../domain/access/policy';
import type { Services } from '../../context';
import type { Db } from '../../db/client';
import { evaluationAnswers, evaluationInvitations, evaluationLinkedAnswers, evaluationRounds, intakes, programmes } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { hasConsent } from '../consent/public';
import { tokenHashOf } from './links';
import { today } from './open-moments';
import type { RoundQuestions } from './results';

export type LoadedInvitation = {
  id: string;
  personId: string;
  questionSet: 'coachee' | 'coach';
  answeredKeys: string[];
  respondedAt: Date | null;
  round: { id: string; moment: EvaluationMoment; mode: EvaluationMode; opensOn: string; closesOn: string; contentVersion: number; questions: RoundQuestions };
  institutionId: string;
  programmeId: string;
};

function selectInvitation(db: Db) {
  return db
    .select({
      id: evaluationInvitations.id,
      personId: evaluationInvitations.personId,
      questionSet: evaluationInvitations.questionSet,
      answeredKeys: evaluationInvitations.answeredKeys,
      respondedAt: evaluationInvitations.respondedAt,
      roundId: evaluationRounds.id,
      moment: evaluationRounds.moment,
      mode: evaluationRounds.mode,
      opensOn: evaluationRounds.opensOn,
      closesOn: evaluationRounds.closesOn,
      contentVersion: evaluationRounds.contentVersion,
      questions: evaluationRounds.questions,
      institutionId: programmes.institutionId,
      programmeId: programmes.id,
    })
    .from(evaluationInvitations)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationInvitations.roundId))
    .innerJoin(intakes, eq(intakes.id, evaluationRounds.intakeId))
    .innerJoin(programmes, eq(programmes.id, intakes.programmeId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectInvitation>['where']>>[number];

const toLoaded = (r: Row): LoadedInvitation => ({
  id: r.id,
  personId: r.personId,
  questionSet: r.questionSet,
  answeredKeys: r.answeredKeys,
  respondedAt: r.respondedAt,
  round: { id: r.roundId, moment: r.moment, mode: r.mode, opensOn: r.opensOn, closesOn: r.closesOn, contentVersion: r.contentVersion, questions: r.questions as RoundQuestions },
  institutionId: r.institutionId,
  programmeId: r.programmeId,
});

/** An invitation by id (the signed-in routes' resource loader); null when missing. */
export async function loadInvitation(db: Db, institutionId: string, invitationId: string): Promise<LoadedInvitation | null> {
  const [row] = await selectInvitation(db).where(and(eq(evaluationInvitations.id, invitationId), eq(programmes.institutionId, institutionId)));
  return row ? toLoaded(row) : null;
}

/** An invitation by its link's token; a forged token answers the same 404 as any denial. */
export async function loadInvitationByToken(db: Db, token: string): Promise<LoadedInvitation> {
  const [row] = await selectInvitation(db).where(eq(evaluationInvitations.tokenHash, tokenHashOf(token)));
  if (!row) throw new AppError('evaluation_link_invalid');
  return toLoaded(row);
}

const questionSetOf = (inv: LoadedInvitation): QuestionSet => inv.round.questions[inv.questionSet];

export async function readQuestionnaire(services: Services, inv: LoadedInvitation): Promise<QuestionnaireResponse> {
  const set = questionSetOf(inv);
  const finished = inv.respondedAt !== null;
  if (!finished && inv.round.closesOn < today(services)) throw new AppError('evaluation_closed');
  const answers: QuestionnaireResponse['answers'] = {};
  if (inv.round.mode === 'confidential' && !finished) {
    const rows = await services.db.select().from(evaluationLinkedAnswers).where(eq(evaluationLinkedAnswers.invitationId, inv.id));
    for (const r of rows) answers[r.questionKey] = r.scaleValue ?? r.choiceValues ?? r.textValue ?? '';
  }
  return {
    moment: inv.round.moment,
    mode: inv.round.mode,
    closesOn: inv.round.closesOn,
    title: set.title,
    intro: set.intro ?? null,
    questions: finished ? [] : set.questions,
    answeredKeys: inv.answeredKeys,
    answers,
    finished,
  };
}

type Stored = { scaleValue: number | null; choiceValues: string[] | null; textValue: string | null };

/** The answer as stored, or `evaluation_answer_invalid` when it does not fit the question. */
export function checkAnswer(question: Question, value: unknown): Stored {
  const invalid = () => new AppError('evaluation_answer_invalid', `answer does not fit ${question.kind} question`);
  switch (question.kind) {
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < question.min || value > question.max) throw invalid();
      return { scaleValue: value, choiceValues: null, textValue: null };
    case 'choice': {
      if (!Array.isArray(value) || value.length === 0 || (!question.multiple && value.length !== 1)) throw invalid();
      const ids = new Set(question.options.map((o) => o.id));
      if (new Set(value).size !== value.length || !value.every((v) => typeof v === 'string' && ids.has(v))) throw invalid();
      return { scaleValue: null, choiceValues: value as string[], textValue: null };
    }
    case 'text': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text.length === 0 || text.length > question.maxLength) throw invalid();
      return { scaleValue: null, choiceValues: null, textValue: text };
    }
  }
}

/** Locks the invitation row for this transaction (one of two concurrent answers waits, then sees the other's). */
async function lockInvitation(tx: Db, id: string) {
  const [row] = await tx.select({ answeredKeys: evaluationInvitations.answeredKeys, respondedAt: evaluationInvitations.respondedAt }).from(evaluationInvitations).where(eq(evaluationInvitations.id, id)).for('update');
  return row;
}

export async function saveAnswer(services: Services, inv: LoadedInvitation, questionKey: string, value: unknown, via: 'link' | 'app'): Promise<{ answeredKeys: string[] }> {
  const question = questionSetOf(inv).questions.find((q) => q.id === questionKey);
  if (!question) throw new AppError('evaluation_answer_invalid', 'no such question');
  const stored = checkAnswer(question, value);
  return services.db.transaction(async (tx) => {
    const current = await lockInvitation(tx, inv.id);
    if (!current) throw new AppError(via === 'link' ? 'evaluation_link_invalid' : 'not_found');
    if (current.respondedAt) throw new AppError(via === 'link' ? 'evaluation_link_invalid' : 'evaluation_already_finished');
    if (inv.round.closesOn < today(services)) throw new AppError('evaluation_closed');
    const already = current.answeredKeys.includes(questionKey);
    if (inv.round.mode === 'anonymous') {
      if (already) throw new AppError('evaluation_already_answered');
      await tx.insert(evaluationAnswers).values({ roundId: inv.round.id, questionSet: inv.questionSet, questionKey, contentVersion: inv.round.contentVersion, ...stored });
    } else {
      if (!(await hasConsent(tx, inv.personId, 'research-use'))) throw new AppError('consent_required', 'research-use consent withdrawn');
      await tx
        .insert(evaluationLinkedAnswers)
        .values({ invitationId: inv.id, questionKey, contentVersion: inv.round.contentVersion, ...stored, answeredAt: services.now() })
        .onConflictDoUpdate({ target: [evaluationLinkedAnswers.invitationId, evaluationLinkedAnswers.questionKey], set: { ...stored, contentVersion: inv.round.contentVersion, answeredAt: services.now() } });
    }
    const answeredKeys = already ? current.answeredKeys : [...current.answeredKeys, questionKey];
    if (!already) await tx.update(evaluationInvitations).set({ answeredKeys }).where(eq(evaluationInvitations.id, inv.id));
    return { answeredKeys };
  });
}

/** Finishing: the "has responded" marker that stops the reminders. Required questions must be answered. */
export async function finishQuestionnaire(services: Services, inv: LoadedInvitation, via: 'link' | 'app'): Promise<void> {
  await services.db.transaction(async (tx) => {
    const current = await lockInvitation(tx, inv.id);
    if (!current) throw new AppError(via === 'link' ? 'evaluation_link_invalid' : 'not_found');
    if (current.respondedAt) throw new AppError('evaluation_already_finished');
    if (inv.round.closesOn < today(services)) throw new AppError('evaluation_closed');
    const missing = questionSetOf(inv).questions.filter((q) => q.required && !current.answeredKeys.includes(q.id));
    if (missing.length > 0) throw new AppError('evaluation_incomplete');
    await tx.update(evaluationInvitations).set({ respondedAt: services.now() }).where(eq(evaluationInvitations.id, inv.id));
  });
}

/** The signed-in person's open questionnaires (the home card). */
export async function listMyEvaluations(services: Services, actor: Actor): Promise<MyEvaluationsResponse> {
  const day = today(services);
  const rows = await selectInvitation(services.db).where(
    and(eq(evaluationInvitations.personId, actor.personId), eq(programmes.institutionId, actor.institutionId), isNull(evaluationInvitations.respondedAt), lte(evaluationRounds.opensOn, day), gte(evaluationRounds.closesOn, day)),
  );
  return {
    evaluations: rows
      .map(toLoaded)
      .map((inv) => ({ invitationId: inv.id, moment: inv.round.moment, mode: inv.round.mode, closesOn: inv.round.closesOn, answered: inv.answeredKeys.length, total: questionSetOf(inv).questions.length }))
      .sort((a, b) => a.closesOn.localeCompare(b.closesOn)),
  };
}

