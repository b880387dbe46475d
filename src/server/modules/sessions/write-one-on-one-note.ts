import { CONSENT_FOR } from '../../../domain/consent/purposes';
import type { Services } from '../../context';
import { oneOnOneNotes } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { requireConsent } from '../consent/has-consent';
import type { LoadedSession } from './repository';

/**
 * The coach's private notes of a one-on-one: only the author ever reads them, and only while the
 * coachee's consent for coaching data holds (the notes are special-category data).
 */
export async function writeOneOnOneNote({ services, personId, session, body }: { services: Services; personId: string; session: LoadedSession; body: string }) {
  if (session.row.type !== 'oneOnOne' || !session.row.coacheeId) throw new AppError('not_found');
  await requireConsent(services.db, session.row.coacheeId, CONSENT_FOR.coachingData);
  await services.db
    .insert(oneOnOneNotes)
    .values({ sessionId: session.row.id, authorId: personId, body, updatedAt: services.now() })
    .onConflictDoUpdate({ target: oneOnOneNotes.sessionId, set: { body, updatedAt: services.now() } });
}
