import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { LogbookEntry, WriteLogbookRequest } from '../../../contracts/sessions';
import type { QuestionSet } from '../../../contracts/content';
import type { z } from 'zod';
import type { Services } from '../../context';
import { coachSupervision, communities, logbookEntries, people, sessions } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { LoadedSession } from './repository';

type Answers = z.output<typeof WriteLogbookRequest>['answers'];

/** Checks answers against the logbook questions from content: required ones present, known ids, right kinds. */
export function checkAnswers(set: QuestionSet, answers: Answers): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  for (const id of Object.keys(answers)) if (!set.questions.some((q) => q.id === id)) errors.push({ path: `answers.${id}`, message: 'unknownField' });
  for (const q of set.questions) {
    const a = answers[q.id];
    const empty = a === undefined || a === '' || (Array.isArray(a) && a.length === 0);
    if (empty) {
      if (q.required) errors.push({ path: `answers.${q.id}`, message: 'required' });
      continue;
    }
    if (q.kind === 'text' && (typeof a !== 'string' || a.length > q.maxLength)) errors.push({ path: `answers.${q.id}`, message: 'invalid' });
    if (q.kind === 'scale' && (typeof a !== 'number' || a < q.min || a > q.max)) errors.push({ path: `answers.${q.id}`, message: 'invalid' });
    if (q.kind === 'choice' && (!Array.isArray(a) || a.some((o) => !q.options.some((opt) => opt.id === o)) || (!q.multiple && a.length > 1)))
      errors.push({ path: `answers.${q.id}`, message: 'invalid' });
  }
  return errors;
}

export type WriteLogbookOptions = { services: Services; actor: Actor; session: LoadedSession; request: z.output<typeof WriteLogbookRequest> };

/** The coach's short reflection after the session; writing again updates the entry. */
export async function writeLogbook({ services, actor, session, request }: WriteLogbookOptions): Promise<void> {
  const errors = checkAnswers(services.content.questions.logbook, request.answers);
  if (errors.length) throw new AppError('validation_failed', 'logbook answers', {}, errors);
  await services.db
    .insert(logbookEntries)
    .values({ sessionId: session.row.id, authorId: actor.personId, answers: request.answers, activityIds: request.activityIds, forIntervision: request.forIntervision, updatedAt: services.now() })
    .onConflictDoUpdate({
      target: [logbookEntries.sessionId, logbookEntries.authorId],
      set: { answers: request.answers, activityIds: request.activityIds, forIntervision: request.forIntervision, updatedAt: services.now() },
    });
}

/**
 * Logbook entries the person may read: their own, their supervisees' (senior coach), their
 * programmes' (coordinator) — each decided by the policy. Never the leercoach's.
 */
export async function listLogbooks({ services, actor, sessionId }: { services: Services; actor: Actor; sessionId?: string }): Promise<LogbookEntry[]> {
  const supervisees = services.db.select({ id: coachSupervision.coachId }).from(coachSupervision).where(eq(coachSupervision.seniorId, actor.personId));
  const programmes = actor.grants.filter((g) => g.role === 'coordinator' && g.programmeId).map((g) => g.programmeId as string);
  const rows = await services.db
    .select({ entry: logbookEntries, startsAt: sessions.startsAt, programmeId: sessions.programmeId, institutionId: sessions.institutionId, community: communities.name, firstName: people.firstName, lastName: people.lastName })
    .from(logbookEntries)
    .innerJoin(sessions, eq(sessions.id, logbookEntries.sessionId))
    .innerJoin(people, eq(people.id, logbookEntries.authorId))
    .leftJoin(communities, eq(communities.id, sessions.communityId))
    .where(
      and(
        eq(sessions.institutionId, actor.institutionId),
        sessionId ? eq(sessions.id, sessionId) : undefined,
        or(eq(logbookEntries.authorId, actor.personId), inArray(logbookEntries.authorId, supervisees), programmes.length ? inArray(sessions.programmeId, programmes) : undefined),
      ),
    )
    .orderBy(desc(sessions.startsAt))
    .limit(200);
  const supervision = await services.db.select().from(coachSupervision).where(inArray(coachSupervision.coachId, [...new Set(rows.map((r) => r.entry.authorId)), actor.personId]));
  return rows
    .filter((r) =>
      isAllowed(actor, 'coachingContent:read', {
        kind: 'coachingContent',
        contentType: 'logbook',
        institutionId: r.institutionId,
        programmeId: r.programmeId,
        subjectId: r.entry.authorId,
        authorId: r.entry.authorId,
        supervisorIds: supervision.filter((s) => s.coachId === r.entry.authorId).map((s) => s.seniorId),
        sharedWithIds: [],
      }),
    )
    .map((r) => ({
      id: r.entry.id,
      sessionId: r.entry.sessionId,
      sessionStartsAt: r.startsAt.toISOString(),
      communityName: r.community,
      author: { id: r.entry.authorId, firstName: r.firstName, lastName: r.lastName },
      answers: r.entry.answers as LogbookEntry['answers'],
      activityIds: r.entry.activityIds as string[],
      forIntervision: r.entry.forIntervision,
      updatedAt: r.entry.updatedAt.toISOString(),
    }));
}
