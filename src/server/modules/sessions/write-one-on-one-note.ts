import { isAllowed, type Actor, type Resource } from '../../../domain/access/policy';
import { CONSENT_FOR } from '../../../domain/consent/purposes';
import type { Services } from '../../context';
import { oneOnOneNotes } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { requireConsent } from '../consent/public';
import type { LoadedSession } from './repository';

/** A one-on-one note as the access policy sees it: about the coachee, written by its author. */
export function oneOnOneNoteResource(session: LoadedSession, authorId: string): Extract<Resource, { kind: 'coachingContent' }> {
  return {
    kind: 'coachingContent',
    contentType: 'oneOnOneNote',
    institutionId: session.row.institutionId,
    programmeId: session.row.programmeId,
    subjectId: session.row.coacheeId ?? '',
    authorId,
    supervisorIds: session.resource.supervisorIds,
    sharedWithIds: [],
  };
}

/**
 * The coach's private notes of a one-on-one: only the author ever reads them, and only while the
 * coachee's consent for coaching data holds (the notes are special-category data). A note is
 * stored per (session, author): writing one never touches a note someone else wrote.
 */
export async function writeOneOnOneNote({ services, actor, session, body }: { services: Services; actor: Actor; session: LoadedSession; body: string }) {
  if (session.row.type !== 'oneOnOne' || !session.row.coacheeId) throw new AppError('not_found');
  if (!isAllowed(actor, 'coachingContent:write', oneOnOneNoteResource(session, actor.personId))) throw new AppError('not_found');
  await requireConsent(services.db, session.row.coacheeId, CONSENT_FOR.coachingData);
  await services.db
    .insert(oneOnOneNotes)
    .values({ sessionId: session.row.id, authorId: actor.personId, body, updatedAt: services.now() })
    .onConflictDoUpdate({ target: [oneOnOneNotes.sessionId, oneOnOneNotes.authorId], set: { body, updatedAt: services.now() } });
}
