import type { Services } from '../../context';
import { oneOnOneNotes } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { LoadedSession } from './repository';

/** The coach's private notes of a one-on-one: only the author ever reads them. */
export async function writeOneOnOneNote({ services, personId, session, body }: { services: Services; personId: string; session: LoadedSession; body: string }) {
  if (session.row.type !== 'oneOnOne') throw new AppError('not_found');
  await services.db
    .insert(oneOnOneNotes)
    .values({ sessionId: session.row.id, authorId: personId, body, updatedAt: services.now() })
    .onConflictDoUpdate({ target: oneOnOneNotes.sessionId, set: { body, updatedAt: services.now() } });
}
