import { and, desc, eq, sql } from 'drizzle-orm';
import type { CheckinHistoryResponse } from '../../../contracts/sessions';
import type { Locale } from '../../../i18n/translate';
import type { Services } from '../../context';
import { attendanceMarks, checkins, sessionFeedback, sessionRsvps } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import { hasConsent } from '../consent/public';
import { checkAnswers } from './write-logbook';
import type { LoadedSession } from './repository';

/**
 * Whether the person took part in a session, as far as anyone knows: a check-in and the closing
 * questions belong to a session they were at. Not after an absence notice or an absent mark,
 * unless the coach marked them present or late after all.
 */
export async function tookPart(services: Services, personId: string, sessionId: string): Promise<boolean> {
  const [mark] = await services.db
    .select({ status: attendanceMarks.status })
    .from(attendanceMarks)
    .where(and(eq(attendanceMarks.sessionId, sessionId), eq(attendanceMarks.personId, personId)));
  if (mark) return mark.status === 'present' || mark.status === 'late';
  const [rsvp] = await services.db
    .select({ response: sessionRsvps.response })
    .from(sessionRsvps)
    .where(and(eq(sessionRsvps.sessionId, sessionId), eq(sessionRsvps.personId, personId)));
  return rsvp?.response !== 'notComing';
}

async function assertTookPart(services: Services, personId: string, session: LoadedSession) {
  if (session.row.status === 'cancelled') throw new AppError('session_cancelled');
  if (!(await tookPart(services, personId, session.row.id))) throw new AppError('session_not_attended');
}

/** "Hoe zit je in je vel?" in one tap, once per session (tapping again changes the answer). */
export async function recordCheckin({ services, personId, session, score }: { services: Services; personId: string; session: LoadedSession; score: number }) {
  await assertTookPart(services, personId, session);
  await services.db
    .insert(checkins)
    .values({ personId, sessionId: session.row.id, score, createdAt: services.now() })
    .onConflictDoUpdate({ target: [checkins.sessionId, checkins.personId], set: { score: sql`excluded.score` } });
}

/** The coachee's own history, always visible to them, and whether they share it with their coach. */
export async function listMyCheckins({ services, personId, locale }: { services: Services; personId: string; locale: Locale }): Promise<CheckinHistoryResponse> {
  const rows = await services.db.select().from(checkins).where(eq(checkins.personId, personId)).orderBy(desc(checkins.createdAt)).limit(100);
  const text = services.content.consents.consents.find((c) => c.id === 'share-checkins-with-coach');
  if (!text) throw new AppError('internal', 'consent text missing');
  return {
    sharedWithCoach: await hasConsent(services.db, personId, 'share-checkins-with-coach'),
    coachingDataConsent: await hasConsent(services.db, personId, CONSENT_FOR.coachingData),
    consent: { id: 'share-checkins-with-coach', version: text.version, title: text.title[locale], text: text.text[locale], agreeLabel: text.agreeLabel[locale] },
    checkins: rows.map((r) => ({ id: r.id, score: r.score, at: r.createdAt.toISOString(), sessionId: r.sessionId })),
  };
}

/** The closing questions ("what did you think, what next time"), once per person per session. */
export async function giveSessionFeedback({ services, personId, session, answers }: { services: Services; personId: string; session: LoadedSession; answers: Record<string, string | number | string[]> }) {
  const errors = checkAnswers(services.content.questions.sessionClose, answers);
  if (errors.length) throw new AppError('validation_failed', 'session close answers', {}, errors);
  await assertTookPart(services, personId, session);
  await services.db
    .insert(sessionFeedback)
    .values({ sessionId: session.row.id, personId, answers })
    .onConflictDoUpdate({ target: [sessionFeedback.sessionId, sessionFeedback.personId], set: { answers } });
}
