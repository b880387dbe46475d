/**
 * Feedback after a coach training (#21 item 6, §5.2.1): each coach who attended gives, once and
 * only after the training ended, a usefulness rating (1–5), an optional text and topic
 * suggestions. The coordinator sees per training the number of responses, the average (hidden
 * below the insight threshold), the texts without names, and the topics counted across trainings.
 * Anonymous by default (ADR 0022): the author is stored only to allow one answer per coach and
 * to show the coach their own; no answer that reaches the coordinator carries it.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { GiveTrainingFeedbackRequest, MyTrainingsResponse, ProgrammeTrainingFeedbackResponse } from '../../../contracts/growth';
import { averageRating, topicCounts, topicKey } from '../../../domain/growth/training-feedback';
import { MIN_CELL } from '../../../domain/insight/suppression';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { attendanceMarks, programmes, sessions, trainingFeedback } from '../../db/schema';
import { AppError } from '../../errors/app-error';

/** How long after a training its feedback task stays on the coach's home. */
const TASK_DAYS = 30;

function topicLabel(services: Services, locale: Locale) {
  const byId = new Map(services.content.handbook.trainingTopics.map((t) => [t.id, t.label[locale]]));
  return (key: string, first: string) => byId.get(key) ?? first;
}

/** Stores the attendee's feedback once, after the training ended. */
export async function giveTrainingFeedback({ services, personId, sessionId, body }: { services: Services; personId: string; sessionId: string; body: GiveTrainingFeedbackRequest }) {
  const [session] = await services.db.select({ endsAt: sessions.endsAt, status: sessions.status }).from(sessions).where(eq(sessions.id, sessionId));
  if (!session) throw new AppError('not_found');
  if (session.status === 'cancelled') throw new AppError('session_cancelled');
  if (session.endsAt.getTime() > services.now().getTime()) throw new AppError('training_not_ended');
  const known = new Set(services.content.handbook.trainingTopics.map((t) => t.id));
  const topics: string[] = [];
  for (const t of body.topics) {
    const clean = t.trim().replace(/\s+/g, ' ');
    const value = known.has(topicKey(clean)) ? topicKey(clean) : clean;
    if (!topics.some((x) => topicKey(x) === topicKey(value))) topics.push(value);
  }
  const inserted = await services.db
    .insert(trainingFeedback)
    .values({ sessionId, authorId: personId, rating: body.rating, text: body.text.trim(), topics, createdAt: services.now() })
    .onConflictDoNothing()
    .returning({ id: trainingFeedback.id });
  if (inserted.length === 0) throw new AppError('training_feedback_given');
}

/** The trainings the coach attended in the last days, each with their own feedback (or null): the home task and the form. */
export async function myTrainings({ services, personId, locale }: { services: Services; personId: string; locale: Locale }): Promise<MyTrainingsResponse> {
  const now = services.now();
  const since = new Date(now.getTime() - TASK_DAYS * 86_400_000);
  const rows = await services.db
    .select({ id: sessions.id, title: sessions.title, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(attendanceMarks)
    .innerJoin(sessions, eq(sessions.id, attendanceMarks.sessionId))
    .where(
      and(
        eq(attendanceMarks.personId, personId),
        inArray(attendanceMarks.status, ['present', 'late']),
        eq(sessions.type, 'coachTraining'),
        eq(sessions.status, 'planned'),
        sql`${sessions.endsAt} >= ${since.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(sessions.startsAt));
  const ids = rows.map((r) => r.id);
  const own = ids.length
    ? await services.db.select().from(trainingFeedback).where(and(eq(trainingFeedback.authorId, personId), inArray(trainingFeedback.sessionId, ids)))
    : [];
  const label = topicLabel(services, locale);
  return {
    trainings: rows.map((r) => {
      const f = own.find((o) => o.sessionId === r.id);
      return {
        sessionId: r.id,
        title: r.title,
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt.toISOString(),
        ended: r.endsAt.getTime() <= now.getTime(),
        feedback: f ? { rating: f.rating, text: f.text, topics: f.topics.map((t) => label(t, t)) } : null,
      };
    }),
    topics: services.content.handbook.trainingTopics.map((t) => ({ id: t.id, label: t.label[locale] })),
  };
}

/** The programme's trainings (the last twelve months) with their feedback, for the coordinator: no names anywhere. */
export async function programmeTrainingFeedback({ services, programmeId, locale }: { services: Services; programmeId: string; locale: Locale }): Promise<ProgrammeTrainingFeedbackResponse> {
  const since = new Date(services.now().getTime() - 365 * 86_400_000);
  const trainings = await services.db
    .select({ id: sessions.id, title: sessions.title, startsAt: sessions.startsAt })
    .from(sessions)
    .innerJoin(programmes, eq(programmes.id, sessions.programmeId))
    .where(
      and(
        eq(sessions.programmeId, programmeId),
        eq(sessions.type, 'coachTraining'),
        eq(sessions.status, 'planned'),
        sql`${sessions.endsAt} <= ${services.now().toISOString()}::timestamptz`,
        sql`${sessions.startsAt} >= ${since.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(sessions.startsAt));
  const ids = trainings.map((t) => t.id);
  const feedback = ids.length
    ? await services.db.select({ sessionId: trainingFeedback.sessionId, rating: trainingFeedback.rating, text: trainingFeedback.text, topics: trainingFeedback.topics }).from(trainingFeedback).where(inArray(trainingFeedback.sessionId, ids))
    : [];
  const attended = ids.length
    ? await services.db
        .select({ sessionId: attendanceMarks.sessionId, n: sql<number>`count(*)::int` })
        .from(attendanceMarks)
        .where(and(inArray(attendanceMarks.sessionId, ids), inArray(attendanceMarks.status, ['present', 'late'])))
        .groupBy(attendanceMarks.sessionId)
    : [];
  return {
    minCell: MIN_CELL,
    trainings: trainings.map((t) => {
      const mine = feedback.filter((f) => f.sessionId === t.id);
      return {
        sessionId: t.id,
        title: t.title,
        startsAt: t.startsAt.toISOString(),
        attended: attended.find((a) => a.sessionId === t.id)?.n ?? 0,
        responses: mine.length,
        averageRating: averageRating(mine.map((f) => f.rating)),
        // Sorted, not in the order given: the order would tell who answered first.
        texts: mine.map((f) => f.text).filter((x) => x !== '').sort((a, b) => a.localeCompare(b)),
      };
    }),
    topics: topicCounts(
      feedback.map((f) => f.topics),
      topicLabel(services, locale),
    ),
  };
}
