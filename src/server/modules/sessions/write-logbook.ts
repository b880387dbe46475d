import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { isAllowed, type Actor } from '../../../domain/access/policy';
import type { LogbookEntry, WriteLogbookRequest } from '../../../contracts/sessions';
import type { QuestionSet } from '../../../contracts/content/questions';
import type { z } from 'zod';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { coachSupervision, communities, logbookEntries, people, sessions } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { readableActivities, resolvePlanActivities } from '../activities/public';
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

/**
 * The activities a coach says they used: each one once, and each one they can find in the library
 * (built-in, their own, or shared by a colleague). One already on the entry stays allowed, so an
 * activity removed or unshared since does not block editing the rest of the entry.
 */
export async function checkActivitiesUsed(services: Services, actor: Actor, locale: Locale, sessionId: string, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  const [previous] = await services.db
    .select({ activityIds: logbookEntries.activityIds })
    .from(logbookEntries)
    .where(and(eq(logbookEntries.sessionId, sessionId), eq(logbookEntries.authorId, actor.personId)));
  const kept = new Set((previous?.activityIds as string[] | undefined) ?? []);
  const known = new Set((await readableActivities(services, actor, locale)).map((a) => a.id));
  return activityIds.flatMap((id, i) => (activityIds.indexOf(id) === i && (known.has(id) || kept.has(id)) ? [] : [{ path: `activityIds.${i}`, message: 'invalid' }]));
}

export type WriteLogbookOptions = { services: Services; actor: Actor; session: LoadedSession; request: z.output<typeof WriteLogbookRequest>; locale: Locale };

/** The coach's short reflection after the session, with the activities they used; writing again updates the entry. */
export async function writeLogbook({ services, actor, session, request, locale }: WriteLogbookOptions): Promise<void> {
  const errors = [...checkAnswers(services.content.questions.logbook, request.answers), ...(await checkActivitiesUsed(services, actor, locale, session.row.id, request.activityIds))];
  if (errors.length) throw new AppError('validation_failed', 'logbook answers', {}, errors);
  // A reflection on a session that has not happened yet is not one.
  if (session.row.startsAt > services.now()) throw new AppError('session_not_started');
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
export async function listLogbooks({ services, actor, locale, sessionId }: { services: Services; actor: Actor; locale: Locale; sessionId?: string }): Promise<LogbookEntry[]> {
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
  const readable = rows.filter((r) =>
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
  );
  // The activities used, with their titles: the reader of the entry reads what the coach did,
  // also an activity the coach kept to themselves (as a session plan shows its steps).
  const activitiesOf = await resolvePlanActivities(services, actor.institutionId, locale, readable.map((r) => r.entry));
  return readable.map((r) => ({
    id: r.entry.id,
    sessionId: r.entry.sessionId,
    sessionStartsAt: r.startsAt.toISOString(),
    communityName: r.community,
    author: { id: r.entry.authorId, firstName: r.firstName, lastName: r.lastName },
    answers: r.entry.answers as LogbookEntry['answers'],
    activityIds: r.entry.activityIds as string[],
    activities: activitiesOf(r.entry),
    forIntervision: r.entry.forIntervision,
    updatedAt: r.entry.updatedAt.toISOString(),
  }));
}
